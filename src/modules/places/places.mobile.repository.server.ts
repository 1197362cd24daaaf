// SQL of mobile-library routes: the routes, their stops (with the place they stop at) and the cancelled visits.
// Callers pass `db` or a transaction; the use cases decide what is allowed.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import type { StopCancellation } from './places.schedule.ts';
import {
  type MobileRouteRow,
  mobileLibraryRoutes,
  mobileLibraryStopCancellations,
  mobileLibraryStops,
} from './places.table.server.ts';
import { hhmm } from './places.time.ts';

export type { MobileRouteRow };
export type RouteValues = Omit<MobileRouteRow, 'createdAt' | 'updatedAt' | 'version'>;

export interface StopView {
  id: string;
  routeId: string;
  placeId: string;
  placeName: string;
  placeDistrict: string | null;
  placeCommune: string | null;
  placeAddress: string | null;
  weekday: number | null;
  dates: string[];
  starts: string;
  ends: string;
  note: string | null;
}

export function createMobileRoutesRepository() {
  async function routeById(db: Db, id: string): Promise<MobileRouteRow | null> {
    const rows = await db.select().from(mobileLibraryRoutes).where(eq(mobileLibraryRoutes.id, id));
    return rows[0] ?? null;
  }

  return {
    routeById,

    async lockRoute(db: Db, id: string): Promise<MobileRouteRow | null> {
      const rows = await db
        .select()
        .from(mobileLibraryRoutes)
        .where(eq(mobileLibraryRoutes.id, id))
        .for('update');
      return rows[0] ?? null;
    },

    async listRoutes(
      db: Db,
      o: { unitIds?: readonly string[] | null; includeClosed?: boolean },
    ): Promise<MobileRouteRow[]> {
      const conds: SQL[] = [];
      if (!o.includeClosed) conds.push(sql`${mobileLibraryRoutes.status} = 'active'`);
      if (o.unitIds) {
        if (o.unitIds.length === 0) return [];
        conds.push(inArray(mobileLibraryRoutes.unitId, [...o.unitIds]));
      }
      return db
        .select()
        .from(mobileLibraryRoutes)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(sql`vn_fold(${mobileLibraryRoutes.name})`);
    },

    async insertRoute(db: Db, v: RouteValues): Promise<MobileRouteRow> {
      const [row] = await db.insert(mobileLibraryRoutes).values(v).returning();
      return row as MobileRouteRow;
    },

    async updateRoute(db: Db, id: string, patch: Partial<Omit<RouteValues, 'id'>>): Promise<MobileRouteRow> {
      const [row] = await db
        .update(mobileLibraryRoutes)
        .set({ ...patch, version: sql`${mobileLibraryRoutes.version} + 1`, updatedAt: sql`now()` })
        .where(eq(mobileLibraryRoutes.id, id))
        .returning();
      return row as MobileRouteRow;
    },

    /** A route's stops with their place, in weekday/time order (dated stops after weekly ones). */
    async stops(db: Db, routeId: string): Promise<StopView[]> {
      return stopViews(db, sql`s.route_id = ${routeId}`);
    },

    /** Stops of active routes at one place (the place page says when the mobile library comes). */
    async stopsAtPlace(db: Db, placeId: string): Promise<Array<StopView & { routeName: string }>> {
      const views = await stopViews(db, sql`s.place_id = ${placeId} AND r.status = 'active'`);
      return views as Array<StopView & { routeName: string }>;
    },

    async stopById(db: Db, id: string): Promise<StopView | null> {
      return (await stopViews(db, sql`s.id = ${id}`))[0] ?? null;
    },

    async insertStop(
      db: Db,
      v: {
        id: string;
        routeId: string;
        placeId: string;
        weekday: number | null;
        dates: string[];
        starts: string;
        ends: string;
        note: string | null;
      },
    ): Promise<void> {
      await db.execute(sql`INSERT INTO mobile_library_stops (id, route_id, place_id, weekday, dates, starts, ends, note)
        VALUES (${v.id}, ${v.routeId}, ${v.placeId}, ${v.weekday}, ${`{${v.dates.join(',')}}`}::date[],
                ${v.starts}::time, ${v.ends}::time, ${v.note})`);
    },

    async deleteStop(db: Db, id: string): Promise<void> {
      await db.delete(mobileLibraryStops).where(eq(mobileLibraryStops.id, id));
    },

    async cancellations(db: Db, stopIds: readonly string[], fromDay: string): Promise<StopCancellation[]> {
      if (stopIds.length === 0) return [];
      const rows = await db
        .select()
        .from(mobileLibraryStopCancellations)
        .where(
          and(
            inArray(mobileLibraryStopCancellations.stopId, [...stopIds]),
            sql`${mobileLibraryStopCancellations.day} >= ${fromDay}::date`,
          ),
        )
        .orderBy(asc(mobileLibraryStopCancellations.day));
      return rows.map((r) => ({ stopId: r.stopId, day: r.day, reason: r.reason }));
    },

    async upsertCancellation(db: Db, c: StopCancellation): Promise<void> {
      await db
        .insert(mobileLibraryStopCancellations)
        .values(c)
        .onConflictDoUpdate({
          target: [mobileLibraryStopCancellations.stopId, mobileLibraryStopCancellations.day],
          set: { reason: c.reason },
        });
    },

    async deleteCancellation(db: Db, stopId: string, day: string): Promise<boolean> {
      const rows = await db
        .delete(mobileLibraryStopCancellations)
        .where(
          and(eq(mobileLibraryStopCancellations.stopId, stopId), eq(mobileLibraryStopCancellations.day, day)),
        )
        .returning({ day: mobileLibraryStopCancellations.day });
      return rows.length > 0;
    },
  };
}
export type MobileRoutesRepository = ReturnType<typeof createMobileRoutesRepository>;

async function stopViews(db: Db, where: SQL): Promise<Array<StopView & { routeName: string }>> {
  const rows = await queryRows<{
    id: string;
    route_id: string;
    route_name: string;
    place_id: string;
    place_name: string;
    district: string | null;
    commune: string | null;
    address: string | null;
    weekday: number | null;
    dates: string[] | string;
    starts: string;
    ends: string;
    note: string | null;
  }>(
    db,
    sql`SELECT s.id, s.route_id, r.name AS route_name, s.place_id, p.name AS place_name, p.district, p.commune,
               p.address, s.weekday, s.dates::text[] AS dates, s.starts::text AS starts, s.ends::text AS ends, s.note
        FROM mobile_library_stops s
        JOIN mobile_library_routes r ON r.id = s.route_id
        JOIN places p ON p.id = s.place_id
        WHERE ${where}
        ORDER BY s.weekday NULLS LAST, s.starts, s.dates[1] NULLS LAST, s.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    routeId: r.route_id,
    routeName: r.route_name,
    placeId: r.place_id,
    placeName: r.place_name,
    placeDistrict: r.district,
    placeCommune: r.commune,
    placeAddress: r.address,
    weekday: r.weekday === null ? null : Number(r.weekday),
    dates: parseTextArray(r.dates).sort(),
    starts: hhmm(r.starts),
    ends: hhmm(r.ends),
    note: r.note,
  }));
}

/** `text[]` comes back as a JS array from both drivers; a literal '{a,b}' is handled for safety. */
function parseTextArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
