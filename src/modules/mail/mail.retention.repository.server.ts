// How long the outbox keeps mails and notices (issue 14, retention): each row names a recipient and often says
// what they did (a ticket, a loan), so the copy goes after the period; sent mail is in the recipient's mailbox.
import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../app/module.ts';
import { queryRows } from '../../db/sql.server.ts';

export const mailRetention: RetentionRule[] = [
  {
    category: 'mail.outbox',
    label: 'mail.retention.outbox',
    basis: 'mail.retention.outboxBasis',
    action: 'delete',
    defaultDays: 90,
    // Administrators read undelivered mail there when SMTP is down: a week at least.
    minDays: 7,
    async count(_deps, db, cutoff) {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM mail_outbox WHERE created_at < ${cutoff}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    async purge(_deps, db, cutoff) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM mail_outbox WHERE created_at < ${cutoff} RETURNING id`,
      );
      return rows.length;
    },
  },
];
