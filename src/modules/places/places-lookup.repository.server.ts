// SQL behind the places module's read ports (index.server.ts): what other modules may know of places.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/rows.server.ts';

const idList = (ids: readonly string[]) =>
  ids.length
    ? sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )
    : sql`NULL`;

export function createPlaceLookupRepository() {
  return {
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

    /** Names of these places (any status), by name. */
    async names(db: Db, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
      if (ids.length === 0) return [];
      return queryRows(db, sql`SELECT id, name FROM places WHERE id IN (${idList(ids)}) ORDER BY name`);
    },
  };
}
export type PlaceLookupRepository = ReturnType<typeof createPlaceLookupRepository>;
