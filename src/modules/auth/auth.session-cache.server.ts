// Who a session belongs to, kept per process for SESSION_CACHE_TTL_MS (2 s in production) so that a signed-in
// request runs no statement to learn its actor (ADR 0013, "Session cache"). Two things end an entry early:
// - the `actor_changed` notification (migration 0198's triggers on sessions, users, role_grants and settings),
//   sent at commit by whichever process or job wrote; it also forgets the access module's cached grants;
//   the process that wrote handles it before the writing statement returns (every pooled connection LISTENs for
//   its own notifications, src/db/notifications.server.ts), so its next request sees the change; other writes forget
//   nothing (a burst of sign-ups used to empty the cache on every POST);
// - the session's own expiry, checked on every hit.
// While the notification channel is not listening (not yet, or its connection was lost), nothing is served.
// Listening and the generation are the shared primitive's (src/lib/notified-cache.server.ts); it is not given
// to the app's write hook (a write that changes no actor forgets nothing).
import type { AppDeps } from '../../app/deps.types.ts';
import { createNotifiedCache } from '../../lib/notified-cache.server.ts';
import type { SessionActorRow } from './auth.repository.server.ts';

/** Entries per process; past this the cache starts over (random tokens cannot grow memory). */
export const SESSION_CACHE_MAX_ENTRIES = 10_000;
export const ACTOR_CHANNEL = 'actor_changed';

export interface SessionCache {
  /** The row for a signed session cookie, if cached, fresh and its session not expired at `now`. */
  get(signedCookie: string, now: Date): SessionActorRow | undefined;
  /** The invalidation count now: pass it back to `set` so a read that raced an invalidation is not kept. */
  generation(): number;
  set(signedCookie: string, row: SessionActorRow, generation: number): void;
  forgetUser(userId: string): void;
  forgetAll(): void;
}

interface Entry {
  row: SessionActorRow;
  storedAt: number;
}

const NONE: SessionCache = {
  get: () => undefined,
  generation: () => 0,
  set: () => undefined,
  forgetUser: () => undefined,
  forgetAll: () => undefined,
};

// One cache per deps (one per app; pages and API share it), made on first use.
const caches = new WeakMap<object, SessionCache>();

export function sessionCacheFor(deps: AppDeps): SessionCache {
  let cache = caches.get(deps);
  if (!cache) {
    cache = deps.config.sessionCacheTtlMs > 0 ? createSessionCache(deps) : NONE;
    caches.set(deps, cache);
  }
  return cache;
}

function createSessionCache(deps: AppDeps): SessionCache {
  const ttl = deps.config.sessionCacheTtlMs;
  const entries = createNotifiedCache<Entry>({
    maxEntries: SESSION_CACHE_MAX_ENTRIES,
    overflow: 'all',
    notifications: {
      name: 'session cache',
      dbh: deps.dbh,
      logger: deps.logger,
      // Its guarantee for the writing process (the write hook does not empty it).
      seeOwnWrites: true,
      channels: {
        [ACTOR_CHANNEL]: (payload) => {
          if (!payload || payload === '*') {
            forgetAll();
            deps.repos.access.forgetActor();
          } else {
            forgetUser(payload);
            deps.repos.access.forgetActor(payload);
          }
        },
      },
    },
  });
  const forgetAll = () => entries.forgetAll();
  const forgetUser = (userId: string) => entries.forgetWhere((e) => e.row.user_id === userId);
  return {
    get(key, now) {
      const e = entries.get(key);
      if (!e) return undefined;
      // Date.now(), not `now`: the bound is real time since the read, whatever clock the app is given.
      if (Date.now() - e.storedAt >= ttl || new Date(e.row.expires_at).getTime() <= now.getTime()) {
        entries.delete(key);
        return undefined;
      }
      return e.row;
    },
    generation: entries.generation,
    set(key, row, generation) {
      entries.set(key, { row, storedAt: Date.now() }, generation);
    },
    forgetUser,
    forgetAll,
  };
}
