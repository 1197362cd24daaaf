// The raw-SQL helpers every repository uses (ADR 0010): one drizzle `sql` query's rows on either driver, list and
// array parameters, LIKE escaping, and the coercions of driver values that differ between PGlite and node-postgres.
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { Db } from './client.server.ts';

/** Runs one query and returns its rows: both drivers answer `execute` with `{ rows }` (or an array). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

let naming = true;

/** Named statements on or off for `queryRowsNamed` (on by default; bench/circulation.ts compares the two). */
export function setNamedStatements(on: boolean): void {
  naming = on;
}

/**
 * `queryRows` as a named prepared statement on PostgreSQL: each connection parses and analyses the text once
 * and keeps it, and after five runs the server may keep one generic plan instead of planning every call. For
 * a hot statement whose planning costs more than its run (the desk's lend and return, one large CTE each).
 * The name is a hash of the text, so each distinct text is prepared once per connection; the text must take
 * its values as parameters only (a value written into the text would prepare a new statement every call).
 * PGlite has no named statements and runs it as `queryRows` does. Behind a pooler in transaction mode they
 * need PgBouncer ≥ 1.21 with `max_prepared_statements` > 0, or session mode (docs/scaling.md, poolers).
 */
export async function queryRowsNamed<T>(db: Db, query: SQL): Promise<T[]> {
  if (!naming) return queryRows(db, query);
  // Drizzle's own prepared-query path (`.prepare(name)` of its builders), for a raw SQL query.
  const { dialect, session } = db as unknown as { dialect: PgDialect; session: PgSession };
  const q = dialect.sqlToQuery(query);
  const name = `n_${createHash('sha1').update(q.sql).digest('hex').slice(0, 24)}`;
  const result = (await session.prepareQuery(q, undefined, name, false).execute()) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** `$1, $2, …` for an `IN (…)` list; callers guarantee the list is not empty. */
export function sqlList(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/** One array parameter (drizzle would otherwise expand an array into a list); cast it at the use: `::text[]`. */
export function textArray(values: readonly string[]): SQL {
  return sql`${sql.param(values)}`;
}

/** `s` with LIKE's wildcards and escape character escaped, to match literally inside a pattern. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A timestamp column's value as a Date (drivers answer a Date or its text). */
export function toDate(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(v as string);
}

/** A date column's value as `YYYY-MM-DD` (drivers answer a Date or its text). */
export function toDay(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
