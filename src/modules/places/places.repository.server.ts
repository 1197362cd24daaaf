// SQL of places: service points, their opening hours and exceptions, and the places settings (mobile-library
// routes are places.mobile.repository). Callers pass `db` or a transaction; the use cases decide what is allowed.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows } from '../../db/sql.server.ts';
import type { LatLng } from '../../lib/geo.ts';
import type { HoursException, HoursInterval } from './places.hours.ts';
import type { PlaceKind } from './places.kinds.ts';
import { type PlaceRow, placeHours, placeHoursExceptions, places } from './places.table.server.ts';
import { hhmm } from './places.time.ts';

export type { PlaceRow };
export type PlaceValues = Omit<PlaceRow, 'createdAt' | 'updatedAt' | 'version'>;
export type PlacePatch = Partial<Omit<PlaceValues, 'id'>>;
export type PlaceListRow = PlaceRow & { distanceKm: number | null };
export interface CommuneCentre {
  commune: string;
  district: string | null;
  lat: number;
  lng: number;
}
export interface PlacePoint {
  id: string;
  name: string;
  kind: PlaceKind;
  district: string | null;
  lat: number;
  lng: number;
}

export interface PlaceListOptions {
  /** Words matched against the folded name and address; every word must appear. */
  q?: string | undefined;
  kinds?: readonly PlaceKind[] | undefined;
  district?: string | undefined;
  /** Sort by distance from here (places without coordinates last). Otherwise by district, commune, name. */
  near?: LatLng | undefined;
  /** Only places of these units (null: every unit). */
  unitIds?: readonly string[] | null | undefined;
  includeClosed?: boolean | undefined;
  limit: number;
  offset?: number | undefined;
}

function distanceSql(p: LatLng): SQL<number | null> {
  // Haversine in SQL so the database sorts and limits; the same formula as lib/geo.ts.
  return sql<number | null>`CASE WHEN ${places.lat} IS NULL THEN NULL ELSE
    2 * 6371.0088 * asin(least(1, sqrt(
      power(sin(radians(${places.lat} - ${p.lat}::float8) / 2), 2) +
      cos(radians(${p.lat}::float8)) * cos(radians(${places.lat})) *
      power(sin(radians(${places.lng} - ${p.lng}::float8) / 2), 2)))) END`;
}

