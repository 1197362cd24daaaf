// Registration bursts (issue 17) and family members as registrants (issue 12), on PGlite and on real
// PostgreSQL (the `postgres` project runs the same file against a real server with a connection pool, so the
// parallel requests below really do race for the seat counter's row).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import type { TestContext } from '../../test/harness.ts';
import { addFamilyMember, withdrawConsents } from '../learners/learners.consent.server.ts';
import { myProfile, updateProfile } from '../learners/learners.profiles.server.ts';
import { actorFor, phoneSignIn } from '../learners/learners.test-helpers.ts';
import { eventInput, guest, openEventsFixture, outboxTo } from './events.test-helpers.ts';
import { createEvent, getStaffEvent } from './events.usecases.server.ts';
import { checkIn } from './events-attendance.usecases.server.ts';
import { type AttendanceRecorded, attendanceHooks } from './events-attendance-hooks.server.ts';
import {
  cancelRegistrationByToken,
  getTicket,
  registerForEvent,
} from './events-registration.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let libraryId: string;
let placeId: string;
let year: number;
beforeAll(async () => {
  ({ ctx, staff, libraryId, placeId } = await openEventsFixture());
  year = yearInVietnam(ctx.deps.now());
}, 180_000);
afterAll(() => ctx.close());

const future = () => ({ firstDate: `${year + 1}-06-01`, startTime: '08:00', endTime: '10:00', weekly: null });

async function seats(eventId: string) {
  const rows = await ctx.dbh.query<{ status: string; n: number; people: number }>(
    `SELECT status, count(*)::int AS n, coalesce(sum(party_size), 0)::int AS people
     FROM event_registrations WHERE event_id = $1 GROUP BY status`,
    [eventId],
  );
  const of = (s: string) => rows.find((r) => r.status === s) ?? { n: 0, people: 0 };
  return { confirmed: of('confirmed'), waitlisted: of('waitlisted') };
}

describe('a burst of registrations', () => {
  it('never oversells a session whatever the party sizes, and the counter equals the confirmed people', async () => {
    const id = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, {
        capacity: 25,
        registrationMode: 'session',
        schedule: { ...future(), weekly: { weekdays: [1], until: `${year + 1}-06-30`, exceptions: [] } },
      }),
    );
    const { sessions } = await getStaffEvent(ctx.deps, staff, id);
    const sessionId = sessions[0]?.id as string;
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        registerForEvent(
          ctx.deps,
          ANONYMOUS,
          id,
          guest({ sessionId, partySize: 1 + (i % 3), email: null, phone: '0912345678' }),
        ),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
    const s = await seats(id);
    expect(s.confirmed.n + s.waitlisted.n).toBe(300);
    expect(s.confirmed.people).toBeLessThanOrEqual(25);
    // Full to the last seat a party of one or two could still take.
    expect(s.confirmed.people).toBeGreaterThanOrEqual(23);
    const [row] = await ctx.dbh.query<{ confirmed_seats: number }>(
      'SELECT confirmed_seats FROM event_sessions WHERE id = $1',
      [sessionId],
    );
    expect(row?.confirmed_seats).toBe(s.confirmed.people);
    // The other sessions' seats are untouched.
    const others = await ctx.dbh.query<{ n: number }>(
      'SELECT coalesce(sum(confirmed_seats), 0)::int AS n FROM event_sessions WHERE event_id = $1 AND id <> $2',
      [id, sessionId],
    );
    expect(others[0]?.n).toBe(0);
  }, 120_000);

  it('makes one registration of 40 copies of one form sent at once (same idempotency key)', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 5 }));
    const form = guest();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => registerForEvent(ctx.deps, ANONYMOUS, id, form)),
    );
    expect(new Set(results.map((r) => r.registration.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await seats(id)).toMatchObject({ confirmed: { n: 1, people: 1 }, waitlisted: { n: 0 } });
    expect(await outboxTo(ctx, form.email as string)).toHaveLength(1);
  }, 60_000);

  it('holds a signed-in citizen to one registration however many tabs submit at once', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 3 }));
    const { actor } = await adult();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => registerForEvent(ctx.deps, actor, id, guest({ email: null }))),
    );
    expect(new Set(results.map((r) => r.registration.id)).size).toBe(1);
    expect(await seats(id)).toMatchObject({ confirmed: { n: 1, people: 1 } });
  }, 60_000);

  it('mails every ticket once after the burst, each with a working cancellation link', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 10 }));
    const forms = Array.from({ length: 60 }, () => guest());
    const results = await Promise.all(forms.map((f) => registerForEvent(ctx.deps, ANONYMOUS, id, f)));
    expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(10);
    for (const f of forms) expect(await outboxTo(ctx, f.email as string)).toHaveLength(1);
    const firstConfirmed = forms[results.findIndex((r) => r.registration.status === 'confirmed')];
    const mail = (await outboxTo(ctx, firstConfirmed?.email as string))[0];
    expect(mail?.body_html).toContain('data:image/png;base64,');
    const token = /token=([\w-]+)/.exec(mail?.body_text ?? '')?.[1] as string;
    const out = await cancelRegistrationByToken(ctx.deps, token);
    expect(out.registration.status).toBe('cancelled');
    // The seat went to the first person waiting.
    expect(out.promotions).toHaveLength(1);
    expect(await seats(id)).toMatchObject({ confirmed: { n: 10 }, waitlisted: { n: 49 } });
  }, 60_000);
});

