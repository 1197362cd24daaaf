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
  created_at: Date;
  sent_at: Date | null;
  error: string | null;
}

export function createOutboxRepository(dbh: DbHandle) {
  return {
    async insert(
      m: { to: string; subject: string; text: string; html?: string | undefined; purpose: string },
      sentAt: Date | null,
      error: string | null,
      /** A transaction of the caller's to write the row in (else a statement of its own). */
      db?: Db,
    ): Promise<void> {
      if (db) {
        await db.execute(
          sql`INSERT INTO mail_outbox (id, to_address, subject, body_text, body_html, purpose, sent_at, error)
              VALUES (${newId('mail')}, ${m.to}, ${m.subject}, ${m.text}, ${m.html ?? null}, ${m.purpose},
                      ${sentAt}, ${error})`,
        );
        return;
      }
      await dbh.query(
        `INSERT INTO mail_outbox (id, to_address, subject, body_text, body_html, purpose, sent_at, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [newId('mail'), m.to, m.subject, m.text, m.html ?? null, m.purpose, sentAt, error],
      );
    },
    /** Deletes the mails to each address (any case) whose text carries its marker (e.g. a ticket code); how many. */
    async eraseCarrying(db: Db, mails: ReadonlyArray<{ address: string; marker: string }>): Promise<number> {
      if (!mails.length) return 0;
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM mail_outbox o
            USING unnest(${textList(mails.map((m) => m.address.toLowerCase()))},
                         ${textList(mails.map((m) => m.marker))}) AS m(address, marker)
            WHERE lower(o.to_address) = m.address AND strpos(o.body_text, m.marker) > 0 RETURNING o.id`,
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
