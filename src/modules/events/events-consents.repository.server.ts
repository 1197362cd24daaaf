// SQL for the guest-consent outbox on event registrations (migration 0130): which guest consents still have to
// reach the consent ledger, claimed so that concurrent workers never take the same one.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export interface DueGuestConsent {
  registrationId: string;
  phone: string | null;
  email: string | null;
  consentText: string;
  consentAt: Date;
}

export function createEventConsentsRepository() {
  return {
    /**
     * Takes up to `limit` due guest consents (oldest first) and clears their flag in the caller's transaction:
     * the ledger entries are written in the same transaction, so a consent is recorded once or not at all.
     */
    async claimDue(tx: Db, limit: number): Promise<DueGuestConsent[]> {
      const rows = await queryRows<DueGuestConsent & { consentAt: Date | string | null }>(
        tx,
        sql`UPDATE event_registrations r SET consent_ledger_due = false
            FROM (SELECT id FROM event_registrations WHERE consent_ledger_due
                  ORDER BY arrival LIMIT ${limit} FOR UPDATE SKIP LOCKED) due
            WHERE r.id = due.id
            RETURNING r.id AS "registrationId", r.phone, r.email, r.consent_text AS "consentText",
              coalesce(r.consent_at, r.created_at) AS "consentAt"`,
      );
      return rows.map((r) => ({ ...r, consentAt: new Date(r.consentAt as Date | string) }));
    },
    async dueCount(db: Db): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM event_registrations WHERE consent_ledger_due`,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
