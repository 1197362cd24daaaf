// LISTEN for one process on PostgreSQL (ADR 0013, "Notifications: one connection, LISTEN once per pooled
// connection"). Two paths carry a notification to this process's listeners:
// - **one dedicated connection** per database handle, whatever the number of channels and listeners: every
//   channel is LISTENed on it, other processes' notifications arrive there, and its state is the listeners'
//   `onState` (a cache fed by it serves nothing while it is down). It reconnects after a loss with a growing
//   pause (0.5 s … 10 s) and LISTENs again on every channel in one statement;
// - **every pooled connection** LISTENs on the channels that a listener asked to `seeOwnWrites` on (the
//   session cache's `actor_changed`), so a session's own notification reaches the listeners before its
//   committing statement returns (PostgreSQL sends it before ReadyForQuery): the process that wrote sees the
//   effect of its write on its very next request. Only the connection's own notifications are passed on this
//   way; the dedicated connection delivers the others'. Other channels are not LISTENed by pooled connections:
//   PostgreSQL wakes every listening backend of every process for each notification. A pooled connection
//   LISTENs when it is created (pg-pool's `onConnect`, awaited before it is handed out) and, for a channel
//   first asked for after it was created, when it is next checked out, before the caller gets it (`catchUp`).
//   No statement is ever queued behind a caller's (pg deprecates that); a connection that cannot LISTEN is
//   dropped.
// `caughtUp()` is the barrier a cache waits on before serving a kept answer: a `SELECT 1` on the dedicated
// connection. A backend that is signalled of a notification sends it before the ReadyForQuery that ends its
// next statement, and pg emits 'notification' as it reads the message, so when the statement returns every
// notification committed before it began has reached the listeners. Calls that wait together share one
// statement: a call made while one is under way waits for the next (the one under way may have been answered
// before the caller's write committed), so at most one is running and one queued.
import pg from 'pg';
import type { Listener } from './client.server.ts';

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;
/** The listening connection's name in pg_stat_activity. */
export const LISTENER_NAME = 'suotdoi-listen';
const listenText = (channels: readonly string[]) => channels.map((c) => `LISTEN ${c}`).join('; ');
const backendOf = (client: pg.ClientBase) => (client as unknown as { processID: number }).processID;

export interface Notifications {
  listen(channel: string, on: Listener): Promise<() => Promise<void>>;
  /** Resolves once every notification committed before the call has reached the listeners (or at once when not listening). */
  caughtUp(): Promise<void>;
  /** For a pooled connection: LISTEN on the own-write channels it lacks; undefined when there are none. */
  catchUp(client: pg.ClientBase): Promise<void> | undefined;
  close(): Promise<void>;
}

interface Subscriber {
  on: Listener;
  /** What this listener was last told: listening or not. */
  told: boolean;
}

