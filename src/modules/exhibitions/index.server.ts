// The exhibitions module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const exhibitionsPort = {
  /** Title, slug and status of these exhibitions; a missing id is absent from the answer. */
  summaries: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.exhibitions.summaries(db, ids),
};
