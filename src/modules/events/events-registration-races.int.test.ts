// Interleavings the registration hot path must survive, made deterministic by running the other party's step
// exactly between two steps of ours: an erasure between the ticket-mail drain's claim and its outbox write (or
// the drain's write between two handlers of one erasure), and
// an event cancelled, closed or filled between the shared facts read and the seat statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import type { TestContext } from '../../test/harness.ts';
import { eventInput, guest, openEventsFixture } from './events.test-helpers.ts';
import type { EventsDeps } from './events.usecases.server.ts';
import { cancelEvent, createEvent, getStaffEvent } from './events.usecases.server.ts';
import { registerForEvent } from './events-registration.usecases.server.ts';
import { seatBatching } from './events-registration-batch.server.ts';
import { registrationFacts } from './events-registration-reads.server.ts';
import type { RegistrationValues } from './events-registrations.repository.server.ts';
import { deliverTicketMails, flushTicketMails } from './events-ticket-mail.server.ts';

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

const newEvent = (over: Parameters<typeof eventInput>[2] = {}) =>
  createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { schedule: future(), ...over }));

async function outcome(eventId: string) {
  const rows = await ctx.dbh.query<{ status: string }>(
    'SELECT status FROM event_registrations WHERE event_id = $1',
    [eventId],
  );
  const [seats] = await ctx.dbh.query<{ n: number }>(
    'SELECT confirmed_seats AS n FROM events WHERE id = $1',
    [eventId],
  );
  return {
    confirmed: rows.filter((r) => r.status === 'confirmed').length,
    all: rows.length,
    seats: seats?.n,
  };
}

describe('an erasure while the ticket-mail drain holds a claimed mail', () => {
  it('leaves no mail to the erased person in the outbox', async () => {
    const eventId = await newEvent();
    const me = guest({ name: 'Trần Thị Xoá' });
    const email = me.email as string;
    await registerForEvent(ctx.deps, ANONYMOUS, eventId, me);
    const { erasePersonalData } = await import('../privacy/privacy.usecases.server.ts');
    // The drain claims the mail (the name and address now in its memory); the erasure runs to its commit
    // before the drain writes the mail.
    const regs = ctx.deps.repos.eventRegistrations;
    let erased = 0;
    const drainDeps: EventsDeps = {
      ...ctx.deps,
      repos: {
        ...ctx.deps.repos,
        eventRegistrations: {
          ...regs,
          async claimTicketMail(tx, hash) {
            const claimed = await regs.claimTicketMail(tx, hash);
            if (claimed?.email === email) {
              await erasePersonalData(ctx.deps, {
                userId: null,
                learnerIds: [],
                emails: [email],
                phones: [],
              });
              erased++;
            }
            return claimed;
          },
        },
      },
    };
    expect(await deliverTicketMails(drainDeps, 1000, false)).toBeGreaterThan(0);
    expect(erased).toBe(1);
    const kept = await ctx.dbh.query<{ to_address: string }>(
      `SELECT to_address FROM mail_outbox WHERE lower(to_address) = $1 OR body_text LIKE '%Trần Thị Xoá%'`,
      [email],
    );
    expect(kept).toEqual([]);
  });

  it('leaves no mail when the drain writes between the mail handler and the events handler', async ({
    skip,
  }) => {
    // PGlite runs one transaction at a time: the drain cannot write inside an erasure there.
    if (ctx.dbh.kind !== 'postgres') skip();
    const eventId = await newEvent();
    const me = guest({ name: 'Lê Văn Giữa' });
    const email = me.email as string;
    await registerForEvent(ctx.deps, ANONYMOUS, eventId, me);
    const { erasePersonalData } = await import('../privacy/privacy.usecases.server.ts');
    const { mailPersonalData } = await import('../mail/mail.personal-data.repository.server.ts');
    // The erasure's mail handler runs first (as in the module list) and then waits until the drain has written
    // and committed its mail; only then do the events handler and the commit follow.
    let mailDeleted!: () => void;
    const afterMailHandler = new Promise<void>((r) => {
      mailDeleted = r;
    });
    let release!: () => void;
    const drainDone = new Promise<void>((r) => {
      release = r;
    });
    const eraseMail = mailPersonalData.erase;
    let erasure: Promise<void> | null = null;
    mailPersonalData.erase = async (deps, db, s) => {
      await eraseMail(deps, db, s);
      if (s.emails.includes(email)) {
        mailDeleted();
        await drainDone;
      }
    };
    const regs = ctx.deps.repos.eventRegistrations;
    const drainDeps: EventsDeps = {
      ...ctx.deps,
      repos: {
        ...ctx.deps.repos,
        eventRegistrations: {
          ...regs,
          async claimTicketMail(tx, hash) {
            const claimed = await regs.claimTicketMail(tx, hash);
            if (claimed?.email === email) {
              erasure = erasePersonalData(ctx.deps, {
                userId: null,
                learnerIds: [],
                emails: [email],
                phones: [],
              });
              await afterMailHandler;
            }
            return claimed;
          },
        },
      },
    };
    try {
      expect(await deliverTicketMails(drainDeps, 1000, false)).toBeGreaterThan(0);
      // The drain's mail is committed while the erasure is still open.
      const written = await ctx.dbh.query('SELECT 1 FROM mail_outbox WHERE to_address = $1', [email]);
      expect(written).toHaveLength(1);
    } finally {
      release();
      await erasure;
      mailPersonalData.erase = eraseMail;
    }
    expect(erasure).not.toBeNull();
    const kept = await ctx.dbh.query<{ to_address: string }>(
      `SELECT to_address FROM mail_outbox WHERE lower(to_address) = $1 OR body_text LIKE '%Lê Văn Giữa%'`,
      [email],
    );
    expect(kept).toEqual([]);
  });

  it('still keeps the mail of a registration nobody erased', async () => {
    const eventId = await newEvent();
    const me = guest();
    await registerForEvent(ctx.deps, ANONYMOUS, eventId, me);
    await flushTicketMails(ctx.deps);
    const kept = await ctx.dbh.query<{ purpose: string }>(
      'SELECT purpose FROM mail_outbox WHERE to_address = $1',
      [me.email],
    );
    expect(kept).toEqual([{ purpose: 'event-registration' }]);
  });
});

