// The seat statement of several sign-ups for the same series event at once (events-registration-batch.server.ts):
// one conditional seat update for all of them, their registrations written by the same statement.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './events.ids.server.ts';
import {
  COLUMNS,
  type Registration,
  type RegistrationValues,
  takesSignUps,
  toRegistration,
} from './events-registrations.repository.server.ts';

const texts = (xs: ReadonlyArray<string | null>) => sql`${sql.param(xs)}::text[]`;

export function createEventRegistrationBatchRepository() {
  return {
    /**
     * Registers several sign-ups for one series event (same event, no session, `at` of the first) in ONE
     * statement, in the order given: the event's row is locked (only when it takes sign-ups and nobody is
     * waiting), the longest prefix of the sign-ups whose party sizes fit the seats left gets seats in one
     * update of the counter, everyone after them is waitlisted (nobody jumps the queue, as one by one). What
     * each got, by position; null for all when the event no longer takes sign-ups. A unique violation (a
     * double submit, in the batch or before it) fails the whole statement: the caller registers them one by one.
     */
    async registerMany(db: Db, vs: readonly RegistrationValues[]): Promise<Array<Registration | null>> {
      const first = vs[0];
      if (!first) return [];
      const eventId = first.eventId;
      const ids = vs.map(() => newId('reg'));
      const open = takesSignUps(null, first.at);
      const rows = await queryRows<Registration>(
        db,
        sql`WITH b AS (
              SELECT x.*, sum(x.party) OVER (ORDER BY x.ord) AS cum
              FROM unnest(${texts(ids)}, ${texts(vs.map((v) => v.userId))}, ${texts(vs.map((v) => v.learnerId))},
                          ${texts(vs.map((v) => v.name))}, ${texts(vs.map((v) => v.phone))},
                          ${texts(vs.map((v) => v.email))}, ${sql.param(vs.map((v) => v.partySize))}::int[],
                          ${texts(vs.map((v) => v.ticketCode))}, ${texts(vs.map((v) => v.cancelTokenHash))},
                          ${texts(vs.map((v) => v.feedbackTokenHash))}, ${texts(vs.map((v) => v.idempotencyKey))},
                          ${texts(vs.map((v) => v.consentText))},
                          ${texts(vs.map((v) => v.consentAt?.toISOString() ?? null))}::timestamptz[],
                          ${sql.param(vs.map((v) => v.mailLocale !== null && v.email !== null))}::boolean[],
                          ${texts(vs.map((v) => v.mailLocale ?? 'vi'))},
                          ${sql.param(vs.map((v) => v.consentText !== null && v.userId === null))}::boolean[])
                   WITH ORDINALITY AS x(id, user_id, learner_id, name, phone, email, party, code, cancel_hash,
                                        feedback_hash, key, consent_text, consent_at, mail_due, locale, ledger_due, ord)),
            ev AS (SELECT e.id, e.capacity, e.confirmed_seats FROM events e
                   WHERE e.id = ${eventId} AND ${open}
                     AND NOT EXISTS (SELECT 1 FROM event_registrations w WHERE w.event_id = ${eventId}
                                       AND w.status = 'waitlisted' AND w.session_id IS NULL)
                   FOR UPDATE OF e),
            fit AS (SELECT coalesce(max(b.cum), 0) AS seats FROM b, ev
                    WHERE ev.capacity IS NULL OR b.cum <= ev.capacity - ev.confirmed_seats),
            seat AS (UPDATE events e SET confirmed_seats = ev.confirmed_seats + fit.seats FROM ev, fit
                     WHERE e.id = ev.id AND fit.seats > 0 RETURNING fit.seats)
            INSERT INTO event_registrations (id, event_id, session_id, user_id, learner_id, name, phone, email,
              party_size, status, ticket_code, cancel_token_hash, feedback_token_hash, idempotency_key, consent_text,
              consent_at, ticket_mail_due, mail_locale, consent_ledger_due)
            SELECT b.id, ${eventId}, NULL, b.user_id, b.learner_id, b.name, b.phone, b.email, b.party,
              CASE WHEN b.cum <= coalesce((SELECT seats FROM seat), 0) THEN 'confirmed' ELSE 'waitlisted' END,
              b.code, b.cancel_hash, b.feedback_hash, b.key, b.consent_text, b.consent_at, b.mail_due, b.locale,
              b.ledger_due
            FROM b
            WHERE EXISTS (SELECT 1 FROM seat) OR EXISTS (SELECT 1 FROM events e WHERE e.id = ${eventId} AND ${open})
            ORDER BY b.ord
            RETURNING ${COLUMNS}`,
      );
      const byId = new Map(rows.map((r) => [r.id, toRegistration(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}
export type EventRegistrationBatchRepository = ReturnType<typeof createEventRegistrationBatchRepository>;
