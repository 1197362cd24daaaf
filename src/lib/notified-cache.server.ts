// A per-process cache forgotten on PostgreSQL notifications (ADR 0013): the one primitive under the session
// cache, the signed-in page cache, the plan task API's answers and the public page cache. It holds
// - the entries (a Map, bounded: past `maxEntries` the oldest goes, or everything, as the cache chooses);
// - a listening flag per channel: **while any of its channels is not listening (not yet, or its connection was
//   lost) nothing is served or kept**, and every change of state forgets everything;
// - a generation count, moved by every forget: a read started before a forget is answered but not kept
//   (`set` with the generation read before it);
// - and the one write-request hook of an app (`forgetOnWrite`): every cache it is given is emptied before and
//   after each request other than GET/HEAD/OPTIONS, so the writing process never waits for its own
//   notification (the session cache is not given to it: its own notifications arrive before the statement
//   returns, src/db/notifications.server.ts).
// Every channel is LISTENed on the database handle's one listening connection, whatever the number of caches.
import type { MiddlewareHandler } from 'hono';
import type { DbHandle } from '../db/client.server.ts';

export interface NotifiedCacheOptions<E> {
  maxEntries: number;
  /** Past `maxEntries`: drop the oldest entry, or start over. */
  overflow: 'oldest' | 'all';
  /** Its channels and what a notification on each forgets; without them it is always "listening". */
  notifications?: {
    /** Named in the log line when a channel cannot be listened to. */
    name: string;
    dbh: Pick<DbHandle, 'listen'>;
    logger: { warn(obj: object, msg: string): void };
    channels: Record<string, (payload: string, cache: NotifiedCache<E>) => void>;
    /**
     * This process's own notifications are handled before its writing statement returns (pooled connections
     * LISTEN too; src/db/notifications.server.ts): for a cache not given to the write hook.
     */
    seeOwnWrites?: boolean;
    /** Called when a channel starts or stops listening, before the cache forgets everything. */
    onListenChange?: () => void;
  };
}

export interface Forgettable {
  forgetAll(): void;
}

export interface NotifiedCache<E> extends Forgettable {
  /** The entry for `key`, only while every channel is listening. */
  get(key: string): E | undefined;
  /** True while every channel is listening: only then is anything served or kept. */
  listening(): boolean;
  /** The forget count now: pass it to `set` so that a read that raced a forget is not kept. */
  generation(): number;
  /** Keeps `entry` if every channel is listening and nothing was forgotten since `generation`. */
  set(key: string, entry: E, generation: number): boolean;
  delete(key: string): void;
  /** Forgets the entries `drop` picks (and moves the generation). */
  forgetWhere(drop: (entry: E) => boolean): void;
  size(): number;
}

/** A cache fed by its channels' notifications; it starts listening at once (and serves nothing until then). */
export function createNotifiedCache<E>(opts: NotifiedCacheOptions<E>): NotifiedCache<E> {
  const entries = new Map<string, E>();
  const notifications = opts.notifications;
  const channels = Object.entries(notifications?.channels ?? {});
  const up = new Set<string>();
  let gen = 0;
  const listening = () => up.size === channels.length;

  const cache: NotifiedCache<E> = {
    get: (key) => (listening() ? entries.get(key) : undefined),
    listening,
    generation: () => gen,
    set(key, entry, generation) {
      if (generation !== gen || !listening()) return false;
      if (entries.size >= opts.maxEntries && !entries.has(key)) {
        if (opts.overflow === 'all') entries.clear();
        else {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
      }
      entries.set(key, entry);
      return true;
    },
    delete: (key) => {
      entries.delete(key);
    },
    forgetAll() {
      gen++;
      entries.clear();
    },
    forgetWhere(drop) {
      gen++;
      for (const [key, e] of entries) if (drop(e)) entries.delete(key);
    },
    size: () => entries.size,
  };

  if (notifications)
    for (const [channel, onMessage] of channels) {
      notifications.dbh
        .listen(channel, {
          seeOwnWrites: notifications.seeOwnWrites === true,
          onMessage: (payload) => onMessage(payload, cache),
          onState(on) {
            // Whatever was missed while not listening is forgotten; a new listen starts from an empty cache.
            notifications.onListenChange?.();
            cache.forgetAll();
            if (on) up.add(channel);
            else up.delete(channel);
          },
        })
        .catch((e: Error) =>
          notifications.logger.warn({ err: e, channel }, `${notifications.name} off: cannot LISTEN`),
        );
    }
  return cache;
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/**
 * The one write-request hook of an app: empties every cache in `caches` (read at each request, so a module
 * may add its own later) before and after each request that is not GET, HEAD or OPTIONS.
 */
export function forgetOnWrite(caches: ReadonlySet<Forgettable>): MiddlewareHandler {
  return async (c, next) => {
    if (isRead(c.req.method) || caches.size === 0) return next();
    for (const cache of caches) cache.forgetAll();
    try {
      await next();
    } finally {
      for (const cache of caches) cache.forgetAll();
    }
  };
}

const forgottenOnWrite = new WeakMap<object, Set<Forgettable>>();

/** The caches an app's write hook forgets, one set per app (`owner`: its deps). */
export function cachesForgottenOnWrite(owner: object): Set<Forgettable> {
  let set = forgottenOnWrite.get(owner);
  if (!set) {
    set = new Set();
    forgottenOnWrite.set(owner, set);
  }
  return set;
}
