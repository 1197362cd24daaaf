// The plan module's public surface: what other modules may use (read ports).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const planInstancesPort = {
  exists: (deps: Repos, db: Db, id: string) => deps.repos.planLookup.instanceExists(db, id),
  /** Instances of `year` and the next of the tasks these units lead or coordinate (event form choices). */
  options: (deps: Repos, db: Db, year: number, unitIds: readonly string[]) =>
    deps.repos.planLookup.instanceOptions(db, year, unitIds),
};

/** The commemorative days the plan ties activities to (reference data; the indicators' day breakdown). */
export { COMMEMORATIVE_DAYS, type CommemorativeDaySource } from './commemorative-days.data.ts';
/** The commemorative days as stored (per-process copy, forgotten on any write: commemorative-days.server.ts). */
export { commemorativeDays as listCommemorativeDays } from './commemorative-days.server.ts';