export function createNotifications(
  url: string,
  onConnectionError: ((err: Error, what: string) => void) | undefined,
): Notifications {
  const channels = new Map<string, Set<Subscriber>>();
  /** The channels pooled connections LISTEN on (a listener asked to see its own writes), with their count. */
  const ownWrites = new Map<string, number>();
  /** Counts channels added to `ownWrites`: a pooled connection that saw this count listens on all of them. */
  let version = 0;
  const pooled = new WeakMap<pg.ClientBase, { channels: Set<string>; version: number }>();

  const tell = (s: Subscriber, listening: boolean) => {
    if (s.told === listening) return;
    s.told = listening;
    s.on.onState(listening);
  };
  const deliver = (channel: string, payload: string) => {
    for (const s of channels.get(channel) ?? []) s.on.onMessage(payload);
  };

  // ── the dedicated connection ──
  let closed = false;
  let client: pg.Client | undefined;
  /** Channels LISTENed on `client` (reset with it). */
  let live = new Set<string>();
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = 500;
  /** Statements on the dedicated connection, one after another. */
  let queue: Promise<void> = Promise.resolve();

  /** Forgets `c` as the dedicated connection (lost or shut): listeners told, a reconnect planned if wanted. */
  const lose = (c: pg.Client, err?: Error): Promise<void> => {
    if (client !== c) return Promise.resolve();
    client = undefined;
    live = new Set();
    for (const subs of channels.values()) for (const s of subs) tell(s, false);
    c.removeAllListeners('notification');
    const ended = c.end().catch(() => undefined);
    if (closed || channels.size === 0) return ended;
    if (err) onConnectionError?.(err, `LISTEN ${[...channels.keys()].join(', ')}`);
    retry = setTimeout(() => {
      retry = undefined;
      void start();
    }, pause);
    retry.unref();
    pause = Math.min(pause * 2, 10_000);
    return ended;
  };

  /** LISTEN on the dedicated connection for every channel it lacks, then tell their listeners. */
  const sync = (): Promise<void> => {
    const run = queue.then(async () => {
      const c = client;
      if (!c || connecting) return;
      const missing = [...channels.keys()].filter((ch) => !live.has(ch));
      if (missing.length > 0) {
        try {
          await c.query(listenText(missing));
        } catch (e) {
          lose(c, e as Error);
          return;
        }
        if (client !== c) return;
        for (const ch of missing) live.add(ch);
      }
      for (const ch of live) for (const s of channels.get(ch) ?? []) tell(s, true);
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: LISTENER_NAME,
    });
    client = c;
    live = new Set();
    c.on('error', (err) => lose(c, err));
    c.on('end', () => lose(c));
    c.on('notification', (m) => deliver(m.channel, m.payload ?? ''));
    try {
      await c.connect();
    } catch (e) {
      lose(c, e as Error);
      return;
    }
    if (client === c) pause = 500;
  };

  /** Connects if nothing is connected, connecting or waiting to retry; then LISTENs on what is missing. */
  const start = (): Promise<void> => {
    if (!closed && !client && !connecting && !retry) {
      connecting = connect().finally(() => {
        connecting = undefined;
      });
    }
    return (connecting ?? Promise.resolve()).then(sync);
  };

  // ── the barrier ──
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const roundTrip = (): Promise<void> => {
    const run = queue.then(async () => {
      const c = client;
      // Not listening: the caches serve nothing, so there is nothing to wait for.
      if (!c || connecting || live.size === 0) return;
      try {
        await c.query('SELECT 1');
      } catch (e) {
        lose(c, e as Error);
      }
    });
    queue = run.catch(() => undefined);
    const done = run.finally(() => {
      if (running === done) running = undefined;
    });
    running = done;
    return done;
  };
  const caughtUp = (): Promise<void> => {
    if (queued) return queued;
    if (!running) return roundTrip();
    const next = running.then(() => {
      queued = undefined;
      return roundTrip();
    });
    queued = next;
    return next;
  };

  const shutdown = async () => {
    if (retry) clearTimeout(retry);
    retry = undefined;
    if (client) await lose(client);
  };

  return {
    async listen(channel, on) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
      if (closed) throw new Error('the database handle is closed');
      let subs = channels.get(channel);
      if (!subs) {
        subs = new Set();
        channels.set(channel, subs);
      }
      const sub: Subscriber = { on, told: false };
      subs.add(sub);
      if (on.seeOwnWrites) {
        const n = ownWrites.get(channel) ?? 0;
        ownWrites.set(channel, n + 1);
        if (n === 0) version++;
      }
      // Resolved once listening, or once the first attempt failed (it retries on its own; onState tells).
      await start();
      return async () => {
        const set = channels.get(channel);
        if (!set?.delete(sub)) return;
        if (set.size === 0) channels.delete(channel);
        if (on.seeOwnWrites) {
          const n = (ownWrites.get(channel) ?? 1) - 1;
          if (n > 0) ownWrites.set(channel, n);
          else ownWrites.delete(channel);
        }
        sub.told = true;
        tell(sub, false);
        if (channels.size === 0) await shutdown();
      };
    },

    caughtUp,

    catchUp(pooledClient) {
      let state = pooled.get(pooledClient);
      if (state?.version === version) return undefined;
      if (!state) {
        const mine = { channels: new Set<string>(), version: -1 };
        state = mine;
        pooled.set(pooledClient, mine);
        pooledClient.on('notification', (m) => {
          // Another session's notification: the dedicated connection delivers it.
          if (m.processId === backendOf(pooledClient)) deliver(m.channel, m.payload ?? '');
        });
      }
      const mine = state;
      const seen = version;
      const missing = [...ownWrites.keys()].filter((ch) => !mine.channels.has(ch));
      if (missing.length === 0) {
        mine.version = seen;
        return undefined;
      }
      return pooledClient.query(listenText(missing)).then(() => {
        for (const ch of missing) mine.channels.add(ch);
        mine.version = seen;
      });
    },

    async close() {
      closed = true;
      await shutdown();
    },
  };
}

type Connect = (
  cb?: (err: Error | undefined, client?: pg.PoolClient, done?: (e?: Error) => void) => void,
) => unknown;

/**
 * Makes every checkout of `pool` wait for `catchUp` (a channel first listened to after the connection was
 * made) before the caller gets the connection; a connection that fails to LISTEN is dropped and the error
 * passed on (a lost connection: the pool's retry takes another). Both of pg-pool's forms are kept (its own
 * `query()` checks out with a callback). Called before `makeResilient`, which wraps this `connect`.
 */
export function catchUpOnCheckout(pool: pg.Pool, notifications: Notifications): void {
  const raw = pool.connect.bind(pool) as Connect;
  const connect: Connect = (cb) => {
    if (typeof cb === 'function') {
      return raw((err, client, done) => {
        const waiting = !err && client ? notifications.catchUp(client) : undefined;
        if (!waiting) return cb(err, client, done);
        waiting.then(
          () => cb(undefined, client, done),
          (e: Error) => {
            done?.(e);
            cb(e, undefined, () => undefined);
          },
        );
      });
    }
    return (raw() as Promise<pg.PoolClient>).then((client) => {
      const waiting = notifications.catchUp(client);
      if (!waiting) return client;
      return waiting.then(
        () => client,
        (e: Error) => {
          client.release(e);
          throw e;
        },
      );
    });
  };
  (pool as { connect: unknown }).connect = connect;
}
