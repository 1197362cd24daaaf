// The catalogue module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const catalogueRecordsPort = {
  /** Title, type and publication of these records; a missing id is absent from the answer. */
  summaries: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.catalogue.summaries(db, ids),
  /** The first image of each of these records (thumbnails). */
  firstImages: (deps: Repos, db: Db, ids: readonly string[]) =>
    deps.repos.catalogueMedia.firstImages(db, ids),
};
