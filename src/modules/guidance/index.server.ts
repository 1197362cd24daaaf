// The guidance module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

/** Read port: guidance documents linked to plan task instances (listed on the instance page). */
export const guidanceLinksPort = {
  forPlanInstances: async (deps: Pick<AppDeps, 'repos'>, db: Db, ids: readonly string[]) =>
    (await deps.repos.guidance.forPlanInstances(db, ids)).map((d) => ({
      id: d.id,
      numberSymbol: d.numberSymbol,
      title: d.title,
    })),
};
