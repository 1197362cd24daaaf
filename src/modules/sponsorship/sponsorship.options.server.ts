// What the sponsorship forms offer: units the actor records for, sponsors, agreements, plan task instances and
// recent events (through their modules' ports).

import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { eventsPort } from '../events/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { SponsorshipDeps } from './sponsorship.usecases.server.ts';

export async function sponsorshipFormOptions(deps: SponsorshipDeps, actor: Actor, sponsorId?: string) {
  const units = await deps.repos.units.all(deps.db);
  const own = units.filter((u) => can(actor, 'sponsorship.donation.create', { unitId: u.id }));
  const year = Number(deps.now().toISOString().slice(0, 4));
  const events = await eventsPort.recentOptions(deps, deps.db, 200);
  return {
    units: own.map((u) => ({ id: u.id, name: u.name })),
    sponsors: (await deps.repos.sponsorship.listSponsors(deps.db, undefined)).map((s) => ({
      id: s.id,
      name: s.name,
    })),
    agreements: sponsorId ? await deps.repos.sponsorship.agreementsOf(deps.db, sponsorId) : [],
    planInstances: await planInstancesPort.options(
      deps,
      deps.db,
      year,
      own.map((u) => u.id),
    ),
    events: events
      .filter((e) => own.some((u) => u.id === e.unitId))
      .map((e) => ({ id: e.id, title: e.title })),
  };
}
