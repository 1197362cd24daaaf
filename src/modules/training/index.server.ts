// The training module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

/** Read port: training courses linked to plan task instances (listed on the instance page as evidence). */
export const trainingLinksPort = {
  forPlanInstances: async (deps: Pick<AppDeps, 'repos'>, db: Db, ids: readonly string[]) =>
    (await deps.repos.training.forPlanInstances(db, ids)).map((c) => ({
      id: c.id,
      title: c.title,
      startsOn: c.startsOn,
    })),
};
