// Places use cases: the public registry (list, near me, detail with opening hours) and the back office
// (create, edit, weekly hours, dated exceptions). Every write is audited in its transaction.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { LatLng } from '../../lib/geo.ts';
import { checkVersion } from '../../lib/versions.server.ts';
import { authorizeAnywhere, visibleUnits } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import {
  type HoursException,
  type HoursInterval,
  type OpeningStatus,
  openingStatus,
  overlappingWeekday,
  upcomingExceptions,
} from './places.hours.ts';
import { newId } from './places.ids.server.ts';
import type { StopView } from './places.mobile.repository.server.ts';
import type { CommuneCentre, PlaceListRow, PlaceRow, PlaceValues } from './places.repository.server.ts';
import type { StopOccurrence } from './places.schedule.ts';
import { nextStopOccurrences } from './places.schedule.ts';
import type {
  CreatePlaceInput,
  HoursExceptionInput,
  PlaceListQuery,
  UpdatePlaceInput,
  WeeklyHoursInput,
} from './places.schemas.server.ts';
import { localNow } from './places.time.ts';

export type PlacesDeps = Pick<AppDeps, 'db' | 'dbh' | 'repos' | 'audit' | 'now'>;

export const PLACES_PAGE_SIZE = 50;

const nfc = (s: string | null | undefined) => (s == null ? null : s.normalize('NFC'));

export interface PlaceList {
  rows: PlaceListRow[];
  total: number;
  page: number;
  pageSize: number;
  near: LatLng | null;
  /** The commune the list is sorted from, when "near" named one (null otherwise or when unknown). */
  nearCommune: string | null;
}

/** How a commune centre is named in the "near me" choice and the `near` parameter. */
export const communeLabel = (c: { commune: string; district: string | null }): string =>
  c.district ? `${c.commune}, ${c.district}` : c.commune;

/**
 * The public list. `centres`: the commune centres when the caller has already read them (the places page shows
 * them as the "near me" choices), so a `near=<commune>` request reads them once, not twice.
 */
export async function listPlaces(
  deps: PlacesDeps,
  actor: Actor,
  q: PlaceListQuery,
  centres?: readonly CommuneCentre[],
): Promise<PlaceList> {
  authorize(actor, 'places.place.read');
  let near: LatLng | null = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
  let nearCommune: string | null = null;
  if (!near && q.near) {
    const wanted = q.near.normalize('NFC');
    const all = centres ?? (await deps.repos.places.communeCentres(deps.db));
    const centre = all.find((c) => communeLabel(c) === wanted);
    if (centre) {
      near = { lat: centre.lat, lng: centre.lng };
      nearCommune = communeLabel(centre);
    }
  }
  const kinds = q.kind === undefined ? undefined : Array.isArray(q.kind) ? q.kind : [q.kind];
  const { rows, total } = await deps.repos.places.list(deps.db, {
    q: q.q,
    kinds,
    district: q.district,
    near: near ?? undefined,
    limit: PLACES_PAGE_SIZE,
    offset: (q.page - 1) * PLACES_PAGE_SIZE,
  });
  return { rows, total, page: q.page, pageSize: PLACES_PAGE_SIZE, near, nearCommune };
}

export async function listDistricts(deps: PlacesDeps, actor: Actor): Promise<string[]> {
  authorize(actor, 'places.place.read');
  return deps.repos.places.districts(deps.db);
}

export interface PlaceVisit extends StopOccurrence {
  routeId: string;
  routeName: string;
}

export interface PlaceDetail {
  place: PlaceRow;
  weekly: HoursInterval[];
  exceptions: HoursException[];
  status: OpeningStatus;
  /** Mobile-library visits at this place in the coming weeks. */
  visits: PlaceVisit[];
  canEdit: boolean;
}

