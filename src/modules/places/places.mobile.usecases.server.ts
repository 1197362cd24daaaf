// Mobile-library routes: a vehicle with scheduled stops (weekly or on dates) at registry places. The public
// page shows the next stops, cancelled ones with their reason. Every write is audited in its transaction.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { checkVersion } from '../../lib/versions.server.ts';
import { authorizeAnywhere, visibleUnits } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import { newId } from './places.ids.server.ts';
import type { MobileRouteRow, StopView } from './places.mobile.repository.server.ts';
import { nextStopOccurrences, type StopCancellation, type StopOccurrence } from './places.schedule.ts';
import type {
  CreateRouteInput,
  CreateStopInput,
  StopCancellationInput,
  UpdateRouteInput,
} from './places.schemas.server.ts';
import { localNow } from './places.time.ts';
import { type PlacesDeps, placeVisible } from './places.usecases.server.ts';

const nfc = (s: string | null | undefined) => (s == null ? null : s.normalize('NFC'));

export interface RouteOccurrence extends StopOccurrence {
  placeName: string;
  placeCommune: string | null;
  placeDistrict: string | null;
}

export interface RouteDetail {
  route: MobileRouteRow;
  stops: StopView[];
  next: RouteOccurrence[];
  cancellations: StopCancellation[];
  canEdit: boolean;
}

export async function listRoutes(deps: PlacesDeps, actor: Actor): Promise<MobileRouteRow[]> {
  authorize(actor, 'places.place.read');
  return deps.repos.mobileRoutes.listRoutes(deps.db, {});
}

export async function listManagedRoutes(deps: PlacesDeps, actor: Actor): Promise<MobileRouteRow[]> {
  authorize(actor, 'places.place.list');
  const unitIds = visibleUnits(actor, 'places.route.update', await unitTree(deps));
  return deps.repos.mobileRoutes.listRoutes(deps.db, { unitIds, includeClosed: true });
}

export async function getRoute(
  deps: PlacesDeps,
  actor: Actor,
  routeId: string,
  opts: { days?: number; limit?: number } = {},
): Promise<RouteDetail> {
  authorize(actor, 'places.place.read');
  const route = await deps.repos.mobileRoutes.routeById(deps.db, routeId);
  if (
    !route ||
    (route.status !== 'active' && !can(actor, 'places.place.read_closed', { unitId: route.unitId }))
  )
    throw notFound('places.route');
  const now = deps.now();
  const stops = await deps.repos.mobileRoutes.stops(deps.db, routeId);
  const cancellations = await deps.repos.mobileRoutes.cancellations(
    deps.db,
    stops.map((s) => s.id),
    localNow(now).day,
  );
  const byId = new Map(stops.map((s) => [s.id, s]));
  const next = nextStopOccurrences(stops, cancellations, now, {
    days: opts.days ?? 28,
    limit: opts.limit ?? 20,
  }).map((o) => {
    const s = byId.get(o.stopId);
    return {
      ...o,
      placeName: s?.placeName ?? '',
      placeCommune: s?.placeCommune ?? null,
      placeDistrict: s?.placeDistrict ?? null,
    };
  });
  return {
    route,
    stops,
    next,
    cancellations,
    canEdit: can(actor, 'places.route.update', { unitId: route.unitId }),
  };
}

export async function createRoute(
  deps: PlacesDeps,
  actor: Actor,
  input: CreateRouteInput,
): Promise<MobileRouteRow> {
  authorize(actor, 'places.route.create', { unitId: input.unitId });
  return deps.db.transaction(async (tx) => {
    if (!(await deps.repos.units.get(tx, input.unitId)))
      throw new AppError('places.unit_not_found', 422, 'places.error.unitNotFound');
    const route = await deps.repos.mobileRoutes.insertRoute(tx, {
      id: newId('route'),
      unitId: input.unitId,
      name: input.name.normalize('NFC'),
      vehicle: nfc(input.vehicle),
      description: nfc(input.description),
      status: input.status ?? 'active',
    });
    await deps.audit.record(tx, actor, {
      action: 'places.route.create',
      entityType: 'mobile_library_route',
      entityId: route.id,
      unitId: route.unitId,
      after: route,
    });
    return route;
  });
}

/** Loads and locks a route for a write: 404 also when the actor may not see it (closed, another unit). */
async function routeForWrite(
  deps: PlacesDeps,
  tx: AppDeps['db'],
  actor: Actor,
  routeId: string,
  version?: number,
) {
  const route = await deps.repos.mobileRoutes.lockRoute(tx, routeId);
  if (!route) throw notFound('places.route');
  authorizeEdit(actor, 'places.route.update', route.unitId, placeVisible(actor, route), 'places.route');
  if (version !== undefined) checkVersion('places.route', route.version, version);
  return route;
}

