// SQL for the community calendar: subscriptions (the host allow-list is the outbound module's). The external events copied from
// partner feeds are written through the events module (`externalEvents`, src/modules/events/index.server.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './event-feeds.ids.server.ts';

export interface AllowedHost {
  pattern: string;
  note: string;
  createdAt: Date;
}

export interface Subscription {
  id: string;
  unitId: string;
  unitName: string;
  name: string;
  url: string;
  category: string;
  active: boolean;
  lastFetchedAt: Date | null;
  lastStatus: 'ok' | 'error' | null;
  lastError: string | null;
  lastEventCount: number | null;
  createdAt: Date;
}

const SUB_COLUMNS = sql`s.id, s.unit_id AS "unitId", u.name AS "unitName", s.name, s.url, s.category, s.active,
  s.last_fetched_at AS "lastFetchedAt", s.last_status AS "lastStatus", s.last_error AS "lastError",
  s.last_event_count AS "lastEventCount", s.created_at AS "createdAt"`;

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function hydrate(r: Subscription): Subscription {
  return { ...r, lastFetchedAt: date(r.lastFetchedAt), createdAt: new Date(r.createdAt) };
}

export function createCommunityCalendarRepository() {
  const listWhere = async (db: Db, where: SQL) =>
    (
      await queryRows<Subscription>(
        db,
        sql`SELECT ${SUB_COLUMNS} FROM calendar_subscriptions s JOIN unit_directory u ON u.id = s.unit_id
            WHERE ${where} ORDER BY u.name, s.name`,
      )
    ).map(hydrate);

  return {
    /** Subscriptions of units in these subtrees; every subscription when `roots` is undefined. */
    async list(db: Db, roots: readonly string[] | undefined): Promise<Subscription[]> {
      if (!roots) return listWhere(db, sql`true`);
      if (!roots.length) return [];
      const ids = sql.join(
        roots.map((r) => sql`${r}`),
        sql`, `,
      );
      return listWhere(
        db,
        sql`s.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM unit_directory WHERE id IN (${ids})
              UNION SELECT c.id FROM unit_directory c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
      );
    },

    async active(db: Db): Promise<Subscription[]> {
      return listWhere(db, sql`s.active`);
    },

    async byId(db: Db, id: string): Promise<Subscription | null> {
      return (await listWhere(db, sql`s.id = ${id}`))[0] ?? null;
    },

    async insert(
      db: Db,
      v: { unitId: string; name: string; url: string; category: string; createdBy: string },
    ): Promise<string | null> {
      const id = newId('csub');
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO calendar_subscriptions (id, unit_id, name, url, category, created_by)
            VALUES (${id}, ${v.unitId}, ${v.name}, ${v.url}, ${v.category}, ${v.createdBy})
            ON CONFLICT (unit_id, url) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },

    /** Deletes the subscription (the events copied from it are deleted through the events module). */
    async delete(db: Db, id: string): Promise<void> {
      await db.execute(sql`DELETE FROM calendar_subscriptions WHERE id = ${id}`);
    },

    async recordFetch(
      db: Db,
      id: string,
      r: { status: 'ok' | 'error'; error: string | null; count: number | null; at: Date },
    ): Promise<void> {
      await db.execute(
        sql`UPDATE calendar_subscriptions SET last_fetched_at = ${r.at}, last_status = ${r.status},
              last_error = ${r.error}, last_event_count = coalesce(${r.count}, last_event_count), updated_at = now()
            WHERE id = ${id}`,
      );
    },
  };
}
export type CommunityCalendarRepository = ReturnType<typeof createCommunityCalendarRepository>;
