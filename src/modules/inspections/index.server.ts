// The inspections module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

/** Read port: inspection plans linked to plan task instances (listed on the instance page). */
export const inspectionsLinksPort = {
  forPlanInstances: async (deps: Pick<AppDeps, 'repos'>, db: Db, ids: readonly string[]) =>
    (await deps.repos.inspections.plansForInstances(db, ids)).map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
    })),
};