describe('the event changes between the shared facts read and the seat statement', () => {
  it('cancelled: the seat statement gives no seat and writes nothing', async () => {
    const eventId = await newEvent({ capacity: 10 });
    const facts = await registrationFacts(ctx.deps, eventId);
    expect(facts?.event.status).toBe('published');
    await cancelEvent(ctx.deps, staff, eventId);
    // The sign-up carries the facts read before the cancellation (as one that joined that read would).
    await expect(
      registerForEvent(ctx.deps, ANONYMOUS, eventId, guest(), 'vi', facts ?? undefined),
    ).rejects.toMatchObject({ code: 'events.event_cancelled' });
    expect(await outcome(eventId)).toEqual({ confirmed: 0, all: 0, seats: 0 });
  });

  it('closed: registration closed after the read gives no seat', async () => {
    const eventId = await newEvent({ capacity: 10 });
    const facts = await registrationFacts(ctx.deps, eventId);
    await ctx.dbh.query(
      `UPDATE events SET registration_closes_at = now() - interval '1 minute' WHERE id = $1`,
      [eventId],
    );
    await expect(
      registerForEvent(ctx.deps, ANONYMOUS, eventId, guest(), 'vi', facts ?? undefined),
    ).rejects.toMatchObject({ code: 'events.closed' });
    expect(await outcome(eventId)).toEqual({ confirmed: 0, all: 0, seats: 0 });
  });

  it('a cancelled session (per-session seats) gives no seat', async () => {
    const eventId = await newEvent({
      capacity: 10,
      registrationMode: 'session',
      schedule: { ...future(), weekly: { weekdays: [1], until: `${year + 1}-06-30`, exceptions: [] } },
    });
    const { sessions } = await getStaffEvent(ctx.deps, staff, eventId);
    const sessionId = sessions[0]?.id as string;
    const facts = await registrationFacts(ctx.deps, eventId);
    await ctx.dbh.query('UPDATE event_sessions SET cancelled = true WHERE id = $1', [sessionId]);
    await expect(
      registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ sessionId }), 'vi', facts ?? undefined),
    ).rejects.toMatchObject({ code: 'events.session_not_found' });
    const [seats] = await ctx.dbh.query<{ n: number }>(
      'SELECT confirmed_seats AS n FROM event_sessions WHERE id = $1',
      [sessionId],
    );
    expect(seats?.n).toBe(0);
    expect((await outcome(eventId)).all).toBe(0);
  });

  it('full: the last seat taken after the read puts the sign-up on the waitlist', async () => {
    const eventId = await newEvent({ capacity: 1 });
    const facts = await registrationFacts(ctx.deps, eventId);
    expect(facts?.event.confirmedSeats).toBe(0);
    const first = await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest());
    expect(first.registration.status).toBe('confirmed');
    const late = await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest(), 'vi', facts ?? undefined);
    expect(late.registration.status).toBe('waitlisted');
    expect(late.waitlistPosition).toBe(1);
    expect(await outcome(eventId)).toEqual({ confirmed: 1, all: 2, seats: 1 });
  });

  it('the seat statement itself (one sign-up or a group) refuses a cancelled event', async () => {
    const eventId = await newEvent({ capacity: 10 });
    await cancelEvent(ctx.deps, staff, eventId);
    const values = (key: string): RegistrationValues => ({
      eventId,
      sessionId: null,
      userId: null,
      learnerId: null,
      name: 'Khách muộn',
      phone: null,
      email: 'khach-muon@example.vn',
      partySize: 1,
      status: 'waitlisted',
      ticketCode: `ZZZZ-${key}`,
      cancelTokenHash: 'x'.repeat(64),
      feedbackTokenHash: 'y'.repeat(64),
      idempotencyKey: key,
      consentText: null,
      consentAt: null,
      mailLocale: null,
      at: ctx.deps.now(),
    });
    const regs = ctx.deps.repos;
    expect(await regs.eventRegistrations.register(ctx.deps.db, values('race-1'))).toBeNull();
    // The grouped statement likewise.
    expect(
      await regs.eventRegistrationBatch.registerMany(ctx.deps.db, [values('race-2'), values('race-3')]),
    ).toEqual([null, null]);
    expect(await outcome(eventId)).toEqual({ confirmed: 0, all: 0, seats: 0 });
  });
});

