// An erasure of event registrations deletes the mails about them by the registration they name
// (mail_outbox.registration_id), not by a search of mail text: a mail that merely quotes the ticket code stays.
// Only the events module's handler runs here (the mail module's own handler deletes by address, which would
// hide what this one does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../lib/authz.ts';
import { outboxPort } from '../mail/index.server.ts';
import { eventsPersonalData } from './events.personal-data.repository.server.ts';
import { type EventsFixture, eventInput, guest, openEventsFixture, outboxTo } from './events.test-helpers.ts';
import { createEvent } from './events.usecases.server.ts';
import { registerForEvent } from './events-registration.usecases.server.ts';

let f: EventsFixture;
beforeAll(async () => {
  f = await openEventsFixture();
}, 180_000);
afterAll(() => f.ctx.close());

const eraseByEmail = (email: string) =>
  f.ctx.deps.db.transaction((tx) =>
    eventsPersonalData.erase(f.ctx.deps, tx, { userId: null, learnerIds: [], emails: [email], phones: [] }),
  );

async function signedUp() {
  const eventId = await createEvent(f.ctx.deps, f.staff, eventInput(f.libraryId, f.placeId));
  const me = guest();
  const { registration } = await registerForEvent(f.ctx.deps, ANONYMOUS, eventId, me);
  const email = me.email as string;
  expect((await outboxTo(f.ctx, email)).map((m) => m.purpose)).toEqual(['event-registration']);
  return { email, registration };
}

describe('erasing a registration and the mails about it', () => {
  it('deletes the ticket mail, which names the registration', async () => {
    const { email, registration } = await signedUp();
    const [row] = await f.ctx.dbh.query<{ registration_id: string | null }>(
      'SELECT registration_id FROM mail_outbox WHERE to_address = $1',
      [email],
    );
    expect(row?.registration_id).toBe(registration.id);
    await eraseByEmail(email);
    expect(await outboxTo(f.ctx, email)).toEqual([]);
  });

  it('keeps a mail to the same address whose text merely contains the ticket code', async () => {
    const { email, registration } = await signedUp();
    await outboxPort.record(
      f.ctx.deps,
      {
        to: email,
        subject: 'Thư trả lời',
        text: `Về vé ${registration.ticketCode} bạn hỏi: thư viện mở cửa lúc 7 giờ.`,
        purpose: 'staff-reply',
      },
      null,
      null,
    );
    await eraseByEmail(email);
    expect((await outboxTo(f.ctx, email)).map((m) => m.purpose)).toEqual(['staff-reply']);
  });
});
