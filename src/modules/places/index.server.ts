// The places module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { createPlaceLookupRepository, type PlaceSummary } from './places-lookup.repository.server.ts';

export type { PlaceSummary } from './places-lookup.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const placesPort = {
  /** Active places (all, or the ones with these ids), by name. */
  activeOptions: (deps: Repos, db: Db, ids?: readonly string[]) =>
    deps.repos.placeLookup.activeOptions(db, ids),
  /** Names of these places, by name (one query for the whole list). */
  names: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.placeLookup.names(db, ids),
  /** Communes/wards that have an active place, by name. */
  communes: (deps: Repos, db: Db): Promise<string[]> => deps.repos.placeLookup.communes(db),
};

const lookup = createPlaceLookupRepository();

/**
 * Name, address and position of these places, by id (one query for the whole list). Needs no deps: other
 * modules' repositories call it to complete their rows (the events listings).
 */
export async function placeSummaries(db: Db, ids: readonly string[]): Promise<Map<string, PlaceSummary>> {
  const unique = [...new Set(ids)];
  return new Map((await lookup.summaries(db, unique)).map((p) => [p.id, p]));
}
