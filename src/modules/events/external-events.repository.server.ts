// SQL for events copied from partner calendars (source='external', idempotent by (subscription, UID)): the
// events module's write port for the community calendar (event-feeds), exposed by index.server.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './events.ids.server.ts';

export interface ExternalEventValues {
  /** The partner calendar (subscription) the event was copied from. */
  subscriptionId: string;
  unitId: string;
  uid: string;
  title: string;
  description: string;
  category: string;
  url: string | null;
  cancelled: boolean;
  sessions: Array<{ startsAt: Date; endsAt: Date }>;
}

export function createExternalEventsRepository() {
  return {
    /**
     * Inserts or updates one external event and its sessions. Unchanged events keep their `updated_at` (the
     * DTSTAMP our feeds publish), and sessions are matched by start time so their ids (feed UIDs) stay put.
     */
    async upsert(tx: Db, v: ExternalEventValues): Promise<string> {
      const status = v.cancelled ? 'cancelled' : 'published';
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO events (id, unit_id, title, description, category, status, source, external_source_id,
              external_uid, url, capacity)
            VALUES (${newId('evt')}, ${v.unitId}, ${v.title}, ${v.description}, ${v.category}, ${status},
              'external', ${v.subscriptionId}, ${v.uid}, ${v.url}, 0)
            ON CONFLICT (external_source_id, external_uid) DO UPDATE SET title = excluded.title,
              description = excluded.description, category = excluded.category, status = excluded.status,
              url = excluded.url, unit_id = excluded.unit_id, updated_at = now()
            WHERE (events.title, events.description, events.category, events.status, events.url, events.unit_id)
              IS DISTINCT FROM (excluded.title, excluded.description, excluded.category, excluded.status,
                                excluded.url, excluded.unit_id)
            RETURNING id`,
      );
      const eventId =
        updated[0]?.id ??
        (
          await queryRows<{ id: string }>(
            tx,
            sql`SELECT id FROM events WHERE external_source_id = ${v.subscriptionId} AND external_uid = ${v.uid}`,
          )
        )[0]?.id;
      if (!eventId) throw new Error('external event vanished during upsert');
      let changed = false;
      for (const s of v.sessions) {
        const r = await queryRows<{ id: string }>(
          tx,
          sql`INSERT INTO event_sessions (id, event_id, starts_at, ends_at) VALUES (${newId('evs')}, ${eventId},
                ${s.startsAt}, ${s.endsAt})
              ON CONFLICT (event_id, starts_at) DO UPDATE SET ends_at = excluded.ends_at, cancelled = false
              WHERE event_sessions.ends_at IS DISTINCT FROM excluded.ends_at OR event_sessions.cancelled
              RETURNING id`,
        );
        if (r.length) changed = true;
      }
      const starts = v.sessions.map((s) => sql`${s.startsAt}::timestamptz`);
      const removed = await queryRows<{ id: string }>(
        tx,
        sql`DELETE FROM event_sessions WHERE event_id = ${eventId}
              ${starts.length ? sql`AND starts_at NOT IN (${sql.join(starts, sql`, `)})` : sql``}
            RETURNING id`,
      );
      if ((changed || removed.length) && !updated.length) {
        await tx.execute(sql`UPDATE events SET updated_at = now() WHERE id = ${eventId}`);
      }
      return eventId;
    },

    /** Events the partner no longer lists are shown as cancelled (calendars that copied them learn it). */
    async cancelMissing(tx: Db, subscriptionId: string, keepUids: readonly string[]): Promise<number> {
      const keep = keepUids.length
        ? sql`AND external_uid NOT IN (${sql.join(
            keepUids.map((u) => sql`${u}`),
            sql`, `,
          )})`
        : sql``;
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`UPDATE events SET status = 'cancelled', updated_at = now()
            WHERE source = 'external' AND external_source_id = ${subscriptionId} AND status <> 'cancelled' ${keep}
            RETURNING id`,
      );
      return rows.length;
    },

    /** Deletes every event copied from this partner calendar. */
    async deleteFromSource(db: Db, subscriptionId: string): Promise<void> {
      await db.execute(
        sql`DELETE FROM events WHERE source = 'external' AND external_source_id = ${subscriptionId}`,
      );
    },
  };
}
export type ExternalEventsRepository = ReturnType<typeof createExternalEventsRepository>;
