// SQL for what citizens follow (units, places, categories) and who follows what an event belongs to. Units are
// named and walked through the units module's published `unit_directory` view; places are named by the places
// module's port; what an event is comes from the events module's port (follows.usecases.server.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { placeSummaries } from '../places/index.server.ts';
import { newId } from './follows.ids.server.ts';

export type FollowKind = 'unit' | 'place' | 'category';

export interface Follow {
  id: string;
  targetKind: FollowKind;
  targetId: string;
  /** Unit or place name; null for a category (labelled from the catalogue) or a target that disappeared. */
  targetName: string | null;
  createdAt: Date;
}

export interface FollowedTargets {
  unitIds: string[];
  placeIds: string[];
  categories: string[];
}

export function createFollowsRepository() {
  return {
    async list(db: Db, userId: string): Promise<Follow[]> {
      const rows = await queryRows<Follow>(
        db,
        sql`SELECT f.id, f.target_kind AS "targetKind", f.target_id AS "targetId",
                   u.name AS "targetName", f.created_at AS "createdAt"
            FROM follows f
            LEFT JOIN unit_directory u ON f.target_kind = 'unit' AND u.id = f.target_id
            WHERE f.user_id = ${userId} ORDER BY f.target_kind, f.created_at`,
      );
      const places = await placeSummaries(
        db,
        rows.flatMap((r) => (r.targetKind === 'place' ? [r.targetId] : [])),
      );
      return rows.map((r) => ({
        ...r,
        targetName:
          r.targetName ?? (r.targetKind === 'place' ? (places.get(r.targetId)?.name ?? null) : null),
        createdAt: new Date(r.createdAt),
      }));
    },

    /** Returns false when the user already follows the target. */
    async add(db: Db, userId: string, kind: FollowKind, targetId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO follows (id, user_id, target_kind, target_id)
            VALUES (${newId('fol')}, ${userId}, ${kind}, ${targetId})
            ON CONFLICT (user_id, target_kind, target_id) DO NOTHING RETURNING id`,
      );
      return rows.length > 0;
    },

    async remove(db: Db, userId: string, followId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM follows WHERE id = ${followId} AND user_id = ${userId} RETURNING id`,
      );
      return rows.length > 0;
    },

    async unitExists(db: Db, unitId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM unit_directory WHERE id = ${unitId}`,
      );
      return rows.length > 0;
    },

    /** What a user follows, with unit follows widened to the unit's whole subtree. */
    async targets(db: Db, userId: string): Promise<FollowedTargets> {
      const rows = await queryRows<{ kind: FollowKind; id: string }>(
        db,
        sql`WITH RECURSIVE sub(id) AS (
              SELECT target_id FROM follows WHERE user_id = ${userId} AND target_kind = 'unit'
              UNION SELECT c.id FROM unit_directory c JOIN sub ON c.parent_id = sub.id)
            SELECT 'unit' AS kind, id FROM sub
            UNION ALL SELECT target_kind AS kind, target_id AS id FROM follows
              WHERE user_id = ${userId} AND target_kind IN ('place', 'category')`,
      );
      const out: FollowedTargets = { unitIds: [], placeIds: [], categories: [] };
      for (const r of rows) {
        if (r.kind === 'unit') out.unitIds.push(r.id);
        else if (r.kind === 'place') out.placeIds.push(r.id);
        else out.categories.push(r.id);
      }
      return out;
    },

    /** Users following an event's unit (or a unit above it), its place or its category (the events port's keys). */
    async followersOf(
      db: Db,
      event: { unitId: string; placeId: string | null; category: string },
    ): Promise<string[]> {
      const rows = await queryRows<{ userId: string }>(
        db,
        sql`WITH RECURSIVE up(id, parent_id) AS (
              SELECT u.id, u.parent_id FROM unit_directory u WHERE u.id = ${event.unitId}
              UNION SELECT u.id, u.parent_id FROM unit_directory u JOIN up ON u.id = up.parent_id)
            SELECT DISTINCT f.user_id AS "userId" FROM follows f
            WHERE (f.target_kind = 'unit' AND f.target_id IN (SELECT id FROM up))
               OR (f.target_kind = 'place' AND f.target_id = ${event.placeId})
               OR (f.target_kind = 'category' AND f.target_id = ${event.category})
            ORDER BY 1`,
      );
      return rows.map((r) => r.userId);
    },

    /** The units the follow form offers: open units that hold events (places come from the places port). */
    async unitOptions(db: Db, today: string) {
      return queryRows<{ id: string; name: string }>(
        db,
        sql`SELECT id, name FROM unit_directory
            WHERE kind NOT IN ('department', 'leadership', 'office', 'district_people_committee',
                               'commune_people_committee')
              AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to > ${today}::date)
            ORDER BY name`,
      );
    },
  };
}
export type FollowsRepository = ReturnType<typeof createFollowsRepository>;
