// SQL of the registration hot path that simultaneous sign-ups share (events-registration-reads.server.ts): the
// waitlist places of many registrations in one statement, and a phone guest's earlier registration in one.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { COLUMNS, type Registration, toRegistration } from './events-registrations.repository.server.ts';

/**
 * The statement of `waitlistPositions`. Each waitlist asked about (an event's, or a session's) is ranked ONCE,
 * up to the latest arrival asked, from the waitlist index (event_id, arrival) WHERE status = 'waitlisted' (the
 * LATERAL keeps it a lookup per waitlist, never a scan of every registration), and the asked registrations are
 * joined to the ranks: linear in the waitlist, whatever the number asked. (It was once a ranking CTE read in a
 * correlated subquery: PostgreSQL inlined it and ranked the whole waitlist again for every registration asked,
 * 500 × 900 rows and ~1.1 s for one batch of a 1,000-sign-up burst; ADR 0013, fifth pass.) A registration no
 * longer waitlisted (promoted or cancelled meanwhile) is counted on its own, as one by one. Exported for the
 * test that checks the ranking runs once.
 */
export function waitlistPositionsQuery(ids: readonly string[]): SQL {
  return sql`WITH asked AS MATERIALIZED (
               SELECT id, event_id, session_id, arrival FROM event_registrations
               WHERE id = ANY(${sql.param(ids)}::text[])),
             lists AS (SELECT event_id, session_id, max(arrival) AS upto FROM asked GROUP BY event_id, session_id),
             ranked AS MATERIALIZED (
               SELECT w.id, w.n FROM lists l CROSS JOIN LATERAL (
                 SELECT w.id, row_number() OVER (ORDER BY w.arrival) AS n FROM event_registrations w
                 WHERE w.event_id = l.event_id AND w.status = 'waitlisted' AND w.arrival <= l.upto
                   AND w.session_id IS NOT DISTINCT FROM l.session_id) w)
             SELECT a.id, coalesce(
                      r.n,
                      (SELECT count(*) FROM event_registrations w
                       WHERE w.event_id = a.event_id AND w.status = 'waitlisted' AND w.arrival <= a.arrival
                         AND w.session_id IS NOT DISTINCT FROM a.session_id))::int AS n
             FROM asked a LEFT JOIN ranked r ON r.id = a.id`;
}

export function createEventRegistrationReadsRepository() {
  return {
    /**
     * 1-based places on the waitlist of several registrations in one statement, each as `waitlistPosition`
     * counts it (the waitlisted registrations of its event, or its session, that arrived no later).
     */
    async waitlistPositions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
      const rows = await queryRows<{ id: string; n: number }>(db, waitlistPositionsQuery(ids));
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