async function adult() {
  const s = await phoneSignIn(ctx);
  const actor = await actorFor(ctx, s.cookie);
  const self = await myProfile(ctx.deps, actor, s.userId);
  await updateProfile(ctx.deps, actor, s.userId, { displayName: 'Mẹ Lan', birthYear: 1985 }, self.version);
  return { ...s, actor };
}

describe('registering a family member', () => {
  it('registers a child the account manages under the child’s name, once, and credits the child at check-in', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { schedule: future() }));
    const p = await adult();
    const kid = await addFamilyMember(ctx.deps, p.actor, {
      displayName: 'Bé Na',
      birthYear: year - 5,
      relation: 'child',
      guardianConsent: true,
    });
    const forKid = await registerForEvent(ctx.deps, p.actor, id, guest({ learnerId: kid, name: undefined }));
    expect(forKid.registration).toMatchObject({ learnerId: kid, userId: p.userId, name: 'Bé Na' });
    const again = await registerForEvent(ctx.deps, p.actor, id, guest({ learnerId: kid }));
    expect(again).toMatchObject({ created: false, registration: { id: forKid.registration.id } });
    // The parent is another learner: a registration of their own.
    const self = await registerForEvent(ctx.deps, p.actor, id, guest({ name: undefined }));
    expect(self.created).toBe(true);
    expect(self.registration.learnerId).toBe(p.userId);

    const seen: AttendanceRecorded[] = [];
    const stop = attendanceHooks.subscribe(async (_deps, _tx, a) => {
      seen.push(a);
    });
    try {
      const ticket = await getTicket(ctx.deps, forKid.registration.ticketCode);
      await checkIn(ctx.deps, staff, id, {
        sessionId: ticket.sessions[0]?.id as string,
        code: forKid.registration.ticketCode,
      });
    } finally {
      stop();
    }
    expect(seen.map((a) => a.learnerId)).toEqual([kid]);
    // The learning record store (subscribed in the app) wrote the statement for the child, not the parent.
    const statements = await ctx.dbh.query<{ learner_id: string }>(
      `SELECT learner_id FROM lrs_statements WHERE learner_id IN ($1, $2)`,
      [kid, p.userId],
    );
    expect(statements.map((s) => s.learner_id)).toEqual([kid]);
  }, 60_000);

  it('refuses someone the account does not manage, a guest naming a learner, and a child whose consent was withdrawn', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { schedule: future() }));
    const p = await adult();
    const other = await adult();
    const kid = await addFamilyMember(ctx.deps, p.actor, {
      displayName: 'Bé Bi',
      birthYear: year - 5,
      relation: 'child',
      guardianConsent: true,
    });
    await expect(
      registerForEvent(ctx.deps, other.actor, id, guest({ learnerId: kid })),
    ).rejects.toMatchObject({ status: 403, messageKey: 'events.error.notFamilyMember' });
    await expect(registerForEvent(ctx.deps, ANONYMOUS, id, guest({ learnerId: kid }))).rejects.toMatchObject({
      status: 403,
    });
    await withdrawConsents(ctx.deps, p.actor, kid);
    await expect(registerForEvent(ctx.deps, p.actor, id, guest({ learnerId: kid }))).rejects.toMatchObject({
      status: 422,
      messageKey: 'learners.block.guardianConsentMissing',
    });
    expect((await seats(id)).confirmed.n).toBe(0);
  }, 60_000);
});
