// SQL for registrations (with the waitlist and the ticket mail outbox); attendance and feedback are
// events-attendance.repository.server.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './events.ids.server.ts';
import type { RegistrationStatus } from './events.model.server.ts';

export interface RegistrationValues {
  eventId: string;
  sessionId: string | null;
  userId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  partySize: number;
  status: RegistrationStatus;
  ticketCode: string;
  cancelTokenHash: string;
  feedbackTokenHash: string;
  idempotencyKey: string;
  consentText: string | null;
  consentAt: Date | null;
  /** The learner registered when a signed-in person registers (themselves or a family member they manage). */
  learnerId: string | null;
  /** Ticket mail due after commit (the registration row is the outbox), in this language. */
  mailLocale: 'vi' | 'en' | null;
  /** The time of the sign-up: the seat statement checks the registration window against it. */
  at: Date;
}

export interface Registration {
  id: string;
  eventId: string;
  sessionId: string | null;
  userId: string | null;
  /** The learner whose record an attendance credits: set for signed-in registrations, null for guests. */
  learnerId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  partySize: number;
  status: RegistrationStatus;
  arrival: number;
  ticketCode: string;
  checkedInAt: Date | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  feedbackInvitedAt: Date | null;
  createdAt: Date;
}

export const COLUMNS = sql`id, event_id AS "eventId", session_id AS "sessionId", user_id AS "userId",
  learner_id AS "learnerId", name, phone, email,
  party_size AS "partySize", status, arrival, ticket_code AS "ticketCode", checked_in_at AS "checkedInAt",
  promoted_at AS "promotedAt", cancelled_at AS "cancelledAt", feedback_invited_at AS "feedbackInvitedAt",
  created_at AS "createdAt"`;

const d = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function toRegistration(r: Registration): Registration {
  return {
    ...r,
    arrival: Number(r.arrival),
    checkedInAt: d(r.checkedInAt),
    promotedAt: d(r.promotedAt),
    cancelledAt: d(r.cancelledAt),
    feedbackInvitedAt: d(r.feedbackInvitedAt),
    createdAt: new Date(r.createdAt),
  };
}