/** An active place for anyone; a closed one only for those who keep it (others get 404). */
export async function getPlace(deps: PlacesDeps, actor: Actor, placeId: string): Promise<PlaceDetail> {
  authorize(actor, 'places.place.read');
  const place = await deps.repos.places.byId(deps.db, placeId);
  if (
    !place ||
    (place.status !== 'active' && !can(actor, 'places.place.read_closed', { unitId: place.unitId }))
  )
    throw notFound('places.place');
  const now = deps.now();
  const today = localNow(now).day;
  const [weekly, exceptions, stops] = await Promise.all([
    deps.repos.places.hours(deps.db, placeId),
    deps.repos.places.exceptions(deps.db, placeId, today),
    deps.repos.mobileRoutes.stopsAtPlace(deps.db, placeId),
  ]);
  const cancellations = await deps.repos.mobileRoutes.cancellations(
    deps.db,
    stops.map((s) => s.id),
    today,
  );
  const routeOf = new Map(stops.map((s) => [s.id, s]));
  const visits = nextStopOccurrences(stops, cancellations, now, { days: 28, limit: 6 }).map((o) => ({
    ...o,
    routeId: routeOf.get(o.stopId)?.routeId ?? '',
    routeName: routeOf.get(o.stopId)?.routeName ?? '',
  }));
  return {
    place,
    weekly,
    exceptions: upcomingExceptions(exceptions, today),
    status: openingStatus(weekly, exceptions, now),
    visits,
    canEdit: can(actor, 'places.place.update', { unitId: place.unitId }),
  };
}

/** Back office: the places of the units the actor keeps (all of them for root administrators). */
export async function listManagedPlaces(
  deps: PlacesDeps,
  actor: Actor,
  q: { q?: string | undefined; page?: number | undefined },
): Promise<{ rows: PlaceListRow[]; total: number }> {
  authorize(actor, 'places.place.list');
  const unitIds = visibleUnits(actor, 'places.place.update', await unitTree(deps));
  return deps.repos.places.list(deps.db, {
    q: q.q,
    unitIds,
    includeClosed: true,
    limit: 200,
    offset: ((q.page ?? 1) - 1) * 200,
  });
}

/** Units the actor may create places (and routes) for, as a set of unit ids (null: every unit). */
export async function keptUnits(deps: PlacesDeps, actor: Actor, action: string): Promise<string[] | null> {
  return visibleUnits(actor, action, await unitTree(deps));
}

function toValues(id: string, input: CreatePlaceInput): PlaceValues {
  return {
    id,
    unitId: input.unitId,
    kind: input.kind,
    name: input.name.normalize('NFC'),
    district: nfc(input.district),
    commune: nfc(input.commune),
    address: nfc(input.address),
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    description: nfc(input.description),
    accessibility: nfc(input.accessibility),
    services: [...new Set(input.services ?? [])],
    photos: [],
    status: input.status ?? 'active',
  };
}

async function requireUnit(deps: PlacesDeps, db: AppDeps['db'], unitId: string): Promise<void> {
  if (!(await deps.repos.units.get(db, unitId)))
    throw new AppError('places.unit_not_found', 422, 'places.error.unitNotFound');
}

export async function createPlace(
  deps: PlacesDeps,
  actor: Actor,
  input: CreatePlaceInput,
): Promise<PlaceRow> {
  authorize(actor, 'places.place.create', { unitId: input.unitId });
  return deps.db.transaction(async (tx) => {
    await requireUnit(deps, tx, input.unitId);
    const place = await deps.repos.places.insert(tx, toValues(newId('place'), input));
    await deps.audit.record(tx, actor, {
      action: 'places.place.create',
      entityType: 'place',
      entityId: place.id,
      unitId: place.unitId,
      after: place,
    });
    return place;
  });
}

/** Active places are public; a closed one is seen only by those who keep the unit's places. */
export const placeVisible = (actor: Actor, p: { status: string; unitId: string }) =>
  p.status === 'active' || can(actor, 'places.place.read_closed', { unitId: p.unitId });

/**
 * Loads and locks a place for a write: 404 when absent or when the actor may not even see it (a closed place
 * of another unit), 403 when they can see it but do not keep its unit, 409 when `version` is stale.
 */
