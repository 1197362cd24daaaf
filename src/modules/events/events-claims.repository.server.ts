// SQL behind the claim port (index.server.ts): registrations a guest made with a phone number or e-mail address
// that a citizen later verified move into that citizen's account.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, sqlList } from '../../db/sql.server.ts';

function matches(phones: readonly string[], emails: readonly string[]) {
  const parts = [];
  if (phones.length) parts.push(sql`phone IN (${sqlList(phones)})`);
  if (emails.length) parts.push(sql`lower(email) IN (${sqlList(emails)})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export function createEventClaimsRepository() {
  return {
    /** Guest registrations (no account) made with one of these contacts. */
    async claimable(
      db: Db,
      phones: readonly string[],
      emails: readonly string[],
    ): Promise<Array<{ id: string; eventId: string; createdAt: Date }>> {
      if (!phones.length && !emails.length) return [];
      return queryRows(
        db,
        sql`SELECT id, event_id AS "eventId", created_at AS "createdAt" FROM event_registrations
            WHERE user_id IS NULL AND ${matches(phones, emails)} ORDER BY created_at LIMIT 500`,
      );
    },
    /** Moves them into the account; the ids moved. */
    async claim(
      db: Db,
      userId: string,
      phones: readonly string[],
      emails: readonly string[],
    ): Promise<string[]> {
      if (!phones.length && !emails.length) return [];
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE event_registrations SET user_id = ${userId}, updated_at = now()
            WHERE user_id IS NULL AND ${matches(phones, emails)} RETURNING id`,
      );
      return rows.map((r) => r.id);
    },
  };
}
