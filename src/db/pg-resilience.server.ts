// Keeps a pg.Pool alive through lost connections (PostgreSQL restart, failover, pg_terminate_backend, an idle
// connection cut by a firewall) and retries only what is safe to retry:
// - getting a connection (nothing has been sent yet) is retried for every statement and transaction;
// - a single statement outside a transaction is retried when it was provably never sent (the client was
//   already broken) or when it only reads (SELECT/SHOW/VALUES/TABLE);
// - a write whose connection died after it was sent is never retried: it may have committed. The caller
//   gets the error, answered 503 by the HTTP layer.
// Statements inside a transaction are never retried one by one (the transaction died with its connection).
import type pg from 'pg';
import { isDatabaseUnavailable } from '../lib/db-unavailable.ts';

export interface ResilienceOptions {
  /** Attempts in all (first try included). */
  attempts?: number;
  /** Delay before the n-th retry: `baseDelayMs * 2^(n-1)`. */
  baseDelayMs?: number;
  /** Told about every lost connection (idle or busy) and every retry. */
  onConnectionError?: ((err: Error, what: string) => void) | undefined;
}

const NOT_SENT = [
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

function provablyNotSent(e: unknown): boolean {
  const message = (e as { message?: unknown })?.message;
  return typeof message === 'string' && NOT_SENT.some((m) => message.startsWith(m));
}

/** A statement that only reads: its retry cannot change data. Leading comments are skipped. */
export function isReadOnlyStatement(sqlText: string): boolean {
  const text = sqlText.replace(/^(?:\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  if (!/^(select|show|values|table)\b/i.test(text)) return false;
  // SELECT … INTO creates a table; FOR UPDATE/SHARE takes locks (harmless outside a transaction, but not a read).
  return (
    !/\binto\s+(?!\$)/i.test(text.replace(/'[^']*'/g, "''")) &&
    !/\bfor\s+(update|share|no\s+key|key)\b/i.test(text)
  );
}

type QueryConfigLike = string | { text: string };
const textOf = (q: QueryConfigLike) => (typeof q === 'string' ? q : q.text);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Adds error listeners (an unhandled 'error' event on the pool or on a checked-out client would end the
 * process) and retrying `connect()` / `query()` to `pool`, in place: Drizzle must still see a pg.Pool.
 */
export function makeResilient(pool: pg.Pool, opts: ResilienceOptions = {}): pg.Pool {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const baseDelayMs = opts.baseDelayMs ?? 150;
  const report = opts.onConnectionError ?? (() => undefined);

  // An idle client lost its connection: pg-pool has already removed it; the next checkout opens a new one.
  pool.on('error', (err) => report(err, 'idle connection lost'));
  // A checked-out client lost its connection: its running query is rejected, the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', (err) => report(err, 'connection lost while in use'));
  });

  const rawConnect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const connectWithRetry = async (): Promise<pg.PoolClient> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await rawConnect()) as pg.PoolClient;
      } catch (e) {
        if (attempt >= attempts || !isDatabaseUnavailable(e) || pool.ending) throw e;
        report(e as Error, `connect failed; retry ${attempt}/${attempts - 1}`);
        await sleep(baseDelayMs * 2 ** (attempt - 1));
      }
    }
  };
  // pg-pool's own query() calls connect(callback): keep the callback form as it was.
  (pool as { connect: unknown }).connect = (...args: unknown[]) =>
    typeof args[0] === 'function' ? rawConnect(...args) : connectWithRetry();

  const rawQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const queryWithRetry = async (config: QueryConfigLike, values?: unknown) => {
    for (let attempt = 1; ; attempt++) {
      const client = await connectWithRetry();
      try {
        const result = await client.query(config as string, values as unknown[]);
        client.release();
        return result;
      } catch (e) {
        const lost = isDatabaseUnavailable(e);
        client.release(lost ? (e as Error) : undefined);
        const retryable = lost && (provablyNotSent(e) || isReadOnlyStatement(textOf(config)));
        if (!retryable || attempt >= attempts || pool.ending) throw e;
        report(e as Error, `statement retried ${attempt}/${attempts - 1}`);
        await sleep(baseDelayMs * 2 ** (attempt - 1));
      }
    }
  };
  (pool as { query: unknown }).query = (...args: unknown[]) =>
    args.some((a) => typeof a === 'function') ||
    (typeof args[0] === 'object' && args[0] !== null && 'submit' in args[0])
      ? rawQuery(...args)
      : queryWithRetry(args[0] as QueryConfigLike, args[1]);
  return pool;
}
