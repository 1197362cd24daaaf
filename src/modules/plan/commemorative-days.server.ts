// The commemorative days, kept per process: every events month view reads them, and they change about once a
// release (the reference seed). The copy is forgotten
// - when the `commemorative_days_changed` notification arrives (migration 0203's trigger: any write, by any
//   process or by hand, announced at commit),
// - at once in the process that wrote, through `forgetCommemorativeDays` after its commit,
// - and whenever the notification channel stops or starts listening; while it is not listening, every read
//   goes to the database.
// A read that raced an invalidation is answered but not kept: forgetting drops the read in flight too.
import type { AppDeps } from '../../app/deps.types.ts';
import type { CommemorativeDay } from './plan.repository.server.ts';

export const COMMEMORATIVE_DAYS_CHANNEL = 'commemorative_days_changed';

type Deps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'logger'>;

interface DaysCache {
  listening: boolean;
  days: Promise<CommemorativeDay[]> | null;
}

// One cache per database handle (pages and API share this module: one copy per process, ADR 0009).
const caches = new WeakMap<object, DaysCache>();

function cacheOf(deps: Deps): DaysCache {
  let cache = caches.get(deps.dbh);
  if (cache) return cache;
  const created: DaysCache = { listening: false, days: null };
  cache = created;
  caches.set(deps.dbh, created);
  const forget = () => {
    created.days = null;
  };
  deps.dbh
    .listen(COMMEMORATIVE_DAYS_CHANNEL, {
      onMessage: forget,
      onState(on) {
        forget();
        created.listening = on;
      },
    })
    .catch((e: Error) => deps.logger.warn({ err: e }, 'commemorative days not cached: cannot LISTEN'));
  return created;
}

/** The commemorative days (by month and day), from this process's copy when it has a current one. */
export function commemorativeDays(deps: Deps): Promise<CommemorativeDay[]> {
  const cache = cacheOf(deps);
  if (cache.days) return cache.days;
  const read = deps.repos.plan.listCommemorativeDays(deps.db);
  if (!cache.listening) return read;
  cache.days = read;
  // A failed read is not kept.
  read.catch(() => {
    if (cache.days === read) cache.days = null;
  });
  return read;
}

/** Forgets this process's copy (after a committed write; other processes hear the notification). */
export function forgetCommemorativeDays(deps: Pick<AppDeps, 'dbh'>): void {
  const cache = caches.get(deps.dbh);
  if (cache) cache.days = null;
}
