// Reads for the back-office forms: a place or route loaded for editing (404 absent, 403 not kept), the units
// an actor may assign, and the active places a stop may use.

import { authorizeEdit } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import { authorizeAnywhere, authorizeOnRoot, visibleUnits } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import type { HoursException, HoursInterval } from './places.hours.ts';
import type { MobileRouteRow } from './places.mobile.repository.server.ts';
import type { PlaceRow } from './places.repository.server.ts';
import { type PlacesDeps, placeVisible } from './places.usecases.server.ts';

export interface UnitOption {
  id: string;
  name: string;
  depth: number;
}

/** Units (open today) under the actor's grants for `action`, in tree order. */
export async function unitOptions(deps: PlacesDeps, actor: Actor, action: string): Promise<UnitOption[]> {
  authorizeAnywhere(actor, action);
  const allowed = visibleUnits(actor, action, await unitTree(deps));
  const tree = await deps.repos.units.listTree(deps.db, { today: isoDateInVietnam(deps.now()) });
  const set = allowed ? new Set(allowed) : null;
  return tree.filter((u) => !set || set.has(u.id)).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
}

export async function canEditMapSettings(deps: PlacesDeps, actor: Actor): Promise<boolean> {
  try {
    authorizeOnRoot(actor, 'places.settings.update', await unitTree(deps));
    return true;
  } catch {
    return false;
  }
}

export async function placeForEdit(
  deps: PlacesDeps,
  actor: Actor,
  placeId: string,
): Promise<{ place: PlaceRow; weekly: HoursInterval[]; exceptions: HoursException[] }> {
  authorizeAnywhere(actor, 'places.place.update');
  const place = await deps.repos.places.byId(deps.db, placeId);
  if (!place) throw notFound('places.place');
  authorizeEdit(actor, 'places.place.update', place.unitId, placeVisible(actor, place), 'places.place');
  const today = isoDateInVietnam(deps.now());
  const [weekly, exceptions] = await Promise.all([
    deps.repos.places.hours(deps.db, placeId),
    deps.repos.places.exceptions(deps.db, placeId, today),
  ]);
  return { place, weekly, exceptions };
}

export async function routeForEdit(deps: PlacesDeps, actor: Actor, routeId: string): Promise<MobileRouteRow> {
  authorizeAnywhere(actor, 'places.route.update');
  const route = await deps.repos.mobileRoutes.routeById(deps.db, routeId);
  if (!route) throw notFound('places.route');
  authorizeEdit(actor, 'places.route.update', route.unitId, placeVisible(actor, route), 'places.route');
  return route;
}

/** Active places a stop may be set at (any unit's: a van stops at commune halls of other units too). */
export async function stopPlaceOptions(
  deps: PlacesDeps,
  actor: Actor,
): Promise<Array<{ id: string; name: string; commune: string | null; district: string | null }>> {
  authorizeAnywhere(actor, 'places.route.update');
  const { rows } = await deps.repos.places.list(deps.db, { limit: 1000 });
  return rows.map((p) => ({ id: p.id, name: p.name, commune: p.commune, district: p.district }));
}
