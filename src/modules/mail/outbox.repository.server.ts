// SQL for mail_outbox: every mail is kept here, sent or not.
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.server.ts';
import { textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { newId } from './mail.ids.server.ts';

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  purpose: string;
  registration_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  error: string | null;
}

export function createOutboxRepository(dbh: DbHandle) {
  return {
    async insert(
      m: {
        to: string;
        subject: string;
        text: string;
        html?: string | undefined;
        purpose: string;
        registrationId?: string | undefined;
      },
      sentAt: Date | null,
      error: string | null,
      /** A transaction of the caller's to write the row in (else a statement of its own). */
      db?: Db,
    ): Promise<void> {
      if (db) {
        await db.execute(
          sql`INSERT INTO mail_outbox (id, to_address, subject, body_text, body_html, purpose, registration_id,
                                       sent_at, error)
              VALUES (${newId('mail')}, ${m.to}, ${m.subject}, ${m.text}, ${m.html ?? null}, ${m.purpose},
                      ${m.registrationId ?? null}, ${sentAt}, ${error})`,
        );
        return;
      }
      await dbh.query(
        `INSERT INTO mail_outbox (id, to_address, subject, body_text, body_html, purpose, registration_id,
                                  sent_at, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          newId('mail'),
          m.to,
          m.subject,
          m.text,
          m.html ?? null,
          m.purpose,
          m.registrationId ?? null,
          sentAt,
          error,
        ],
      );
    },
    /** Deletes the mails about these event registrations (mail_outbox.registration_id); how many. */
    async eraseAboutRegistrations(db: Db, registrationIds: readonly string[]): Promise<number> {
      if (!registrationIds.length) return 0;
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM mail_outbox WHERE registration_id = ANY(${textList(registrationIds)}) RETURNING id`,
      );
      return rows.length;
    },
    async latest(limit: number, to?: string): Promise<OutboxRow[]> {
      return to
        ? dbh.query<OutboxRow>(
            'SELECT * FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT $2',
            [to, limit],
          )
        : dbh.query<OutboxRow>('SELECT * FROM mail_outbox ORDER BY created_at DESC LIMIT $1', [limit]);
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
