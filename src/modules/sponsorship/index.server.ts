// The sponsorship module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

/** Read port: donations whose purpose is a plan task instance (listed on the instance page as evidence). */
export const sponsorshipLinksPort = {
  forPlanInstances: async (deps: Pick<AppDeps, 'repos'>, db: Db, ids: readonly string[]) =>
    (await deps.repos.sponsorship.forPlanInstances(db, ids)).map((d) => ({
      id: d.id,
      description: d.description,
      receivedOn: d.receivedOn,
      valueVnd: d.valueVnd,
    })),
};
