// The cooperation module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

/** Read port: cooperation activities linked to plan task instances (listed on the instance page). */
export const cooperationLinksPort = {
  forPlanInstances: async (deps: Pick<AppDeps, 'repos'>, db: Db, ids: readonly string[]) =>
    (await deps.repos.cooperation.forPlanInstances(db, ids)).map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      startsOn: a.startsOn,
    })),
};
