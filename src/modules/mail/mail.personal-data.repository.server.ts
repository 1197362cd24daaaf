// The mail outbox holds messages to a person's address (with their name in the text): exported, then deleted.
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { lowerEmails, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';

/** Notices to a phone (codes, acknowledgements) leave a copy addressed to the E.164 number. */
const addresses = (s: Parameters<PersonalDataHandler['erase']>[2]) => [...lowerEmails(s), ...s.phones];

export const mailPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'mail_outbox',
      fields: ['to_address', 'subject', 'body_text', 'body_html'],
      purpose: 'privacy.inventory.mail.purpose',
      retention: 'privacy.inventory.mail.retention',
      visibleTo: 'privacy.inventory.mail.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    return {
      mail_outbox: await queryRows(
        db,
        sql`SELECT to_address, subject, body_text, purpose, created_at, sent_at FROM mail_outbox
            WHERE lower(to_address) = ANY(${textList(addresses(s))}) ORDER BY created_at`,
      ),
    };
  },
  async erase(_deps, db, s) {
    await db.execute(sql`DELETE FROM mail_outbox WHERE lower(to_address) = ANY(${textList(addresses(s))})`);
  },
};
