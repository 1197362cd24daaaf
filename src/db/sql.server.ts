// The raw-SQL helpers every repository uses (ADR 0010): one drizzle `sql` query's rows on either driver, list and
// array parameters, LIKE escaping, and the coercions of driver values that differ between PGlite and node-postgres.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.server.ts';

/** Runs one query and returns its rows: both drivers answer `execute` with `{ rows }` (or an array). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
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
