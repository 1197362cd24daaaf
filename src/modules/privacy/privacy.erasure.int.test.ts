// Erasure keeps the numbers true: after a deletion request is carried out, no table and no stored file holds
// the person's name, phone or e-mail, and the attendance the indicators count is the same as before.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { awardManually, createAchievement } from '../credentials/credentials.usecases.server.ts';
import { checkIn } from '../events/events-attendance.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { flushTicketMails } from '../events/events-ticket-mail.server.ts';
import { attendancePort } from '../events/index.server.ts';
import { follow } from '../follows/follows.usecases.server.ts';
import { actorOn } from '../units/units.test-helpers.ts';
import { allIndicators, libraryEvent, registration, whereFound } from './privacy.test-helpers.ts';
import {
  completeRequest,
  erasePersonalData,
  exportPersonalData,
  exportToCsv,
  subjectOf,
  submitRequest,
} from './privacy.usecases.server.ts';

let ctx: TestContext;
let staff: Actor;
let admin: Actor;

const tag = randomBytes(4).toString('hex');
const NAME = `Hoàng Thị Xoá ${tag}`;
const PHONE_NATIONAL = `09${String(Number.parseInt(tag, 16) % 100_000_000).padStart(8, '0')}`;
const PHONE_E164 = `+84${PHONE_NATIONAL.slice(1)}`;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  admin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
}, 180_000);
afterAll(() => ctx?.close());

async function attendanceNumbers(eventId: string) {
  const [row] = await ctx.dbh.query<{ n: number; people: number; regs: number }>(
    `SELECT (SELECT count(*)::int FROM event_attendance WHERE event_id = $1) AS n,
            (SELECT coalesce(sum(party_size), 0)::int FROM event_attendance WHERE event_id = $1) AS people,
            (SELECT count(*)::int FROM event_registrations WHERE event_id = $1 AND status = 'confirmed') AS regs`,
    [eventId],
  );
  return row;
}

describe('a deletion request', () => {
  it('leaves no trace of the name, phone or e-mail anywhere, and the attendance numbers unchanged', async () => {
    const person = await signUpAndSignIn(ctx, { name: NAME });
    // The person as a signed-in citizen (no grants).
    const self = {
      ...(await actorOn(ctx, 'unit_staff')),
      userId: person.userId,
      email: person.email,
      name: NAME,
    } as Actor;
    const { unitId: libraryId, input, eventId, sessionId: session } = await libraryEvent(ctx, staff);
    // Signed in, with a phone; and once more as a guest with the same name and phone (before the account).
    const mine = await registerForEvent(
      ctx.deps,
      self,
      eventId,
      registration(NAME, `erase-${tag}-1`, { phone: PHONE_NATIONAL, partySize: 2 }),
    );
    const asGuest = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      eventId,
      registration(NAME, `erase-${tag}-2`, { phone: PHONE_NATIONAL }),
    );
    const other = await registerForEvent(
      ctx.deps,
      ANONYMOUS,
      eventId,
      registration('Người khác', `erase-${tag}-3`, { email: `khac-${tag}@example.vn`, partySize: 3 }),
    );
    for (const r of [mine, asGuest, other]) {
      await checkIn(ctx.deps, staff, eventId, { sessionId: session, code: r.registration.ticketCode });
    }
    // Ticket mails go out after commit, off the request path: sent before the erasure, as they would be.
    await flushTicketMails(ctx.deps);
    await follow(ctx.deps, self, { kind: 'unit', target: libraryId });
    const achievementId = await createAchievement(ctx.deps, staff, {
      unitId: libraryId,
      nameVi: 'Bạn đọc',
      criteriaVi: 'Đọc sách',
      imageAlt: 'Huy hiệu',
    });
    await awardManually(ctx.deps, staff, {
      achievementId,
      recipientEmail: person.email,
      reason: 'Đọc nhiều',
    });

    const subject = { ...(await subjectOf(ctx.deps, self)), phones: [PHONE_E164] };
    const exported = await exportPersonalData(ctx.deps, subject);
    expect(exported.events?.event_registrations).toHaveLength(2);
    expect(exported.auth?.users).toEqual([expect.objectContaining({ name: NAME, email: person.email })]);
    expect(exported.credentials?.credential_awards).toHaveLength(1);
    const csv = exportToCsv(exported);
    expect(csv).toContain('# events,event_registrations');
    expect(csv).toContain(NAME);

    expect(await whereFound(ctx, NAME, { files: true })).not.toEqual([]);
    expect(await whereFound(ctx, person.email, { files: true })).not.toEqual([]);
    expect(await whereFound(ctx, PHONE_NATIONAL, { files: true })).not.toEqual([]);
    const before = await attendanceNumbers(eventId);
    const indicatorsBefore = await allIndicators(ctx);
    const yearOf = new Date(`${input.schedule.firstDate}T00:00:00Z`);
    const countBefore = await attendancePort.attendeesByCategory(ctx.deps, ctx.deps.db, {
      category: 'reading',
      from: new Date(0),
      to: new Date(yearOf.getTime() + 400 * 86_400_000),
      min: 1,
    });

    const request = await submitRequest(ctx.deps, self, { kind: 'deletion', details: '' });
    await completeRequest(ctx.deps, admin, request.id, { status: 'done', note: '' });
    // The guest registration is found by the phone the person verified (the guest form path).
    await erasePersonalData(ctx.deps, { userId: null, learnerIds: [], emails: [], phones: [PHONE_E164] });

    expect(await whereFound(ctx, NAME, { files: true })).toEqual([]);
    expect(await whereFound(ctx, person.email, { files: true })).toEqual([]);
    expect(await whereFound(ctx, PHONE_NATIONAL, { files: true })).toEqual([]);
    expect(await whereFound(ctx, PHONE_E164, { files: true })).toEqual([]);
    expect(await attendanceNumbers(eventId)).toEqual(before);
    // Every indicator every module contributes is equal too.
    expect(await allIndicators(ctx)).toEqual(indicatorsBefore);
    expect(before).toEqual({ n: 3, people: 6, regs: 3 });
    const countAfter = await attendancePort.attendeesByCategory(ctx.deps, ctx.deps.db, {
      category: 'reading',
      from: new Date(0),
      to: new Date(yearOf.getTime() + 400 * 86_400_000),
      min: 1,
    });
    // Signed-in attendance per person is gone with the person; the anonymous totals above are unchanged.
    expect(countAfter.length).toBe(countBefore.length - 1);
    expect(await whereFound(ctx, 'khac-', { files: true })).not.toEqual([]);
  }, 180_000);
});