export async function placeForWrite(
  deps: PlacesDeps,
  tx: AppDeps['db'],
  actor: Actor,
  placeId: string,
  version?: number,
) {
  const place = await deps.repos.places.lock(tx, placeId);
  if (!place) throw notFound('places.place');
  authorizeEdit(actor, 'places.place.update', place.unitId, placeVisible(actor, place), 'places.place');
  if (version !== undefined) checkVersion('places.place', place.version, version);
  return place;
}

export async function updatePlace(
  deps: PlacesDeps,
  actor: Actor,
  placeId: string,
  update: UpdatePlaceInput,
): Promise<PlaceRow> {
  authorizeAnywhere(actor, 'places.place.update');
  const { version, ...input } = update;
  return deps.db.transaction(async (tx) => {
    const before = await placeForWrite(deps, tx, actor, placeId, version);
    if (input.unitId !== undefined && input.unitId !== before.unitId) {
      // Handing a place to another unit needs the right on both.
      authorize(actor, 'places.place.update', { unitId: input.unitId });
      await requireUnit(deps, tx, input.unitId);
    }
    const merged = toValues(placeId, {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    } as CreatePlaceInput);
    const { id: _id, photos: _photos, ...patch } = merged;
    const after = await deps.repos.places.update(tx, placeId, patch);
    await deps.audit.record(tx, actor, {
      action: 'places.place.update',
      entityType: 'place',
      entityId: placeId,
      unitId: after.unitId,
      before,
      after,
    });
    return after;
  });
}

export async function setWeeklyHours(
  deps: PlacesDeps,
  actor: Actor,
  placeId: string,
  input: WeeklyHoursInput,
): Promise<HoursInterval[]> {
  authorizeAnywhere(actor, 'places.place.update');
  const day = overlappingWeekday(input.weekly);
  if (day !== null)
    throw new AppError('places.hours_overlap', 422, 'places.error.hoursOverlap', {
      params: { weekday: day },
    });
  return deps.db.transaction(async (tx) => {
    const place = await placeForWrite(deps, tx, actor, placeId, input.version);
    const before = await deps.repos.places.hours(tx, placeId);
    await deps.repos.places.replaceHours(tx, placeId, input.weekly);
    await deps.repos.places.touch(tx, placeId);
    const after = await deps.repos.places.hours(tx, placeId);
    await deps.audit.record(tx, actor, {
      action: 'places.hours.update',
      entityType: 'place',
      entityId: placeId,
      unitId: place.unitId,
      before: { weekly: before },
      after: { weekly: after },
    });
    return after;
  });
}

export async function setHoursException(
  deps: PlacesDeps,
  actor: Actor,
  placeId: string,
  input: HoursExceptionInput,
): Promise<HoursException> {
  authorizeAnywhere(actor, 'places.place.update');
  const exception: HoursException = {
    day: input.day,
    closed: input.closed,
    opens: input.closed ? null : (input.opens ?? null),
    closes: input.closed ? null : (input.closes ?? null),
    note: nfc(input.note),
  };
  await deps.db.transaction(async (tx) => {
    const place = await placeForWrite(deps, tx, actor, placeId, input.version);
    await deps.repos.places.upsertException(tx, placeId, exception);
    await deps.repos.places.touch(tx, placeId);
    await deps.audit.record(tx, actor, {
      action: 'places.hours_exception.set',
      entityType: 'place',
      entityId: placeId,
      unitId: place.unitId,
      after: exception,
    });
  });
  return exception;
}

export async function removeHoursException(
  deps: PlacesDeps,
  actor: Actor,
  placeId: string,
  day: string,
  version?: number,
): Promise<void> {
  authorizeAnywhere(actor, 'places.place.update');
  await deps.db.transaction(async (tx) => {
    const place = await placeForWrite(deps, tx, actor, placeId, version);
    if (!(await deps.repos.places.deleteException(tx, placeId, day)))
      throw notFound('places.hours_exception');
    await deps.repos.places.touch(tx, placeId);
    await deps.audit.record(tx, actor, {
      action: 'places.hours_exception.remove',
      entityType: 'place',
      entityId: placeId,
      unitId: place.unitId,
      before: { day },
    });
  });
}

export type { StopView };
