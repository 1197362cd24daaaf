// The places module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { createPlaceLookupRepository, type PlaceSummary } from './places-lookup.repository.server.ts';

export type { PlaceSummary } from './places-lookup.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const placesPort = {
  /** Active places (all, or the ones with these ids), by name. */
  activeOptions: (deps: Repos, db: Db, ids?: readonly string[]) =>
    deps.repos.placeLookup.activeOptions(db, ids),
  /** Names of these places, by name (one query for the whole list). */
  names: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.placeLookup.names(db, ids),
  /** Communes/wards that have an active place, by name. */
  communes: (deps: Repos, db: Db): Promise<string[]> => deps.repos.placeLookup.communes(db),
};

const lookup = createPlaceLookupRepository();

/**
 * Name, address and position of these places, by id (one query for the whole list). Needs no deps: other
 * modules' repositories call it to complete their rows (the events listings).
 */
export async function placeSummaries(db: Db, ids: readonly string[]): Promise<Map<string, PlaceSummary>> {
  const unique = [...new Set(ids)];
  return new Map((await lookup.summaries(db, unique)).map((p) => [p.id, p]));
}

/** The next visits of these mobile-library routes (public routes only), soonest first, per route id. */
export async function mobileRouteNextVisits(
  deps: import('./places.usecases.server.ts').PlacesDeps,
  routeIds: readonly string[],
  limit = 3,
): Promise<Map<string, Array<{ stopId: string; placeName: string; day: string; starts: string }>>> {
  const { getRoute } = await import('./places.mobile.usecases.server.ts');
  const { ANONYMOUS } = await import('../../lib/authz.ts');
  const out = new Map<string, Array<{ stopId: string; placeName: string; day: string; starts: string }>>();
  for (const id of new Set(routeIds)) {
    try {
      const r = await getRoute(deps, ANONYMOUS, id, { limit: limit + 5 });
      out.set(
        id,
        r.next
          .filter((o) => !o.cancelled)
          .slice(0, limit)
          .map((o) => ({ stopId: o.stopId, placeName: o.placeName, day: o.day, starts: o.starts })),
      );
    } catch {
      out.set(id, []);
    }
  }
  return out;
}

/** Active mobile-library routes of these units (id, name, unit), by name. */
export async function mobileRoutesOfUnits(
  deps: Pick<AppDeps, 'repos'>,
  db: Db,
  unitIds: readonly string[],
): Promise<Array<{ id: string; name: string; unitId: string }>> {
  const rows = await deps.repos.mobileRoutes.listRoutes(db, { unitIds });
  return rows.map((r) => ({ id: r.id, name: r.name, unitId: r.unitId }));
}

/** The stops of these routes with the place they stop at (for a hold's pickup choice). */
export async function mobileRouteStops(deps: Pick<AppDeps, 'repos'>, db: Db, routeIds: readonly string[]) {
  const out: Array<{ id: string; routeId: string; placeId: string; placeName: string }> = [];
  for (const id of new Set(routeIds)) {
    for (const s of await deps.repos.mobileRoutes.stops(db, id))
      out.push({ id: s.id, routeId: s.routeId, placeId: s.placeId, placeName: s.placeName });
  }
  return out;
}
