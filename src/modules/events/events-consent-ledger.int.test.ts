import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { consentLedger, contactHash } from '../privacy/index.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { eventInput, guest, insertPlace } from './events.test-helpers.ts';
import { createEvent } from './events.usecases.server.ts';
import { CONSENT_LEDGER_JOB, recordGuestConsents } from './events-consent-ledger.server.ts';
import { registerForEvent } from './events-registration.usecases.server.ts';

let ctx: TestContext;
let eventId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
  eventId = await createEvent(
    ctx.deps,
    staff,
    eventInput(await unitIdOf(ctx, 'thu-vien-tinh'), placeId, { capacity: 2 }),
  );
}, 180_000);
afterAll(() => ctx?.close());

const ledgerOf = async (contact: string) =>
  (await consentLedger.history(ctx.deps, [], [contactHash(ctx.deps, contact)])).filter(
    (e) => e.purpose === 'events.registration',
  );

describe('guest registration consents in the ledger', () => {
  it('records each guest consent once, after commit, by a queued job, with the time it was given', async () => {
    const byPhone = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      eventId,
      guest({ email: null, phone: '0912 000 131' }),
    );
    const byMail = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      eventId,
      guest({ email: 'khach131@example.vn' }),
    );
    // A waitlisted guest consented as well.
    const waiting = await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest());
    expect(waiting.registration.status).toBe('waitlisted');
    // Nothing is written to the ledger inside the registration itself.
    expect(await ledgerOf('+84912000131')).toEqual([]);
    expect(await ctx.deps.repos.eventConsents.dueCount(ctx.deps.db)).toBeGreaterThanOrEqual(3);

    expect(await recordGuestConsents(ctx.deps)).toBeGreaterThanOrEqual(3);
    const phone = await ledgerOf('+84912000131');
    expect(phone).toEqual([
      expect.objectContaining({
        action: 'given',
        subjectRef: byPhone.registration.id,
        channel: 'web',
        learnerId: null,
      }),
    ]);
    expect(phone[0]!.noticeVersion).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(await ledgerOf('khach131@example.vn')).toEqual([
      expect.objectContaining({ subjectRef: byMail.registration.id }),
    ]);

    // Idempotent: running the job again (the minute sweep, a retry) adds nothing.
    expect(await recordGuestConsents(ctx.deps)).toBe(0);
    expect(await ledgerOf('+84912000131')).toHaveLength(1);
    expect(await ctx.deps.repos.eventConsents.dueCount(ctx.deps.db)).toBe(0);
  });

  it('is a scheduled job kind the runner knows', async () => {
    const { jobHandlers, schedules } = await import('../../app/registries.server.ts');
    expect(jobHandlers[CONSENT_LEDGER_JOB]).toBeTypeOf('function');
    expect(schedules).toContainEqual({ kind: CONSENT_LEDGER_JOB, everyMinutes: 1 });
  });
});
