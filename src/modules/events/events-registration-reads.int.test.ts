// The reads simultaneous sign-ups share (events-registration-reads.server.ts): they answer what the reads one by
// one answer, and save statements only while a read is under way.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import { eventInput, guest, openEventsFixture } from './events.test-helpers.ts';
import { cancelEvent, createEvent, getStaffEvent } from './events.usecases.server.ts';
import { cancelRegistrationByTicket, registerForEvent } from './events-registration.usecases.server.ts';
import { registrationFacts, waitlistPlace } from './events-registration-reads.server.ts';

let ctx: TestContext;
let staff: Actor;
let libraryId: string;
let placeId: string;

beforeAll(async () => {
  ({ ctx, staff, libraryId, placeId } = await openEventsFixture());
}, 180_000);
afterAll(() => ctx?.close());

describe('waitlist places asked for together', () => {
  it('gives each registration the place the one-by-one count gives, per event and per session', async () => {
    const series = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 1 }));
    const perSession = await createEvent(
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
    const [fri, sat] = (await getStaffEvent(ctx.deps, staff, perSession)).sessions.map((s) => s.id);
    const sign = (id: string, sessionId: string | null = null) =>
      registerForEvent(ctx.deps, ANONYMOUS, id, guest({ sessionId }));
    const regs = [];
    for (const [id, session] of [
      [series, null],
      [perSession, fri],
      [series, null],
      [perSession, sat],
      [perSession, fri],
      [series, null],
      [perSession, sat],
      [perSession, fri],
    ] as const)
      regs.push((await sign(id, session ?? null)).registration);
    // The first waitlisted one of the series moves up when the confirmed one cancels: no longer waitlisted.
    await cancelRegistrationByTicket(ctx.deps, (regs[0] as { ticketCode: string }).ticketCode);
    const one = ctx.deps.repos.eventRegistrations;
    const expected = await Promise.all(regs.map((r) => one.waitlistPosition(ctx.deps.db, r)));
    const statement = vi.spyOn(ctx.deps.repos.eventRegistrationReads, 'waitlistPositions');
    const places = await Promise.all(regs.map((r) => waitlistPlace(ctx.deps, r)));
    expect(places).toEqual(expected);
    expect(places).toEqual([0, 0, 0, 0, 1, 1, 1, 2]);
    // The first asked alone; the seven that asked while it ran shared the next statement.
    expect(statement).toHaveBeenCalledTimes(2);
    statement.mockRestore();
  });
});

describe('registration facts read together', () => {
  it('reads an event once for the sign-ups asking at the same time, and anew once that read ended', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    const read = vi.spyOn(ctx.deps.repos.events, 'registrationFacts');
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => registrationFacts(ctx.deps, id)));
    expect(read).toHaveBeenCalledTimes(1);
    expect(a?.event.status).toBe('published');
    expect(b).toBe(a);
    expect(c).toBe(a);
    await cancelEvent(ctx.deps, staff, id);
    expect((await registrationFacts(ctx.deps, id))?.event.status).toBe('cancelled');
    expect(read).toHaveBeenCalledTimes(2);
    await expect(registerForEvent(ctx.deps, ANONYMOUS, id, guest())).rejects.toMatchObject({
      code: 'events.event_cancelled',
    });
    read.mockRestore();
  });
});

describe('a guest registering again with a phone number', () => {
  it('gets the registration of the same key whatever the name, and the same phone and name’s ticket', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId));
    const first = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      id,
      guest({ name: 'Lê Thị Hoa', phone: '0912 345 001' }),
    );
    const sameKey = await registerForEvent(ctx.deps, ANONYMOUS, id, {
      ...guest({ name: 'Another name', phone: '0912345001' }),
      idempotencyKey: (
        await ctx.dbh.query<{ k: string }>(
          'SELECT idempotency_key AS k FROM event_registrations WHERE id = $1',
          [first.registration.id],
        )
      )[0]?.k as string,
    });
    expect(sameKey).toMatchObject({ created: false, registration: { id: first.registration.id } });
    const sameName = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      id,
      guest({ name: 'le thi hoa', phone: '0912345001' }),
    );
    expect(sameName).toMatchObject({ created: false, registration: { id: first.registration.id } });
    // Another person of the family on the same phone registers on their own.
    const other = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      id,
      guest({ name: 'Lê Văn Nam', phone: '0912345001' }),
    );
    expect(other.created).toBe(true);
    expect(other.registration.id).not.toBe(first.registration.id);
  });
});
