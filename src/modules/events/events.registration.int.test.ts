// Registration (per event and per session), the waitlist, check-in, walk-ins and feedback. Event management is
// in events.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import type { TestContext } from '../../test/harness.ts';
import { createUserWithPassword } from '../auth/auth.users.server.ts';
import { auditCount } from '../units/units.test-helpers.ts';
import { eventInput, guest, openEventsFixture, outboxTo } from './events.test-helpers.ts';
import { createEvent, getStaffEvent } from './events.usecases.server.ts';
import {
  addWalkIn,
  checkIn,
  sendFeedbackInvitations,
  submitFeedback,
} from './events-attendance.usecases.server.ts';
import {
  cancelRegistrationByTicket,
  cancelRegistrationByToken,
  getTicket,
  registerForEvent,
} from './events-registration.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let otherStaff: Actor;
let libraryId: string;
let placeId: string;
let realNow: () => Date;

beforeAll(async () => {
  ({ ctx, staff, otherStaff, libraryId, placeId } = await openEventsFixture());
  realNow = ctx.deps.now;
}, 180_000); // a loaded CI machine needs more than the default hook timeout
afterAll(() => ctx.close());

const at = (iso: string) => () => new Date(iso);

/** The secret cancellation link of the last mail to `email`. */
async function cancelTokenFor(email: string): Promise<string> {
  const mails = await outboxTo(ctx, email);
  const m = /token=([\w-]+)/.exec(mails.at(-1)?.body_text ?? '');
  if (!m?.[1]) throw new Error(`no cancellation link for ${email}`);
  return m[1];
}