export async function updateRoute(
  deps: PlacesDeps,
  actor: Actor,
  routeId: string,
  update: UpdateRouteInput,
): Promise<MobileRouteRow> {
  authorizeAnywhere(actor, 'places.route.update');
  const { version, ...input } = update;
  return deps.db.transaction(async (tx) => {
    const before = await routeForWrite(deps, tx, actor, routeId, version);
    if (input.unitId !== undefined && input.unitId !== before.unitId) {
      authorize(actor, 'places.route.update', { unitId: input.unitId });
      if (!(await deps.repos.units.get(tx, input.unitId)))
        throw new AppError('places.unit_not_found', 422, 'places.error.unitNotFound');
    }
    const after = await deps.repos.mobileRoutes.updateRoute(tx, routeId, {
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      ...(input.name !== undefined ? { name: input.name.normalize('NFC') } : {}),
      ...(input.vehicle !== undefined ? { vehicle: nfc(input.vehicle) } : {}),
      ...(input.description !== undefined ? { description: nfc(input.description) } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    });
    await deps.audit.record(tx, actor, {
      action: 'places.route.update',
      entityType: 'mobile_library_route',
      entityId: routeId,
      unitId: after.unitId,
      before,
      after,
    });
    return after;
  });
}

export async function addStop(
  deps: PlacesDeps,
  actor: Actor,
  routeId: string,
  input: CreateStopInput,
): Promise<StopView> {
  authorizeAnywhere(actor, 'places.route.update');
  return deps.db.transaction(async (tx) => {
    const route = await routeForWrite(deps, tx, actor, routeId);
    const place = await deps.repos.places.byId(tx, input.placeId);
    // The stop may be any active place of the registry (a commune hall of another unit is fine), not a guess.
    if (place?.status !== 'active')
      throw new AppError('places.stop_place_not_found', 422, 'places.error.stopPlace');
    const id = newId('stop');
    await deps.repos.mobileRoutes.insertStop(tx, {
      id,
      routeId,
      placeId: place.id,
      weekday: input.weekday ?? null,
      dates: [...new Set(input.dates ?? [])].sort(),
      starts: input.starts,
      ends: input.ends,
      note: nfc(input.note),
    });
    const stop = (await deps.repos.mobileRoutes.stopById(tx, id)) as StopView;
    await deps.audit.record(tx, actor, {
      action: 'places.stop.create',
      entityType: 'mobile_library_stop',
      entityId: id,
      unitId: route.unitId,
      after: stop,
    });
    return stop;
  });
}

async function stopForWrite(
  deps: PlacesDeps,
  tx: AppDeps['db'],
  actor: Actor,
  routeId: string,
  stopId: string,
) {
  const route = await routeForWrite(deps, tx, actor, routeId);
  const stop = await deps.repos.mobileRoutes.stopById(tx, stopId);
  if (!stop || stop.routeId !== routeId) throw notFound('places.stop');
  return { route, stop };
}

export async function removeStop(
  deps: PlacesDeps,
  actor: Actor,
  routeId: string,
  stopId: string,
): Promise<void> {
  authorizeAnywhere(actor, 'places.route.update');
  await deps.db.transaction(async (tx) => {
    const { route, stop } = await stopForWrite(deps, tx, actor, routeId, stopId);
    await deps.repos.mobileRoutes.deleteStop(tx, stopId);
    await deps.audit.record(tx, actor, {
      action: 'places.stop.delete',
      entityType: 'mobile_library_stop',
      entityId: stopId,
      unitId: route.unitId,
      before: stop,
    });
  });
}

export async function cancelStop(
  deps: PlacesDeps,
  actor: Actor,
  routeId: string,
  stopId: string,
  input: StopCancellationInput,
): Promise<StopCancellation> {
  authorizeAnywhere(actor, 'places.route.update');
  const cancellation = { stopId, day: input.day, reason: input.reason.normalize('NFC') };
  await deps.db.transaction(async (tx) => {
    const { route, stop } = await stopForWrite(deps, tx, actor, routeId, stopId);
    const weekdayOf = new Date(`${input.day}T00:00:00Z`).getUTCDay() || 7;
    const runs = stop.weekday !== null ? stop.weekday === weekdayOf : stop.dates.includes(input.day);
    if (!runs) throw new AppError('places.stop_not_on_day', 422, 'places.error.stopNotOnDay');
    await deps.repos.mobileRoutes.upsertCancellation(tx, cancellation);
    await deps.audit.record(tx, actor, {
      action: 'places.stop.cancel',
      entityType: 'mobile_library_stop',
      entityId: stopId,
      unitId: route.unitId,
      after: cancellation,
    });
  });
  return cancellation;
}

export async function restoreStop(
  deps: PlacesDeps,
  actor: Actor,
  routeId: string,
  stopId: string,
  day: string,
): Promise<void> {
  authorizeAnywhere(actor, 'places.route.update');
  await deps.db.transaction(async (tx) => {
    const { route } = await stopForWrite(deps, tx, actor, routeId, stopId);
    if (!(await deps.repos.mobileRoutes.deleteCancellation(tx, stopId, day)))
      throw notFound('places.stop_cancellation');
    await deps.audit.record(tx, actor, {
      action: 'places.stop.restore',
      entityType: 'mobile_library_stop',
      entityId: stopId,
      unitId: route.unitId,
      before: { stopId, day },
    });
  });
}
