// Loader half of the record page's availability block (the component is Availability.tsx).
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { recordAvailability } from '../../../modules/circulation/index.server.ts';

export async function availabilityFor(deps: AppDeps, actor: Actor, recordId: string) {
  const lines = await recordAvailability(deps, recordId);
  if (lines.length === 0) return null;
  const unitNames = new Map((await deps.repos.units.all(deps.db)).map((u) => [u.id, u.name]));
  return {
    signedIn: actor.kind === 'user',
    lines: lines.map((l) => ({
      ...l,
      unitName: unitNames.get(l.unitId) ?? '',
      pickups: l.pickups.length ? l.pickups : [{ value: 'unit:', label: unitNames.get(l.unitId) ?? '' }],
    })),
  };
}
