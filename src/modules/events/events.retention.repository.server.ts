// How long the events module keeps guests' registrations (issue 14, retention). Past the period after the
// event's last session, a guest's registration is anonymised like an erasure (events.personal-data): the row
// stays, so attendance and its indicators are unchanged, but nothing in it points to the person. Only rows
// whose consent already reached the ledger (migration 0130) are taken, so the proof of consent is kept.
import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../app/module.ts';
import { queryRows } from '../../db/sql.server.ts';

const pastRetention = (cutoff: Date) =>
  sql`r.user_id IS NULL AND r.learner_id IS NULL AND r.name <> '—' AND NOT r.consent_ledger_due
      AND r.created_at < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = r.event_id AND s.ends_at >= ${cutoff})`;

export const eventsRetention: RetentionRule[] = [
  {
    category: 'events.guest-registrations',
    label: 'events.retention.guests',
    basis: 'events.retention.guestsBasis',
    action: 'anonymise',
    defaultDays: 365,
    // Staff still contact guests about an event that just ended (feedback, lost property): a month at least.
    minDays: 30,
    async count(_deps, db, cutoff) {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM event_registrations r WHERE ${pastRetention(cutoff)}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    async purge(_deps, db, cutoff) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE event_registrations r SET name = '—', phone = NULL,
              email = 'erased-' || r.id || '@erased.invalid', consent_text = NULL, updated_at = now()
            WHERE ${pastRetention(cutoff)} RETURNING r.id`,
      );
      if (rows.length)
        await db.execute(sql`UPDATE event_feedback SET comment = ''
          WHERE registration_id = ANY(${sql.param(rows.map((r) => r.id))}::text[]) AND comment <> ''`);
      return rows.length;
    },
  },
];
