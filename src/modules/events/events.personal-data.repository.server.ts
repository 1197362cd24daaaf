// What the events module holds about a person (registrations incl. guests, feedback, walk-in names) and how
// it is erased: registrations are pseudonymised, not deleted, so attendance and its counts stay equal.
import { sql } from 'drizzle-orm';
import type { PersonalDataHandler } from '../../app/module.ts';
import { lowerEmails, subjectUserIds, textList } from '../../db/personal-data.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { outboxPort } from '../mail/index.server.ts';

/** Phones are stored in the national form (0912345678); the subject gives E.164 (+84912345678). */
const phonesOf = (s: Parameters<PersonalDataHandler['export']>[2]) =>
  s.phones.flatMap((p) => (p.startsWith('+84') ? [p, `0${p.slice(3)}`] : [p]));

const mine = (s: Parameters<PersonalDataHandler['export']>[2]) =>
  sql`(r.user_id = ANY(${textList(subjectUserIds(s))}) OR r.learner_id = ANY(${textList(subjectUserIds(s))})
       OR lower(r.email) = ANY(${textList(lowerEmails(s))})
       OR r.phone = ANY(${textList(phonesOf(s))}))`;

export const eventsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'event_registrations',
      fields: ['name', 'phone', 'email', 'user_id', 'learner_id', 'consent_text'],
      purpose: 'privacy.inventory.events.purpose',
      retention: 'privacy.inventory.events.retention',
      visibleTo: 'privacy.inventory.events.visibleTo',
    },
    {
      table: 'event_feedback',
      fields: ['rating', 'comment'],
      purpose: 'privacy.inventory.feedback.purpose',
      retention: 'privacy.inventory.events.retention',
      visibleTo: 'privacy.inventory.events.visibleTo',
    },
  ],
  async export(_deps, db, s) {
    const registrations = await queryRows<Record<string, unknown>>(
      db,
      sql`SELECT r.id, e.title AS event, r.name, r.phone, r.email, r.party_size, r.status, r.consent_text,
                 r.consent_at, r.checked_in_at, r.created_at
          FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE ${mine(s)} ORDER BY r.created_at`,
    );
    const ids = registrations.map((r) => String(r.id));
    const feedback = ids.length
      ? await queryRows<Record<string, unknown>>(
          db,
          sql`SELECT registration_id, rating, comment, created_at FROM event_feedback
              WHERE registration_id = ANY(${textList(ids)})`,
        )
      : [];
    return { event_registrations: registrations, event_feedback: feedback };
  },
  async erase(deps, db, s) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`SELECT r.id FROM event_registrations r WHERE ${mine(s)}`,
    );
    const ids = rows.map((r) => r.id);
    if (!ids.length) return;
    // The row stays (attendance counts it); nothing in it points to the person any more.
    // A placeholder address satisfies the "some contact" rule and identifies no one; a ticket mail not yet sent
    // is not sent any more.
    await db.execute(sql`UPDATE event_registrations SET name = '—', phone = NULL,
        email = 'erased-' || id || '@erased.invalid', user_id = NULL, learner_id = NULL,
        consent_text = NULL, ticket_mail_due = false, updated_at = now() WHERE id = ANY(${textList(ids)})`);
    await db.execute(
      sql`UPDATE event_feedback SET comment = '' WHERE registration_id = ANY(${textList(ids)})`,
    );
    // The mail module's handler may have run before this one: a ticket-mail drain that held the row (share
    // lock) wrote its mail after that handler's delete, and the rewrite above waited for it to commit. Now
    // that the rows are rewritten (and locked), no drain can write again: delete their mails here, whatever
    // the handlers' order. A mail names the registration it is about (mail_outbox.registration_id): those are
    // deleted, and no other mail whatever its text.
    await outboxPort.eraseAboutRegistrations(deps, db, ids);
  },
};