describe('registration', () => {
  it('confirms a guest, mails the QR ticket and a cancellation link, and registers a double submit once', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    const input = guest({ phone: '0905 123 456' });
    const first = await registerForEvent(ctx.deps, ANONYMOUS, id, input);
    const again = await registerForEvent(ctx.deps, ANONYMOUS, id, input);
    expect(first.registration.status).toBe('confirmed');
    expect(first.registration.phone).toBe('0905123456');
    expect(again.created).toBe(false);
    expect(again.registration.id).toBe(first.registration.id);
    expect(first.registration.ticketCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const mails = await outboxTo(ctx, input.email as string);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body_html).toContain('data:image/png;base64,');
    expect(mails[0]?.body_text).toContain(first.registration.ticketCode);
    expect(mails[0]?.body_text).toMatch(/\/events\/cancel\?token=/);
  });

  it('refuses bad input with clear errors: control characters, a bad phone, no contact, no consent', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    await expect(registerForEvent(ctx.deps, ANONYMOUS, id, guest({ phone: '12345' }))).rejects.toMatchObject({
      code: 'events.invalid_phone',
    });
    await expect(
      registerForEvent(ctx.deps, ANONYMOUS, id, guest({ email: null, phone: null })),
    ).rejects.toMatchObject({ code: 'events.contact_required' });
    await expect(registerForEvent(ctx.deps, ANONYMOUS, id, guest({ consent: false }))).rejects.toMatchObject({
      code: 'events.consent_required',
    });
    // Script in a name is just text: stored as typed (pages escape it).
    const script = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      id,
      guest({ name: '<script>alert(1)</script>' }),
    );
    expect(script.registration.name).toBe('<script>alert(1)</script>');
  });

  it('refuses a past event, a closed window, a window not yet open and an event with no seats', async () => {
    const past = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, {
        schedule: { firstDate: '2024-04-21', startTime: '08:00', endTime: '10:00', weekly: null },
      }),
    );
    await expect(registerForEvent(ctx.deps, ANONYMOUS, past, guest())).rejects.toMatchObject({
      code: 'events.past',
    });
    const closed = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, { registrationClosesAt: '2025-01-01T00:00:00+07:00' }),
    );
    await expect(registerForEvent(ctx.deps, ANONYMOUS, closed, guest())).rejects.toMatchObject({
      code: 'events.closed',
    });
    const later = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, { registrationOpensAt: '2027-04-01T00:00:00+07:00' }),
    );
    await expect(registerForEvent(ctx.deps, ANONYMOUS, later, guest())).rejects.toMatchObject({
      code: 'events.not_open',
    });
    const none = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 0 }));
    await expect(registerForEvent(ctx.deps, ANONYMOUS, none, guest())).rejects.toMatchObject({
      code: 'events.no_registration',
    });
  });

  it('promotes the waitlist in arrival order when people cancel, and tells the promoted person', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 2 }));
    const [a, b, c, d] = [guest(), guest(), guest(), guest()];
    const ra = await registerForEvent(ctx.deps, ANONYMOUS, id, a);
    await registerForEvent(ctx.deps, ANONYMOUS, id, b);
    const rc = await registerForEvent(ctx.deps, ANONYMOUS, id, c);
    const rd = await registerForEvent(ctx.deps, ANONYMOUS, id, d);
    expect([rc.registration.status, rc.waitlistPosition]).toEqual(['waitlisted', 1]);
    expect([rd.registration.status, rd.waitlistPosition]).toEqual(['waitlisted', 2]);

    await cancelRegistrationByToken(ctx.deps, await cancelTokenFor(a.email as string));
    expect((await getTicket(ctx.deps, rc.registration.ticketCode)).registration.status).toBe('confirmed');
    expect((await getTicket(ctx.deps, rd.registration.ticketCode)).waitlistPosition).toBe(1);
    const promotedMail = (await outboxTo(ctx, c.email as string)).at(-1);
    expect(promotedMail?.purpose).toBe('event-waitlist-promotion');
    // Cancelling twice is harmless; seats are not freed twice.
    await cancelRegistrationByTicket(ctx.deps, ra.registration.ticketCode);
    expect((await getTicket(ctx.deps, rd.registration.ticketCode)).registration.status).toBe('waitlisted');
  });

  it('notifies a promoted signed-in citizen in the app as well', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 1 }));
    const first = await registerForEvent(ctx.deps, ANONYMOUS, id, guest());
    const { id: userId } = await createUserWithPassword(ctx.deps, {
      email: 'dan@example.vn',
      name: 'Trần Văn Dân',
      password: 'Hoa sen nở giữa hồ 2024',
    });
    const base = testActor([]);
    if (base.kind !== 'user') throw new Error('test actor');
    const citizen: Actor = { ...base, userId, email: 'dan@example.vn', name: 'Trần Văn Dân' };
    const second = await registerForEvent(ctx.deps, citizen, id, guest({ name: undefined, email: null }));
    expect(second.registration.status).toBe('waitlisted');
    await cancelRegistrationByTicket(ctx.deps, first.registration.ticketCode);
    const notes = await ctx.dbh.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1', [
      userId,
    ]);
    expect(notes.map((n) => n.kind)).toContain('events.waitlist.promoted');
  });
});

describe('registration per session', () => {
  it('counts seats per session, waitlists per session, and checks a ticket in only at its own session', async () => {
    const id = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, {
        capacity: 1,
        registrationMode: 'session',
        schedule: {
          firstDate: '2027-10-01',
          startTime: '14:00',
          endTime: '16:00',
          weekly: { weekdays: [5, 6], until: '2027-10-02', exceptions: [] },
        },
      }),
    );
    const [friday, saturday] = (await getStaffEvent(ctx.deps, staff, id)).sessions;
    const fri = friday?.id as string;
    const sat = saturday?.id as string;
    await expect(registerForEvent(ctx.deps, ANONYMOUS, id, guest())).rejects.toMatchObject({
      code: 'events.session_required',
    });
    const a = await registerForEvent(ctx.deps, ANONYMOUS, id, guest({ sessionId: fri }));
    const b = await registerForEvent(ctx.deps, ANONYMOUS, id, guest({ sessionId: fri }));
    const c = await registerForEvent(ctx.deps, ANONYMOUS, id, guest({ sessionId: sat }));
    expect([a.registration.status, b.registration.status, c.registration.status]).toEqual([
      'confirmed',
      'waitlisted',
      'confirmed',
    ]);
    await expect(
      checkIn(ctx.deps, staff, id, { sessionId: sat, code: a.registration.ticketCode }),
    ).rejects.toMatchObject({
      code: 'events.checkin.other_session',
    });
    await cancelRegistrationByTicket(ctx.deps, c.registration.ticketCode);
    // Saturday's freed seat does not go to Friday's waitlist.
    expect((await getTicket(ctx.deps, b.registration.ticketCode)).registration.status).toBe('waitlisted');
    await cancelRegistrationByTicket(ctx.deps, a.registration.ticketCode);
    expect((await getTicket(ctx.deps, b.registration.ticketCode)).registration.status).toBe('confirmed');
  });
});