async function one(db: Db, where: ReturnType<typeof sql>, lock = false): Promise<Registration | null> {
  const rows = await queryRows<Registration>(
    db,
    sql`SELECT ${COLUMNS} FROM event_registrations WHERE ${where} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return rows[0] ? toRegistration(rows[0]) : null;
}

/**
 * The event `e` still takes sign-ups at `at`, as checkTiming decides from the facts read before: published, a
 * capacity other than 0, the window open, and a live session (the chosen one, per-session) not yet begun when
 * the window has no end of its own, nor over.
 */
export function takesSignUps(sessionId: string | null, at: Date) {
  const now = sql`${at.toISOString()}::timestamptz`;
  return sql`e.status = 'published' AND e.capacity IS DISTINCT FROM 0
    AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= ${now})
    AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND NOT s.cancelled
                  ${sessionId ? sql`AND s.id = ${sessionId}` : sql``}
                HAVING ${now} < coalesce(e.registration_closes_at, min(s.starts_at)) AND ${now} < max(s.ends_at))`;
}

export function createEventRegistrationsRepository() {
  return {
    /**
     * Takes the seats and writes the registration in ONE statement, the whole of the locked section: the seat
     * counter's conditional UPDATE (the event still takes sign-ups, seats fit, nobody waiting ahead) holds the
     * counter's row lock only until this statement commits; a concurrent one re-checks the condition on the
     * updated row (READ COMMITTED), so the counter never exceeds the capacity, and a series event cancelled or
     * closed by a transaction that committed first gives no seat. No seat → the registration is written
     * 'waitlisted', if the event still takes sign-ups; else nothing is written and null is answered (the facts
     * the caller checked were read before the change). A unique violation (same idempotency key, or the learner
     * already registered) fails the whole statement, seat included; the caller reads back the registration that
     * won.
     */
    async register(db: Db, v: RegistrationValues): Promise<Registration | null> {
      const id = newId('reg');
      const waiting = sql`SELECT 1 FROM event_registrations w WHERE w.event_id = ${v.eventId}
        AND w.status = 'waitlisted' AND ${v.sessionId ? sql`w.session_id = ${v.sessionId}` : sql`w.session_id IS NULL`}`;
      const open = takesSignUps(v.sessionId, v.at);
      const seat = v.sessionId
        ? sql`UPDATE event_sessions SET confirmed_seats = confirmed_seats + ${v.partySize}
              WHERE id = ${v.sessionId} AND event_id = ${v.eventId} AND NOT cancelled
                AND confirmed_seats + ${v.partySize} <=
                    coalesce((SELECT capacity FROM events WHERE id = ${v.eventId}), 2147483647)
                AND NOT EXISTS (${waiting})
                AND EXISTS (SELECT 1 FROM events e WHERE e.id = ${v.eventId} AND ${open}) RETURNING id`
        : sql`UPDATE events e SET confirmed_seats = e.confirmed_seats + ${v.partySize}
              WHERE e.id = ${v.eventId} AND (e.capacity IS NULL OR e.confirmed_seats + ${v.partySize} <= e.capacity)
                AND NOT EXISTS (${waiting}) AND ${open} RETURNING e.id`;
      // A seat taken is always written (never a seat without its registration); a waitlist place only while the
      // event takes sign-ups.
      const rows = await queryRows<Registration>(
        db,
        sql`WITH seat AS (${seat})
            INSERT INTO event_registrations (id, event_id, session_id, user_id, learner_id, name, phone, email,
              party_size, status, ticket_code, cancel_token_hash, feedback_token_hash, idempotency_key, consent_text,
              consent_at, ticket_mail_due, mail_locale, consent_ledger_due)
            SELECT ${id}, ${v.eventId}, ${v.sessionId}, ${v.userId}, ${v.learnerId}, ${v.name}, ${v.phone}, ${v.email},
              ${v.partySize}, CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'confirmed' ELSE 'waitlisted' END,
              ${v.ticketCode}, ${v.cancelTokenHash}, ${v.feedbackTokenHash}, ${v.idempotencyKey}, ${v.consentText},
              ${v.consentAt}, ${v.mailLocale !== null && v.email !== null}, ${v.mailLocale ?? 'vi'},
              ${v.consentText !== null && v.userId === null}
            WHERE EXISTS (SELECT 1 FROM seat)
               OR EXISTS (SELECT 1 FROM events e WHERE e.id = ${v.eventId} AND ${open})
            RETURNING ${COLUMNS}`,
      );
      return rows[0] ? toRegistration(rows[0]) : null;
    },

    /**
     * Claims the oldest due ticket mail (SKIP LOCKED: concurrent mailers never take the same one) and stores
     * the hash of a fresh cancellation secret for it; null when none is due.
     */
    async claimTicketMail(
      tx: Db,
      cancelTokenHash: string,
    ): Promise<(Registration & { mailLocale: 'vi' | 'en' }) | null> {
      const rows = await queryRows<Registration & { mailLocale: 'vi' | 'en' }>(
        tx,
        sql`UPDATE event_registrations SET ticket_mail_due = false, cancel_token_hash = ${cancelTokenHash}
            WHERE id = (SELECT id FROM event_registrations WHERE ticket_mail_due
                        ORDER BY arrival LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING ${COLUMNS}, mail_locale AS "mailLocale"`,
      );
      const r = rows[0];
      return r ? { ...toRegistration(r), mailLocale: r.mailLocale } : null;
    },

    /**
     * Whether the registration still holds the contact its claimed ticket mail was rendered for (same address,
     * same name, not cancelled), and if so its row share-locked until the caller's transaction ends: an
     * erasure (which rewrites the row) waits for that transaction, or the mail is not kept at all.
     */
    async holdTicketContact(tx: Db, id: string, email: string, name: string): Promise<boolean> {
      const rows = await queryRows<{ x: number }>(
        tx,
        sql`SELECT 1 AS x FROM event_registrations
            WHERE id = ${id} AND email = ${email} AND name = ${name} AND status <> 'cancelled' FOR SHARE`,
      );
      return rows.length > 0;
    },

    /** Whether any ticket mail is still due (claimed or not): flushTicketMails waits for those locked elsewhere. */
    async anyTicketMailDue(db: Db): Promise<boolean> {
      const rows = await queryRows<{ due: boolean }>(
        db,
        sql`SELECT EXISTS (SELECT 1 FROM event_registrations WHERE ticket_mail_due) AS due`,
      );
      return rows[0]?.due === true;
    },

    byIdempotencyKey: (db: Db, eventId: string, key: string) =>
      one(db, sql`event_id = ${eventId} AND idempotency_key = ${key}`),
    /**
     * A learner's live (not cancelled) registration for the event, or one of its sessions: registered as that
     * learner, or (the account holder) a guest registration claimed into their account.
     */
    liveOfLearner: (db: Db, eventId: string, sessionId: string | null, learnerId: string) =>
      one(
        db,
        sql`event_id = ${eventId} AND coalesce(session_id, '') = ${sessionId ?? ''}
            AND coalesce(learner_id, user_id) = ${learnerId} AND status <> 'cancelled'
            ORDER BY created_at LIMIT 1`,
      ),
    /** A guest's live registration with this (normalised) phone, the oldest first. */
    liveOfGuestPhone: (db: Db, eventId: string, sessionId: string | null, phone: string) =>
      one(
        db,
        sql`event_id = ${eventId} AND coalesce(session_id, '') = ${sessionId ?? ''} AND user_id IS NULL
            AND phone = ${phone} AND status <> 'cancelled' ORDER BY created_at LIMIT 1`,
      ),
    byId: (db: Db, id: string, lock = false) => one(db, sql`id = ${id}`, lock),
    byTicketCode: (db: Db, code: string) => one(db, sql`ticket_code = ${code}`),
    byCancelHash: (db: Db, hash: string) => one(db, sql`cancel_token_hash = ${hash}`),
    byFeedbackHash: (db: Db, hash: string) => one(db, sql`feedback_token_hash = ${hash}`),

    async setStatus(tx: Db, id: string, status: RegistrationStatus, at: Date): Promise<void> {
      const stamp =
        status === 'cancelled'
          ? sql`, cancelled_at = ${at}`
          : status === 'confirmed'
            ? sql`, promoted_at = ${at}`
            : sql``;
      await tx.execute(
        sql`UPDATE event_registrations SET status = ${status}, updated_at = ${at} ${stamp} WHERE id = ${id}`,
      );
    },

    /** The waitlist of the event (series) or one session, in arrival order. */
    async waitlist(db: Db, eventId: string, sessionId: string | null): Promise<Registration[]> {
      const rows = await queryRows<Registration>(
        db,
        sql`SELECT ${COLUMNS} FROM event_registrations
            WHERE event_id = ${eventId} AND status = 'waitlisted'
              AND ${sessionId ? sql`session_id = ${sessionId}` : sql`session_id IS NULL`}
            ORDER BY arrival`,
      );
      return rows.map(toRegistration);
    },

    async hasWaitlist(db: Db, eventId: string, sessionId: string | null): Promise<boolean> {
      const rows = await queryRows<{ x: number }>(
        db,
        sql`SELECT 1 AS x FROM event_registrations
            WHERE event_id = ${eventId} AND status = 'waitlisted'
              AND ${sessionId ? sql`session_id = ${sessionId}` : sql`session_id IS NULL`} LIMIT 1`,
      );
      return rows.length > 0;
    },

    /** 1-based place on the waitlist. */
    async waitlistPosition(db: Db, r: Registration): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM event_registrations
            WHERE event_id = ${r.eventId} AND status = 'waitlisted' AND arrival <= ${r.arrival}
              AND ${r.sessionId ? sql`session_id = ${r.sessionId}` : sql`session_id IS NULL`}`,
      );
      return rows[0]?.n ?? 0;
    },

    async listForEvent(db: Db, eventId: string): Promise<Registration[]> {
      const rows = await queryRows<Registration>(
        db,
        sql`SELECT ${COLUMNS} FROM event_registrations WHERE event_id = ${eventId} ORDER BY arrival`,
      );
      return rows.map(toRegistration);
    },

    async counts(db: Db, eventId: string) {
      const rows = await queryRows<{ status: RegistrationStatus; people: number; registrations: number }>(
        db,
        sql`SELECT status, coalesce(sum(party_size), 0)::int AS people, count(*)::int AS registrations
            FROM event_registrations WHERE event_id = ${eventId} GROUP BY status`,
      );
      const get = (s: RegistrationStatus) => rows.find((r) => r.status === s);
      return {
        confirmedPeople: get('confirmed')?.people ?? 0,
        waitlistedPeople: get('waitlisted')?.people ?? 0,
        confirmed: get('confirmed')?.registrations ?? 0,
        waitlisted: get('waitlisted')?.registrations ?? 0,
        cancelled: get('cancelled')?.registrations ?? 0,
      };
    },
  };
}
export type EventRegistrationsRepository = ReturnType<typeof createEventRegistrationsRepository>;
