// Opens the database: embedded PGlite (default, ./data/db) or a real PostgreSQL server via DATABASE_URL.
// Both speak the same SQL; Drizzle sits on top of either driver.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
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
   */
  listen(channel: string, on: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface Listener {
  onMessage(payload: string): void;
  onState(listening: boolean): void;
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
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(opts: Extract<OpenOptions, { kind: 'postgres' }>): Promise<DbHandle> {
  const { url, searchPath, max = 10 } = opts;
  const pool = new pg.Pool({
    connectionString: url,
    // withLock holds one connection for the advisory lock while the locked work uses another.
    max: Math.max(max, 2),
    // A server that does not answer (blackholed host) fails the request instead of hanging it.
    connectionTimeoutMillis: 5_000,
    // TCP keepalive notices a connection cut silently (firewall, failover) on idle sockets.
    keepAlive: true,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // Error listeners and safe retries: a lost connection must never end the process (pg-resilience.ts).
  makeResilient(pool, { onConnectionError: opts.onConnectionError });
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg({ client: pool }) as unknown as Db;
  const listeners = new Set<() => Promise<void>>();
  const ownNotifications = deliverOwnNotifications(pool);
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
    async listen(channel, on) {
      const unregister = ownNotifications.add(channel, on);
      const stop = await listenPostgres(url, channel, on, opts.onConnectionError, listeners).catch((e) => {
        unregister();
        throw e;
      });
      return async () => {
        unregister();
        await stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * A dedicated connection (not the pool's: LISTEN belongs to one session) that reconnects after a loss, with
 * a growing pause (0.5 s … 10 s). While it is down the listener is told so: a cache fed by it must not serve.
 */
async function listenPostgres(
  url: string,
  channel: string,
  on: Listener,
  onConnectionError: ((err: Error, what: string) => void) | undefined,
  listeners: Set<() => Promise<void>>,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = 500;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client = c;
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      on.onState(false);
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (stopped) return;
      if (err) onConnectionError?.(err, `LISTEN ${channel}`);
      retry = setTimeout(() => void connect().catch(() => undefined), pause);
      retry.unref();
      pause = Math.min(pause * 2, 10_000);
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', (m) => {
      if (m.channel === channel) on.onMessage(m.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (e) {
      onLost(e as Error);
      throw e;
    }
    if (stopped || lost) return;
    pause = 500;
    on.onState(true);
  };
  const stop = async () => {
    stopped = true;
    listeners.delete(stop);
    if (retry) clearTimeout(retry);
    on.onState(false);
    await client?.end().catch(() => undefined);
  };
  listeners.add(stop);
  // The first attempt's failure is the caller's to see; later losses reconnect on their own.
  await connect().catch((e) => {
    if (!stopped) return;
    throw e;
  });
  return stop;
}

/**
 * A notification sent by a statement of this process reaches its listener before that statement (or its
 * transaction's COMMIT) returns, as with PGlite: every pooled connection LISTENs on the channels listened to
 * here, and PostgreSQL hands a session its own notifications before ReadyForQuery of the committing statement.
 * Only the connection's own notifications are passed on this way (those of other sessions come through the
 * dedicated listening connection). So the process that wrote sees the effect of its write on its very next
 * request without forgetting anything else (ADR 0013, "Session cache"). LISTEN is queued on a connection when
 * it is checked out with a channel it does not listen on yet, before the statements it was checked out for.
 */
function deliverOwnNotifications(pool: pg.Pool) {
  const channels = new Map<string, Set<Listener>>();
  const listening = new WeakMap<pg.PoolClient, Set<string>>();
  pool.on('acquire', (client) => {
    let mine = listening.get(client);
    if (!mine) {
      const own = new Set<string>();
      mine = own;
      listening.set(client, own);
      client.on('notification', (m) => {
        // Another session's notification: the dedicated connection delivers it.
        if (m.processId !== (client as unknown as { processID: number }).processID) return;
        for (const on of channels.get(m.channel) ?? []) on.onMessage(m.payload ?? '');
      });
    }
    for (const channel of channels.keys()) {
      if (mine.has(channel)) continue;
      mine.add(channel);
      // A failed LISTEN leaves that connection's own notifications to the dedicated listener (milliseconds).
      client.query(`LISTEN ${channel}`).catch(() => mine.delete(channel));
    }
  });
  return {
    add(channel: string, on: Listener): () => void {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
      let set = channels.get(channel);
      if (!set) {
        set = new Set();
        channels.set(channel, set);
      }
      set.add(on);
      return () => {
        set.delete(on);
      };
    },
  };
}
