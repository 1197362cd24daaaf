// The places module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const placesPort = {
  /** Active places (all, or the ones with these ids), by name. */
  activeOptions: (deps: Repos, db: Db, ids?: readonly string[]) =>
    deps.repos.placeLookup.activeOptions(db, ids),
  /** Names of these places, by name (one query for the whole list). */
  names: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.placeLookup.names(db, ids),
};
