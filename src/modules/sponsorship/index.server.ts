// The sponsorship module's public surface.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { sponsorshipTotals } from './sponsorship.totals.server.ts';

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

/**
 * Read port: the value of donations received per year, receiving unit and source (organisation or person)
 * over the units the actor may read — the plan's budget view shows it beside the estimates.
 */
export const sponsorshipTotalsPort = {
  totals: (
    deps: Pick<AppDeps, 'db' | 'repos'>,
    actor: Actor,
    q: { fromYear: number; toYear: number; unit?: string | undefined },
  ) => sponsorshipTotals(deps, actor, q),
};
export type { SponsorshipTotals } from './sponsorship.totals.server.ts';
