import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { createUserWithPassword } from '../auth/auth.users.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { seedDemoEvents } from './events.seed.server.ts';
import { eventInput, guest, insertPlace, outboxTo } from './events.test-helpers.ts';
import {
  cancelEvent,
  createEvent,
  getStaffEvent,
  listPublicSessions,
  nearbyAlternatives,
  updateEvent,
} from './events.usecases.server.ts';
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
  ctx = await createTestContext();
  realNow = ctx.deps.now;
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  otherStaff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
    lat: 12.2388,
    lng: 109.1967,
  });
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

describe('event management', () => {
  it('creates a weekly class series with skipped days, audited, for the staff member’s unit only', async () => {
    const id = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, {
        title: 'Lớp kỹ năng số cho người cao tuổi',
        category: 'digital_skills',
        registrationMode: 'series',
        schedule: {
          firstDate: '2027-03-02',
          startTime: '19:00',
          endTime: '20:30',
          weekly: { weekdays: [2, 4], until: '2027-03-25', exceptions: ['2027-03-11'] },
        },
      }),
    );
    const view = await getStaffEvent(ctx.deps, staff, id);
    expect(view.sessions.map((s) => s.startsAt.toISOString().slice(0, 10))).toEqual([
      '2027-03-02',
      '2027-03-04',
      '2027-03-09',
      '2027-03-16',
      '2027-03-18',
      '2027-03-23',
      '2027-03-25',
    ]);
    expect(view.sessions[0]?.startsAt.toISOString()).toBe('2027-03-02T12:00:00.000Z');
    expect(await auditCount(ctx, 'events.event.create', id)).toBe(1);
    await expect(createEvent(ctx.deps, otherStaff, eventInput(libraryId, placeId))).rejects.toMatchObject({
      status: 403,
    });
    await expect(createEvent(ctx.deps, ANONYMOUS, eventInput(libraryId, placeId))).rejects.toMatchObject({
      status: 401,
    });
  });

  it('refuses to reduce capacity below the confirmed seats, and promotes the waitlist when it grows', async () => {
    const input = eventInput(libraryId, placeId, { capacity: 3 });
    const id = await createEvent(ctx.deps, staff, input);
    await registerForEvent(ctx.deps, ANONYMOUS, id, guest({ partySize: 2 }));
    await registerForEvent(ctx.deps, ANONYMOUS, id, guest());
    const waiting = await registerForEvent(ctx.deps, ANONYMOUS, id, guest());
    expect(waiting.registration.status).toBe('waitlisted');
    await expect(
      updateEvent(ctx.deps, staff, id, { ...input, capacity: 2, version: 1 }),
    ).rejects.toMatchObject({
      code: 'events.capacity_below_confirmed',
      status: 409,
      params: { confirmed: 3 },
    });
    await updateEvent(ctx.deps, staff, id, { ...input, capacity: 4, version: 1 });
    const ticket = await getTicket(ctx.deps, waiting.registration.ticketCode);
    expect(ticket.registration.status).toBe('confirmed');
  });

  it('cancels a whole event: registration stops and registrants are told by mail', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    const person = guest();
    await registerForEvent(ctx.deps, ANONYMOUS, id, person);
    await expect(cancelEvent(ctx.deps, otherStaff, id)).rejects.toMatchObject({ status: 403 });
    await cancelEvent(ctx.deps, staff, id);
    expect((await outboxTo(ctx, person.email as string)).map((m) => m.purpose)).toContain('event-cancelled');
    await expect(registerForEvent(ctx.deps, ANONYMOUS, id, guest())).rejects.toMatchObject({
      code: 'events.event_cancelled',
    });
    expect(await auditCount(ctx, 'events.event.cancel', id)).toBe(1);
  });

  it('keeps the schedule once people have registered', async () => {
    const input = eventInput(libraryId, placeId);
    const id = await createEvent(ctx.deps, staff, input);
    await registerForEvent(ctx.deps, ANONYMOUS, id, guest());
    const moved = { ...input, schedule: { ...input.schedule, startTime: '09:00' } };
    await expect(updateEvent(ctx.deps, staff, id, { ...moved, version: 1 })).rejects.toMatchObject({
      code: 'events.schedule_locked',
    });
  });
});

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

describe('one calendar across venues', () => {
  it('offers the same kind of event with free seats at other venues, nearest first', async () => {
    const full = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 1 }));
    await registerForEvent(ctx.deps, ANONYMOUS, full, guest());
    const near = await insertPlace(ctx, 'thu-vien-tinh', 'Nhà văn hóa Vĩnh Hải', { lat: 12.28, lng: 109.19 });
    const far = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện Cam Ranh', { lat: 11.92, lng: 109.15 });
    const farId = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, far, { title: 'Đọc sách ở Cam Ranh' }),
    );
    const nearId = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, near, { title: 'Đọc sách ở Vĩnh Hải' }),
    );
    await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, near, { title: 'Di sản', category: 'heritage' }),
    );
    const event = (await getStaffEvent(ctx.deps, staff, full)).event;
    const alternatives = await nearbyAlternatives(ctx.deps, event, 10);
    const ids = alternatives.map((a) => a.session.event.id);
    expect(ids.indexOf(nearId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(nearId)).toBeLessThan(ids.indexOf(farId));
    expect(alternatives.every((a) => a.session.event.category === 'reading')).toBe(true);
    expect(alternatives[0]?.distanceKm).toBeLessThan(10);
  });
});

describe('demo data', () => {
  it('seeds about twenty events around the commemorative days, incl. 21/4 and the Lifelong-Learning Week', async () => {
    expect(await seedDemoEvents(ctx.deps)).toBeGreaterThanOrEqual(20);
    const april21 = await listPublicSessions(ctx.deps, { day: '2027-04-21' });
    expect(new Set(april21.map((s) => s.event.unitName)).size).toBeGreaterThanOrEqual(3);
    const week = await listPublicSessions(ctx.deps, { from: '2027-10-01', to: '2027-10-07' });
    expect(week.length).toBeGreaterThanOrEqual(7);
    const night = await listPublicSessions(ctx.deps, { day: '2027-05-18', category: 'heritage' });
    expect(night[0]?.endsAt.toISOString()).toBe('2027-05-18T17:30:00.000Z');
  });
});

describe('exactly-once seats under load', () => {
  it('confirms exactly 100 of 1,000 simultaneous registrations and waitlists 900', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 100 }));
    const inputs = Array.from({ length: 1000 }, () => guest({ email: null, phone: '0912345678' }));
    const results = await Promise.all(inputs.map((i) => registerForEvent(ctx.deps, ANONYMOUS, id, i)));
    const confirmed = results.filter((r) => r.registration.status === 'confirmed').length;
    expect(confirmed).toBe(100);
    expect(results.length - confirmed).toBe(900);
    const counts = await ctx.deps.repos.eventRegistrations.counts(ctx.deps.db, id);
    expect(counts).toMatchObject({ confirmed: 100, waitlisted: 900 });
    const event = await ctx.deps.repos.events.byId(ctx.deps.db, id);
    expect(event?.confirmedSeats).toBe(100);
    const positions = results.map((r) => r.waitlistPosition).filter((p) => p !== null);
    expect(new Set(positions).size).toBe(900);
  }, 120_000);
});
