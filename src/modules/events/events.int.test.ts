// Event management, one calendar across venues, the demo events and exactly-once seats under load. Registration,
// sessions and check-in are in events.registration.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import { auditCount } from '../units/units.test-helpers.ts';
import { seedDemoEvents } from './events.seed.server.ts';
import { eventInput, guest, insertPlace, openEventsFixture, outboxTo } from './events.test-helpers.ts';
import {
  cancelEvent,
  createEvent,
  getStaffEvent,
  listPublicSessions,
  nearbyAlternatives,
  updateEvent,
} from './events.usecases.server.ts';
import { getTicket, registerForEvent } from './events-registration.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let otherStaff: Actor;
let libraryId: string;
let placeId: string;

beforeAll(async () => {
  ({ ctx, staff, otherStaff, libraryId, placeId } = await openEventsFixture());
}, 180_000); // a loaded CI machine needs more than the default hook timeout
afterAll(() => ctx.close());

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