function listWhere(o: PlaceListOptions): SQL | undefined {
  const conds: SQL[] = [];
  if (!o.includeClosed) conds.push(sql`${places.status} = 'active'`);
  if (o.kinds?.length) {
    // "Mobile-library stop" means every place an active route stops at, whatever kind of place it is (a
    // commune cultural centre, a school), as well as places recorded as stops.
    const byKind = inArray(places.kind, [...o.kinds]);
    conds.push(
      o.kinds.includes('mobile_library_stop')
        ? sql`(${byKind} OR ${places.id} IN (SELECT s.place_id FROM mobile_library_stops s
              JOIN mobile_library_routes r ON r.id = s.route_id WHERE r.status = 'active'))`
        : byKind,
    );
  }
  if (o.district) conds.push(eq(places.district, o.district));
  if (o.unitIds) {
    if (o.unitIds.length === 0) conds.push(sql`false`);
    else conds.push(inArray(places.unitId, [...o.unitIds]));
  }
  for (const word of (o.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    conds.push(sql`search_folded LIKE '%' || vn_fold(${likeEscape(word)}) || '%'`);
  }
  return conds.length ? and(...conds) : undefined;
}

const toInterval = (r: { weekday: number; opens: string; closes: string }): HoursInterval => ({
  weekday: r.weekday,
  opens: hhmm(r.opens),
  closes: hhmm(r.closes),
});

export function createPlacesRepository() {
  async function byId(db: Db, id: string): Promise<PlaceRow | null> {
    const rows = await db.select().from(places).where(eq(places.id, id));
    return rows[0] ?? null;
  }

  return {
    byId,

    /** Locks the place row until the transaction ends (concurrent edits of hours, status…). */
    async lock(db: Db, id: string): Promise<PlaceRow | null> {
      const rows = await db.select().from(places).where(eq(places.id, id)).for('update');
      return rows[0] ?? null;
    },

    async byIds(db: Db, ids: readonly string[]): Promise<PlaceRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(places)
        .where(inArray(places.id, [...ids]));
    },

    async list(db: Db, o: PlaceListOptions): Promise<{ rows: PlaceListRow[]; total: number }> {
      const where = listWhere(o);
      const distance = o.near ? distanceSql(o.near) : sql<number | null>`NULL::float8`;
      const order = o.near
        ? [sql`${distance} ASC NULLS LAST`, asc(places.name)]
        : [
            sql`vn_fold(coalesce(${places.district}, '')) ASC`,
            sql`vn_fold(coalesce(${places.commune}, '')) ASC`,
            sql`vn_fold(${places.name}) ASC`,
          ];
      const rows = await db
        .select({ place: places, distanceKm: distance })
        .from(places)
        .where(where)
        .orderBy(...order)
        .limit(o.limit)
        .offset(o.offset ?? 0);
      const count = await db.select({ n: sql<number>`count(*)::int` }).from(places).where(where);
      return {
        rows: rows.map((r) => ({
          ...r.place,
          distanceKm: r.distanceKm === null ? null : Number(r.distanceKm),
        })),
        total: Number(count[0]?.n ?? 0),
      };
    },

    /** Active places with coordinates, nearest first (events: "the same kind of event at other venues nearby"). */
    async nearby(
      db: Db,
      o: { lat: number; lng: number; limit: number; kinds?: readonly PlaceKind[] },
    ): Promise<PlaceListRow[]> {
      const distance = distanceSql(o);
      const conds: SQL[] = [sql`${places.status} = 'active'`, sql`${places.lat} IS NOT NULL`];
      if (o.kinds?.length) conds.push(inArray(places.kind, [...o.kinds]));
      const rows = await db
        .select({ place: places, distanceKm: distance })
        .from(places)
        .where(and(...conds))
        .orderBy(sql`${distance} ASC`)
        .limit(o.limit);
      return rows.map((r) => ({ ...r.place, distanceKm: Number(r.distanceKm) }));
    },

    /**
     * Communes/wards with active located places and the mean of their coordinates: "near me" by choosing one's
     * commune (no location permission or typed coordinates needed).
     */
    async communeCentres(db: Db): Promise<CommuneCentre[]> {
      const rows = await queryRows<{ commune: string; district: string | null; lat: number; lng: number }>(
        db,
        sql`SELECT commune, district, avg(lat)::float8 AS lat, avg(lng)::float8 AS lng FROM places
            WHERE status = 'active' AND lat IS NOT NULL AND lng IS NOT NULL AND commune IS NOT NULL
              AND commune <> ''
            GROUP BY commune, district ORDER BY vn_fold(coalesce(district, '')), vn_fold(commune)`,
      );
      return rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) }));
    },

    /** Located places matching a list's filters (no paging, at most `limit`): the points of the overview map. */
    async points(db: Db, o: Omit<PlaceListOptions, 'near' | 'offset'>): Promise<PlacePoint[]> {
      const where = and(listWhere(o), sql`${places.lat} IS NOT NULL AND ${places.lng} IS NOT NULL`);
      const rows = await db
        .select({
          id: places.id,
          name: places.name,
          kind: places.kind,
          district: places.district,
          lat: places.lat,
          lng: places.lng,
        })
        .from(places)
        .where(where)
        .orderBy(asc(places.id))
        .limit(o.limit);
      return rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) }));
    },

    /** Districts that have active places, for the public filter. */
    async districts(db: Db): Promise<string[]> {
      const rows = await queryRows<{ district: string }>(
        db,
        sql`SELECT DISTINCT district FROM places WHERE status = 'active' AND district IS NOT NULL
            ORDER BY district`,
      );
      return rows.map((r) => r.district);
    },

    async insert(db: Db, v: PlaceValues): Promise<PlaceRow> {
      const [row] = await db.insert(places).values(v).returning();
      return row as PlaceRow;
    },

    async update(db: Db, id: string, patch: PlacePatch): Promise<PlaceRow> {
      const [row] = await db
        .update(places)
        .set({ ...patch, version: sql`${places.version} + 1`, updatedAt: sql`now()` })
        .where(eq(places.id, id))
        .returning();
      return row as PlaceRow;
    },

    /** A change to the place's hours or exceptions: the place's version grows, so stale forms are refused. */
    async touch(db: Db, id: string): Promise<void> {
      await db
        .update(places)
        .set({ version: sql`${places.version} + 1`, updatedAt: sql`now()` })
        .where(eq(places.id, id));
    },

    async hours(db: Db, placeId: string): Promise<HoursInterval[]> {
      const rows = await db
        .select()
        .from(placeHours)
        .where(eq(placeHours.placeId, placeId))
        .orderBy(asc(placeHours.weekday), asc(placeHours.opens));
      return rows.map(toInterval);
    },

    async replaceHours(db: Db, placeId: string, weekly: readonly HoursInterval[]): Promise<void> {
      await db.delete(placeHours).where(eq(placeHours.placeId, placeId));
      if (weekly.length) await db.insert(placeHours).values(weekly.map((h) => ({ placeId, ...h })));
    },

    async exceptions(db: Db, placeId: string, fromDay?: string): Promise<HoursException[]> {
      const rows = await db
        .select()
        .from(placeHoursExceptions)
        .where(
          and(
            eq(placeHoursExceptions.placeId, placeId),
            fromDay ? sql`${placeHoursExceptions.day} >= ${fromDay}::date` : undefined,
          ),
        )
        .orderBy(asc(placeHoursExceptions.day));
      return rows.map((r) => ({
        day: r.day,
        closed: r.closed,
        opens: r.opens ? hhmm(r.opens) : null,
        closes: r.closes ? hhmm(r.closes) : null,
        note: r.note,
      }));
    },

    async upsertException(db: Db, placeId: string, e: HoursException): Promise<void> {
      await db
        .insert(placeHoursExceptions)
        .values({ placeId, ...e })
        .onConflictDoUpdate({
          target: [placeHoursExceptions.placeId, placeHoursExceptions.day],
          set: { closed: e.closed, opens: e.opens, closes: e.closes, note: e.note },
        });
    },

    /** True when a row was removed. */
    async deleteException(db: Db, placeId: string, day: string): Promise<boolean> {
      const rows = await db
        .delete(placeHoursExceptions)
        .where(and(eq(placeHoursExceptions.placeId, placeId), eq(placeHoursExceptions.day, day)))
        .returning({ day: placeHoursExceptions.day });
      return rows.length > 0;
    },
  };
}
export type PlacesRepository = ReturnType<typeof createPlacesRepository>;
