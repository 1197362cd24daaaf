// SQL of the registration hot path that simultaneous sign-ups share (events-registration-reads.server.ts): the
// waitlist places of many registrations in one statement, and a phone guest's earlier registration in one.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { COLUMNS, type Registration, toRegistration } from './events-registrations.repository.server.ts';

export function createEventRegistrationReadsRepository() {
  return {
    /**
     * 1-based places on the waitlist of several registrations in one statement, each as `waitlistPosition`
     * counts it (the waitlisted registrations of its event, or its session, that arrived no later): the
     * waitlists are ranked once; a registration no longer waitlisted (promoted meanwhile) is counted.
     */
    async waitlistPositions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
      const rows = await queryRows<{ id: string; n: number }>(
        db,
        sql`WITH asked AS (SELECT id, event_id, session_id, arrival FROM event_registrations
                           WHERE id = ANY(${sql.param(ids)}::text[])),
                 ranked AS (SELECT w.id,
                                   row_number() OVER (PARTITION BY w.event_id, w.session_id ORDER BY w.arrival) AS n
                            FROM event_registrations w
                            WHERE w.status = 'waitlisted' AND w.event_id IN (SELECT event_id FROM asked)
                              AND w.arrival <= (SELECT max(arrival) FROM asked))
            SELECT a.id, coalesce(
                     (SELECT r.n FROM ranked r WHERE r.id = a.id),
                     (SELECT count(*) FROM event_registrations w
                      WHERE w.event_id = a.event_id AND w.status = 'waitlisted' AND w.arrival <= a.arrival
                        AND w.session_id IS NOT DISTINCT FROM a.session_id))::int AS n
            FROM asked a`,
      );
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },

    /**
     * What a guest registering with a phone number already holds: the registration of this idempotency key if
     * there is one (`sameKey`), else the guest's oldest live registration with this phone (the caller compares the
     * names).
     */
    async sameKeyOrGuestPhone(
      db: Db,
      q: { eventId: string; key: string; sessionId: string | null; phone: string },
    ): Promise<{ registration: Registration; sameKey: boolean } | null> {
      const rows = await queryRows<Registration & { sameKey: boolean }>(
        db,
        sql`SELECT ${COLUMNS}, idempotency_key = ${q.key} AS "sameKey" FROM event_registrations
            WHERE event_id = ${q.eventId}
              AND (idempotency_key = ${q.key}
                   OR (coalesce(session_id, '') = ${q.sessionId ?? ''} AND user_id IS NULL AND phone = ${q.phone}
                       AND status <> 'cancelled'))
            ORDER BY idempotency_key = ${q.key} DESC, created_at LIMIT 1`,
      );
      const r = rows[0];
      if (!r) return null;
      const { sameKey, ...registration } = r;
      return { registration: toRegistration(registration), sameKey };
    },
  };
}
