// SQL for what citizens follow (units, places, categories) and who follows what an event belongs to.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from '../../lib/ids.server.ts';

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
                   coalesce(u.name, p.name) AS "targetName", f.created_at AS "createdAt"
            FROM follows f
            LEFT JOIN units u ON f.target_kind = 'unit' AND u.id = f.target_id
            LEFT JOIN places p ON f.target_kind = 'place' AND p.id = f.target_id
            WHERE f.user_id = ${userId} ORDER BY f.target_kind, f.created_at`,
      );
      return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
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
      const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM units WHERE id = ${unitId}`);
      return rows.length > 0;
    },

    async placeExists(db: Db, placeId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM places WHERE id = ${placeId} AND status = 'active'`,
      );
      return rows.length > 0;
    },

    /** What a user follows, with unit follows widened to the unit's whole subtree. */
    async targets(db: Db, userId: string): Promise<FollowedTargets> {
      const rows = await queryRows<{ kind: FollowKind; id: string }>(
        db,
        sql`WITH RECURSIVE sub(id) AS (
              SELECT target_id FROM follows WHERE user_id = ${userId} AND target_kind = 'unit'
              UNION SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id)
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

    /** Users following the event's unit (or a unit above it), its place or its category. */
    async followersOfEvent(db: Db, eventId: string): Promise<string[]> {
      const rows = await queryRows<{ userId: string }>(
        db,
        sql`WITH RECURSIVE ev AS (SELECT unit_id, place_id, category FROM events WHERE id = ${eventId}),
            up(id, parent_id) AS (
              SELECT u.id, u.parent_id FROM units u JOIN ev ON u.id = ev.unit_id
              UNION SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id)
            SELECT DISTINCT f.user_id AS "userId" FROM follows f, ev
            WHERE (f.target_kind = 'unit' AND f.target_id IN (SELECT id FROM up))
               OR (f.target_kind = 'place' AND f.target_id = ev.place_id)
               OR (f.target_kind = 'category' AND f.target_id = ev.category)
            ORDER BY 1`,
      );
      return rows.map((r) => r.userId);
    },

    /** Local events published lately with a session still ahead: candidates for a "new event" notice. */
    async recentlyPublished(db: Db, since: Date, now: Date, limit: number) {
      return queryRows<{ id: string; title: string; unitName: string }>(
        db,
        sql`SELECT e.id, e.title, u.name AS "unitName" FROM events e JOIN units u ON u.id = e.unit_id
            WHERE e.status = 'published' AND e.source = 'local' AND e.updated_at >= ${since}
              AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND s.starts_at > ${now})
            ORDER BY e.updated_at LIMIT ${limit}`,
      );
    },

    /** What the follow form offers: open units that hold events, and active places. */
    async options(db: Db, today: string) {
      const [units, places] = await Promise.all([
        queryRows<{ id: string; name: string }>(
          db,
          sql`SELECT id, name FROM units
              WHERE kind NOT IN ('department', 'leadership', 'office', 'district_people_committee',
                                 'commune_people_committee')
                AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to > ${today}::date)
              ORDER BY name`,
        ),
        queryRows<{ id: string; name: string }>(
          db,
          sql`SELECT id, name FROM places WHERE status = 'active' ORDER BY name LIMIT 1000`,
        ),
      ]);
      return { units, places };
    },

    async eventSummary(db: Db, eventId: string) {
      const rows = await queryRows<{ id: string; title: string; status: string; unitName: string }>(
        db,
        sql`SELECT e.id, e.title, e.status, u.name AS "unitName" FROM events e JOIN units u ON u.id = e.unit_id
            WHERE e.id = ${eventId}`,
      );
      return rows[0] ?? null;
    },
  };
}
export type FollowsRepository = ReturnType<typeof createFollowsRepository>;
