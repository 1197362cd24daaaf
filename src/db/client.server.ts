// Opens the database: embedded PGlite (default, ./data/db) or a real PostgreSQL server via DATABASE_URL.
// Both speak the same SQL; Drizzle sits on top of either driver.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { catchUpOnCheckout, createNotifications } from './notifications.server.ts';
import { makeResilient } from './pg-resilience.server.ts';

export type Db = PgDatabase<PgQueryResultHKT>;

export interface DbHandle {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a multi-statement SQL script (migrations, seeds) atomically. */
  execScript(sqlText: string): Promise<void>;
  /** Runs one parameterised query and returns rows; for infrastructure code (migrations, health). */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /** Serialises an action across processes (a PostgreSQL advisory lock; PGlite is single-process). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: `onMessage` gets each payload; `onState(true)` once listening, `onState(false)` when
   * the listening connection is lost (a reconnect follows). Stopped by the returned function or by close().
   * On PostgreSQL every channel and listener of the handle share one listening connection.
   */
  listen(channel: string, on: Listener): Promise<() => Promise<void>>;
  /**
   * Resolves once every notification committed before the call has been handed to this process's listeners
   * (PostgreSQL: one round trip on the listening connection, shared by the calls that wait together; PGlite:
   * at once, its notifications are handled before the statement that sent them returns). A cache asks this
   * before serving a kept answer, so a write committed anywhere is seen by the very next request (ADR 0013).
   */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export interface Listener {
  onMessage(payload: string): void;
  onState(listening: boolean): void;
  /**
   * Also handed this process's own notifications on the channel before the statement (or COMMIT) that sent
   * them returns: on PostgreSQL every pooled connection then LISTENs on the channel too (PGlite always does so).
   * For a cache that is not emptied around write requests (the session cache); others need not pay for it.
   */
  seeOwnWrites?: boolean;
}

export type OpenOptions =
  | { kind: 'pglite'; dataDir?: string | undefined }
  | {
      kind: 'postgres';
      url: string;
      searchPath?: string | undefined;
      max?: number | undefined;
      /** Told about lost connections and retries (the server logs them); they never end the process. */
      onConnectionError?: ((err: Error, what: string) => void) | undefined;
    };

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  return opts.kind === 'pglite' ? openPglite(opts.dataDir) : openPostgres(opts);
}

async function openPglite(dataDir: string | undefined): Promise<DbHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm: typo correction over the catalogue's word dictionary (migration 0006).
  const client = dataDir
    ? new PGlite(dataDir, { extensions: { pg_trgm } })
    : new PGlite({ extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Db;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db,
    async execScript(sqlText) {
      await client.transaction(async (tx) => {
        await tx.exec(sqlText);
      });
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await client.query<T>(sqlText, params);
      return r.rows;
    },
    withLock<T>(_key: number, fn: () => Promise<T>) {
      const run = chain.then(fn, fn);
      chain = run.catch(() => undefined);
      return run;
    },
    async listen(channel, on) {
      // One process, one connection: a notification is handled before the statement that sent it returns.
      const stop = await client.listen(channel, (payload) => on.onMessage(payload));
      on.onState(true);
      return async () => {
        on.onState(false);
        await stop();
      };
    },
    caughtUp: () => Promise.resolve(),
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(opts: Extract<OpenOptions, { kind: 'postgres' }>): Promise<DbHandle> {
  const { url, searchPath, max = 10 } = opts;
  // One listening connection for every channel; each pooled connection LISTENs too, for its own notifications
  // (src/db/notifications.server.ts).
  const notifications = createNotifications(url, opts.onConnectionError);
  const pool = new pg.Pool({
    connectionString: url,
    // withLock holds one connection for the advisory lock while the locked work uses another.
    max: Math.max(max, 2),
    // A server that does not answer (blackholed host) fails the request instead of hanging it.
    connectionTimeoutMillis: 5_000,
    // TCP keepalive notices a connection cut silently (firewall, failover) on idle sockets.
    keepAlive: true,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
    // A new connection LISTENs on every channel before it is handed out (awaited by pg-pool).
    onConnect: (client) => notifications.catchUp(client),
  });
  // …and one made before a channel was first listened to catches up when next checked out.
  catchUpOnCheckout(pool, notifications);
  // Error listeners and safe retries: a lost connection must never end the process (pg-resilience.ts).
  makeResilient(pool, { onConnectionError: opts.onConnectionError });
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async execScript(sqlText) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(sqlText);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await pool.query(sqlText, params);
      return r.rows as T[];
    },
    async withLock<T>(key: number, fn: () => Promise<T>) {
      const c = await pool.connect();
      try {
        await c.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await c.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        c.release();
      }
    },
    listen: (channel, on) => notifications.listen(channel, on),
    caughtUp: () => notifications.caughtUp(),
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
}