describe('check-in, walk-ins and feedback', () => {
  it('checks a ticket in once, refuses another event’s ticket, refuses cancelling after check-in', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    const otherId = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, { title: 'Sự kiện khác' }),
    );
    const person = guest({ partySize: 3 });
    const r = await registerForEvent(ctx.deps, ANONYMOUS, id, person);
    const other = await registerForEvent(ctx.deps, ANONYMOUS, otherId, guest());
    const [session] = (await getStaffEvent(ctx.deps, staff, id)).sessions;
    const sessionId = session?.id as string;

    await expect(
      checkIn(ctx.deps, staff, id, { sessionId, code: other.registration.ticketCode }),
    ).rejects.toMatchObject({ code: 'events.checkin.other_event' });
    await expect(
      checkIn(ctx.deps, otherStaff, id, { sessionId, code: r.registration.ticketCode }),
    ).rejects.toMatchObject({
      status: 403,
    });
    // Typed in lower case without dashes: still the same ticket.
    const typed = r.registration.ticketCode.replace(/-/g, '').toLowerCase();
    const done = await checkIn(ctx.deps, staff, id, { sessionId, code: typed });
    expect(done.partySize).toBe(3);
    await expect(
      checkIn(ctx.deps, staff, id, { sessionId, code: r.registration.ticketCode }),
    ).rejects.toMatchObject({
      code: 'events.checkin.already_used',
    });
    await expect(
      cancelRegistrationByToken(ctx.deps, await cancelTokenFor(person.email as string)),
    ).rejects.toMatchObject({
      code: 'events.cancel_after_checkin',
    });
    await addWalkIn(ctx.deps, staff, id, { sessionId, name: 'Khách vãng lai', partySize: 2 });
    const view = await getStaffEvent(ctx.deps, staff, id);
    expect(view.attendance[0]).toMatchObject({ registered: 3, walkIns: 2 });
    expect(await auditCount(ctx, 'events.checkin.create', r.registration.id)).toBe(1);
  });

  it('invites attendees to give feedback once after the event, and shows the results to staff', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    const person = guest();
    const r = await registerForEvent(ctx.deps, ANONYMOUS, id, person);
    const absent = guest();
    await registerForEvent(ctx.deps, ANONYMOUS, id, absent);
    const sessionId = (await getStaffEvent(ctx.deps, staff, id)).sessions[0]?.id as string;
    await checkIn(ctx.deps, staff, id, { sessionId, code: r.registration.ticketCode });
    try {
      ctx.deps.now = at('2027-04-22T09:00:00+07:00');
      expect(await sendFeedbackInvitations(ctx.deps)).toBeGreaterThanOrEqual(1);
      expect(await sendFeedbackInvitations(ctx.deps)).toBe(0);
    } finally {
      ctx.deps.now = realNow;
    }
    const mail = (await outboxTo(ctx, person.email as string)).find((m) => m.purpose === 'event-feedback');
    expect((await outboxTo(ctx, absent.email as string)).some((m) => m.purpose === 'event-feedback')).toBe(
      false,
    );
    const token = /token=([\w-]+)/.exec(mail?.body_text ?? '')?.[1] as string;
    await submitFeedback(ctx.deps, { token, rating: 4, comment: 'Rất bổ ích cho các cháu' });
    await expect(submitFeedback(ctx.deps, { token, rating: 5, comment: '' })).rejects.toMatchObject({
      code: 'events.feedback.already',
    });
    const view = await getStaffEvent(ctx.deps, staff, id);
    expect(view.feedback).toMatchObject({ count: 1, average: 4 });
    expect(view.feedback?.comments[0]?.comment).toBe('Rất bổ ích cho các cháu');
  });
});
