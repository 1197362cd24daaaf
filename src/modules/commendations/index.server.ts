// The commendations module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

/** Read port: nominations linked to plan task instances (listed on the instance page). */
export const commendationsLinksPort = {
  forPlanInstances: async (deps: Pick<AppDeps, 'repos'>, db: Db, ids: readonly string[]) =>
    (await deps.repos.commendations.forPlanInstances(db, ids)).map((n) => ({
      id: n.id,
      title: n.title,
      nomineeName: n.nomineeName,
      status: n.status,
    })),
};
