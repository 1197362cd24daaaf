// The privacy module's own retention rule (issue 14): a closed guest request keeps the verified contact as
// proof of how it was answered; past the period the contact and details are blanked (the request row stays
// for the yearly count of requests).
import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../app/module.ts';
import { queryRows } from '../../db/sql.server.ts';

const pastRetention = (cutoff: Date) =>
  sql`channel = 'guest-form' AND status <> 'received' AND contact <> '[erased]' AND completed_at < ${cutoff}`;

export const privacyRetention: RetentionRule[] = [
  {
    category: 'privacy.guest-requests',
    label: 'privacy.retention.guestRequests',
    basis: 'privacy.retention.guestRequestsBasis',
    action: 'anonymise',
    defaultDays: 1095,
    minDays: 90,
    async count(_deps, db, cutoff) {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM privacy_requests WHERE ${pastRetention(cutoff)}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    async purge(_deps, db, cutoff) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE privacy_requests SET contact = '[erased]', details = '' WHERE ${pastRetention(cutoff)}
            RETURNING id`,
      );
      return rows.length;
    },
  },
];
