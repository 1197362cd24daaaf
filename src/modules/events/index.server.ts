// The events module's public surface: what other modules may use. Nothing else in src/modules/events is
// imported from outside it (other than by the module list and the pages).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import type { ExternalEventValues } from './external-events.repository.server.ts';

export { EVENT_CATEGORIES } from './events.vocab.ts';
export type { ExternalEventValues } from './external-events.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

/** Write port for events copied from partner calendars (the community calendar, event-feeds). */
export const externalEvents = {
  /** Inserts or updates one copied event and its sessions (idempotent by subscription and UID); its id. */
  upsert: (deps: Repos, tx: Db, v: ExternalEventValues): Promise<string> =>
    deps.repos.externalEvents.upsert(tx, v),
  /** Marks the copied events the partner no longer lists as cancelled; how many. */
  cancelMissing: (
    deps: Repos,
    tx: Db,
    subscriptionId: string,
    keepUids: readonly string[],
  ): Promise<number> => deps.repos.externalEvents.cancelMissing(tx, subscriptionId, keepUids),
  /** Deletes every event copied from this partner calendar. */
  deleteFromSource: (deps: Repos, tx: Db, subscriptionId: string): Promise<void> =>
    deps.repos.externalEvents.deleteFromSource(tx, subscriptionId),
};

/** Read port: events other modules link to (news articles, campaigns). One query per list. */
export const eventsPort = {
  summaries: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.events.summaries(db, ids),
  recentOptions: (deps: Repos, db: Db, limit = 200) => deps.repos.events.recentOptions(db, limit),
};
