// SQL behind the places module's read ports (index.server.ts): what other modules may know of places.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

const idList = (ids: readonly string[]) =>
  ids.length
    ? sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )
    : sql`NULL`;

export interface PlaceSummary {
  id: string;
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** The commune the place is in (free text from the places data), for counting by commune. */
  commune: string | null;
}

export function createPlaceLookupRepository() {
  return {
    /** The communes/wards the active places are in, by name: choices for a citizen's home commune. */
    async communes(db: Db): Promise<string[]> {
      const rows = await queryRows<{ commune: string }>(
        db,
        sql`SELECT DISTINCT commune FROM places WHERE status = 'active' AND commune IS NOT NULL AND commune <> ''
            ORDER BY commune LIMIT 2000`,
      );
      return rows.map((r) => r.commune);
    },
    /** Active places (all, or the ones with these ids), by name: choices and checks of other modules' forms. */
    async activeOptions(
      db: Db,
      ids?: readonly string[],
    ): Promise<Array<{ id: string; name: string; unitId: string }>> {
      const only = ids ? sql`AND id IN (${idList(ids)})` : sql``;
      return queryRows(
        db,
        sql`SELECT id, name, unit_id AS "unitId" FROM places WHERE status = 'active' ${only} ORDER BY name LIMIT 2000`,
      );
    },

    /** Name, address and position of these places (any status): what an event shows of its place. */
    async summaries(db: Db, ids: readonly string[]): Promise<PlaceSummary[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<PlaceSummary>(
        db,
        sql`SELECT id, name, address, lat, lng, commune FROM places WHERE id IN (${idList(ids)})`,
      );
      return rows.map((r) => ({
        ...r,
        lat: r.lat === null ? null : Number(r.lat),
        lng: r.lng === null ? null : Number(r.lng),
      }));
    },

    /** Names of these places (any status), by name. */
    async names(db: Db, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
      if (ids.length === 0) return [];
      return queryRows(db, sql`SELECT id, name FROM places WHERE id IN (${idList(ids)}) ORDER BY name`);
    },
  };
}
export type PlaceLookupRepository = ReturnType<typeof createPlaceLookupRepository>;
