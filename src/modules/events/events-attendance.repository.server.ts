// SQL for attendance (check-ins and walk-ins, per session) and feedback (invitations and answers) of event
// registrations; the registrations themselves and their waitlist are events-registrations.repository.server.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './events.ids.server.ts';
import { type Registration, toRegistration } from './events-registrations.repository.server.ts';

export interface AttendanceSummary {
  sessionId: string;
  startsAt: Date;
  registered: number;
  walkIns: number;
}

export function createEventAttendanceRepository() {
  return {
    /**
     * Signed-in people who attended at least `min` distinct events of `category` whose check-in falls in
     * [from, to): their user id, the name they registered under and how many events (the credentials
     * module's award rules read this through attendancePort).
     */
    async attendeesByCategory(
      db: Db,
      q: { category: string; from: Date; to: Date; min: number; userIds?: readonly string[] },
    ): Promise<Array<{ userId: string; name: string; events: number }>> {
      const only = q.userIds ? sql`AND r.user_id = ANY(${sql.param(q.userIds)}::text[])` : sql``;
      const rows = await queryRows<{ userId: string; name: string; events: number | string }>(
        db,
        sql`SELECT r.user_id AS "userId", max(r.name) AS name, count(DISTINCT a.event_id) AS events
            FROM event_attendance a
            JOIN event_registrations r ON r.id = a.registration_id
            JOIN events e ON e.id = a.event_id
            WHERE r.user_id IS NOT NULL AND e.category = ${q.category}
              AND a.checked_in_at >= ${q.from.toISOString()} AND a.checked_in_at < ${q.to.toISOString()} ${only}
            GROUP BY r.user_id HAVING count(DISTINCT a.event_id) >= ${q.min}
            ORDER BY r.user_id`,
      );
      return rows.map((r) => ({ ...r, events: Number(r.events) }));
    },

    async markCheckedIn(tx: Db, id: string, at: Date): Promise<void> {
      await tx.execute(
        sql`UPDATE event_registrations SET checked_in_at = coalesce(checked_in_at, ${at}), updated_at = ${at}
            WHERE id = ${id}`,
      );
    },

    async attendanceOf(
      db: Db,
      sessionId: string,
      registrationId: string,
    ): Promise<{ checkedInAt: Date } | null> {
      const rows = await queryRows<{ checkedInAt: Date }>(
        db,
        sql`SELECT checked_in_at AS "checkedInAt" FROM event_attendance
            WHERE session_id = ${sessionId} AND registration_id = ${registrationId}`,
      );
      return rows[0] ? { checkedInAt: new Date(rows[0].checkedInAt) } : null;
    },

    async insertAttendance(
      tx: Db,
      a: {
        eventId: string;
        sessionId: string;
        registrationId: string | null;
        walkInName: string | null;
        partySize: number;
        at: Date;
        by: string | null;
      },
    ): Promise<string> {
      const id = newId('att');
      await tx.execute(
        sql`INSERT INTO event_attendance (id, event_id, session_id, registration_id, walk_in_name, party_size,
              checked_in_at, checked_in_by)
            VALUES (${id}, ${a.eventId}, ${a.sessionId}, ${a.registrationId}, ${a.walkInName}, ${a.partySize},
              ${a.at}, ${a.by})`,
      );
      return id;
    },

    /** People checked in per session: registered (party sizes) and walk-ins. */
    async attendance(db: Db, eventId: string): Promise<AttendanceSummary[]> {
      const rows = await queryRows<AttendanceSummary>(
        db,
        sql`SELECT s.id AS "sessionId", s.starts_at AS "startsAt",
                   coalesce(sum(a.party_size) FILTER (WHERE a.registration_id IS NOT NULL), 0)::int AS registered,
                   coalesce(sum(a.party_size) FILTER (WHERE a.registration_id IS NULL), 0)::int AS "walkIns"
            FROM event_sessions s LEFT JOIN event_attendance a ON a.session_id = s.id
            WHERE s.event_id = ${eventId} GROUP BY s.id, s.starts_at ORDER BY s.starts_at`,
      );
      return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt) }));
    },

    async insertFeedback(
      tx: Db,
      f: { eventId: string; registrationId: string; rating: number; comment: string },
    ): Promise<void> {
      await tx.execute(
        sql`INSERT INTO event_feedback (id, event_id, registration_id, rating, comment)
            VALUES (${newId('fbk')}, ${f.eventId}, ${f.registrationId}, ${f.rating}, ${f.comment})`,
      );
    },

    async hasFeedback(db: Db, registrationId: string): Promise<boolean> {
      const rows = await queryRows<{ x: number }>(
        db,
        sql`SELECT 1 AS x FROM event_feedback WHERE registration_id = ${registrationId}`,
      );
      return rows.length > 0;
    },

    async feedback(db: Db, eventId: string) {
      const rows = await queryRows<{ rating: number; comment: string; createdAt: Date }>(
        db,
        sql`SELECT rating, comment, created_at AS "createdAt" FROM event_feedback
            WHERE event_id = ${eventId} ORDER BY created_at DESC`,
      );
      const ratings = rows.map((r) => r.rating);
      return {
        count: rows.length,
        average: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
        comments: rows
          .filter((r) => r.comment.trim() !== '')
          .map((r) => ({ rating: r.rating, comment: r.comment, createdAt: new Date(r.createdAt) })),
      };
    },

    /**
     * Checked-in registrations with an email whose event's last session ended before `endedBefore` and after
     * `endedAfter`, not yet invited to give feedback.
     */
    async dueFeedbackInvitations(db: Db, endedAfter: Date, endedBefore: Date, limit = 500) {
      const rows = await queryRows<Registration & { eventTitle: string }>(
        db,
        sql`SELECT ${sql.raw(
          'r.id, r.event_id AS "eventId", r.session_id AS "sessionId", r.user_id AS "userId", r.learner_id AS "learnerId", r.name, r.phone, r.email, r.party_size AS "partySize", r.status, r.arrival, r.ticket_code AS "ticketCode", r.checked_in_at AS "checkedInAt", r.promoted_at AS "promotedAt", r.cancelled_at AS "cancelledAt", r.feedback_invited_at AS "feedbackInvitedAt", r.created_at AS "createdAt"',
        )}, e.title AS "eventTitle"
            FROM event_registrations r JOIN events e ON e.id = r.event_id
            WHERE r.checked_in_at IS NOT NULL AND r.email IS NOT NULL AND r.feedback_invited_at IS NULL
              AND (SELECT max(ends_at) FROM event_sessions s WHERE s.event_id = e.id AND NOT s.cancelled)
                  BETWEEN ${endedAfter} AND ${endedBefore}
            ORDER BY r.arrival LIMIT ${limit}`,
      );
      return rows.map((r) => ({ ...toRegistration(r), eventTitle: r.eventTitle }));
    },

    /** Marks the invitation sent; false when another process already did (exactly one mail). */
    async claimFeedbackInvitation(tx: Db, id: string, at: Date): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`UPDATE event_registrations SET feedback_invited_at = ${at}
            WHERE id = ${id} AND feedback_invited_at IS NULL RETURNING id`,
      );
      return rows.length > 0;
    },

    async setFeedbackTokenHash(tx: Db, id: string, hash: string): Promise<void> {
      await tx.execute(sql`UPDATE event_registrations SET feedback_token_hash = ${hash} WHERE id = ${id}`);
    },
  };
}
export type EventAttendanceRepository = ReturnType<typeof createEventAttendanceRepository>;