describe('sign-ups for one series event grouped into one seat statement', () => {
  it('never oversells, keeps arrival order, and answers each sign-up with its own registration', async () => {
    expect(seatBatching.enabled).toBe(true);
    const eventId = await newEvent({ capacity: 25 });
    const batch = ctx.deps.repos.eventRegistrationBatch;
    const groups: number[] = [];
    const deps: EventsDeps = {
      ...ctx.deps,
      repos: {
        ...ctx.deps.repos,
        eventRegistrationBatch: {
          registerMany: (db, vs) => {
            groups.push(vs.length);
            return batch.registerMany(db, vs);
          },
        },
      },
    };
    const forms = Array.from({ length: 60 }, (_, i) => guest({ partySize: 1 + (i % 3) }));
    // Two copies of one form in the burst: one registration, both answered with it.
    const twice = forms[7] as (typeof forms)[number];
    const answers = await Promise.all(
      [...forms, twice].map((f) => registerForEvent(deps, ANONYMOUS, eventId, f)),
    );
    expect(groups.length).toBeGreaterThan(0);
    expect(answers.slice(0, 60).map((a) => a.registration.name)).toEqual(forms.map((f) => f.name));
    expect(answers[60]?.registration.id).toBe(answers[7]?.registration.id);
    const rows = await ctx.dbh.query<{ status: string; party: number; arrival: string }>(
      'SELECT status, party_size AS party, arrival FROM event_registrations WHERE event_id = $1 ORDER BY arrival',
      [eventId],
    );
    expect(rows).toHaveLength(60);
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const people = confirmed.reduce((n, r) => n + r.party, 0);
    expect(people).toBeLessThanOrEqual(25);
    expect((await outcome(eventId)).seats).toBe(people);
    // Nobody confirmed after someone earlier was waitlisted, and the seats left are fewer than the first
    // waiting party.
    const firstWaiting = rows.findIndex((r) => r.status === 'waitlisted');
    expect(rows.slice(firstWaiting).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(25 - people).toBeLessThan(rows[firstWaiting]?.party ?? 0);
    const places = answers.slice(0, 60).flatMap((a) => (a.waitlistPosition ? [a.waitlistPosition] : []));
    expect(new Set(places).size).toBe(rows.length - confirmed.length);
  });
});
