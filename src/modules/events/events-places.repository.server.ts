// Read-only SQL about events that the places pages and other modules' forms ask: the sessions at a set of
// places, the places upcoming events use, and the newest local events as link choices. Part of the events
// repository (createEventsRepository spreads it in).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import type { EventStatus } from './events.model.server.ts';

export function createEventPlaceQueries() {
  return {
    /** Sessions (not cancelled) of published events at these places starting in [from, to), by time. */
    async sessionsAtPlaces(db: Db, placeIds: readonly string[], from: Date, to: Date) {
      if (placeIds.length === 0) return [];
      const rows = await queryRows<{
        eventId: string;
        sessionId: string;
        title: string;
        unitId: string;
        placeId: string;
        startsAt: Date;
        endsAt: Date;
      }>(
        db,
        sql`SELECT e.id AS "eventId", s.id AS "sessionId", e.title, e.unit_id AS "unitId", e.place_id AS "placeId",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt"
            FROM event_sessions s JOIN events e ON e.id = s.event_id
            WHERE e.status = 'published' AND NOT s.cancelled AND e.place_id = ANY(${textArray(placeIds)}::text[])
              AND s.starts_at >= ${from} AND s.starts_at < ${to}
            ORDER BY s.starts_at, e.id LIMIT 100`,
      );
      return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
    },

    /** Places used by upcoming published events (the place filter of the public list; named by places). */
    async placeIdsWithEvents(db: Db, from: Date): Promise<string[]> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT DISTINCT e.place_id AS id FROM events e
            WHERE e.status = 'published' AND e.place_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND s.starts_at >= ${from})`,
      );
      return rows.map((r) => r.id);
    },

    /** The newest local events (link choices in other modules' forms). */
    async recentOptions(db: Db, limit: number) {
      return queryRows<{ id: string; title: string; unitId: string; status: EventStatus }>(
        db,
        sql`SELECT id, title, unit_id AS "unitId", status FROM events WHERE source = 'local' AND status <> 'cancelled'
          ORDER BY created_at DESC LIMIT ${limit}`,
      );
    },
  };
}
