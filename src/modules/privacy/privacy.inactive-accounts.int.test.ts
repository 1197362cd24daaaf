// Retention of inactive learner accounts: the last activity moves on sign-in and on recorded activity (at most
// one write a day); an account idle past the period is told first, then erased through the deletion path once
// the notice is old enough; an active one and a staff one are kept; every indicator is equal before and after.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRole } from '../access/access.grants.server.ts';
import { checkIn } from '../events/events-attendance.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { flushTicketMails } from '../events/events-ticket-mail.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { INACTIVE_ACCOUNTS } from './privacy.inactive-accounts.server.ts';
import { purgeExpiredData, retentionOverview } from './privacy.retention.server.ts';
import { allIndicators, libraryEvent, registration, whereFound } from './privacy.test-helpers.ts';

let ctx: TestContext;
const DAY = 86_400_000;
const tag = randomBytes(4).toString('hex');

beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

const lastActive = async (id: string) =>
  (await ctx.dbh.query<{ at: Date }>('SELECT last_active_at AS at FROM users WHERE id = $1', [id]))[0]!.at;
const setLastActive = (id: string, at: Date) =>
  ctx.dbh.query('UPDATE users SET last_active_at = $2 WHERE id = $1', [id, at]);

describe('inactive accounts', () => {
  it('moves the last activity on a signed-in request and on recorded activity, once a day at most', async () => {
    const person = await signUpAndSignIn(ctx, { name: `Người Hoạt Động ${tag}` });
    const now = ctx.deps.now();
    await setLastActive(person.userId, new Date(now.getTime() - 3 * DAY));
    expect((await ctx.request('/account', { headers: { cookie: person.cookie } })).status).toBe(200);
    const touched = await lastActive(person.userId);
    expect(touched.getTime()).toBeGreaterThan(now.getTime() - 60_000);
    // Within the day: no second write.
    const hourAgo = new Date(now.getTime() - 3600_000);
    await setLastActive(person.userId, hourAgo);
    await ctx.request('/account', { headers: { cookie: person.cookie } });
    expect((await lastActive(person.userId)).getTime()).toBe(hourAgo.getTime());

    // An attendance staff record (the learning record) counts as activity too.
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const self = { ...staff, userId: person.userId, email: person.email, grants: [] } as Actor;
    const { eventId, sessionId: session } = await libraryEvent(ctx, staff);
    const reg = await registerForEvent(
      ctx.deps,
      self,
      eventId,
      registration(`Người Hoạt Động ${tag}`, `inactive-${tag}-a`),
    );
    const yearAgo = new Date(now.getTime() - 400 * DAY);
    await setLastActive(person.userId, yearAgo);
    await checkIn(ctx.deps, staff, eventId, { sessionId: session, code: reg.registration.ticketCode });
    expect((await lastActive(person.userId)).getTime()).toBeGreaterThan(yearAgo.getTime() + DAY);
  });

  it('tells an idle citizen first, erases them through the deletion path a notice period later, keeps the rest', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const idleName = `Trần Văn Vắng ${tag}`;
    const idle = await signUpAndSignIn(ctx, { name: idleName });
    const active = await signUpAndSignIn(ctx, { name: `Lê Thị Thường ${tag}` });
    const idleStaff = await signUpAndSignIn(ctx, { name: `Cán Bộ Nghỉ ${tag}` });
    await grantRole(ctx.deps, admin, {
      userId: idleStaff.userId,
      role: 'unit_staff',
      unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
    });
    // The idle citizen attended an event years ago (attendance the indicators count).
    const self = { ...staff, userId: idle.userId, email: idle.email, name: idleName, grants: [] } as Actor;
    const { eventId, sessionId: session } = await libraryEvent(ctx, staff, { title: `Đọc ${tag}` });
    const reg = await registerForEvent(
      ctx.deps,
      self,
      eventId,
      registration(idleName, `inactive-${tag}-b`, { partySize: 2 }),
    );
    await checkIn(ctx.deps, staff, eventId, { sessionId: session, code: reg.registration.ticketCode });
    // Her ticket mail goes out after commit, off the request path: sent before the erasure, as it would be.
    await flushTicketMails(ctx.deps);

    const now = ctx.deps.now();
    const sixYears = new Date(now.getTime() - 6 * 365 * DAY);
    await setLastActive(idle.userId, sixYears);
    await setLastActive(idleStaff.userId, sixYears);
    await setLastActive(active.userId, new Date(now.getTime() - 10 * DAY));
    // Sessions would long have expired.
    await ctx.dbh.query('DELETE FROM sessions WHERE user_id = ANY($1)', [[idle.userId, idleStaff.userId]]);
    const outboxTo = (email: string) =>
      ctx.dbh.query<{ subject: string }>(
        `SELECT subject FROM mail_outbox WHERE to_address = $1 AND purpose = 'privacy.inactive'`,
        [email],
      );

    // First run: nobody is erased without a notice; the idle citizen is told, the staff member and the active
    // citizen are not.
    const first = await purgeExpiredData(ctx.deps);
    expect(first[INACTIVE_ACCOUNTS]).toBe(0);
    expect(await outboxTo(idle.email)).toHaveLength(1);
    expect(await outboxTo(idleStaff.email)).toHaveLength(0);
    expect(await outboxTo(active.email)).toHaveLength(0);
    // Running again the same day sends no second notice, and still erases nobody.
    expect((await purgeExpiredData(ctx.deps))[INACTIVE_ACCOUNTS]).toBe(0);
    expect(await outboxTo(idle.email)).toHaveLength(1);
    expect(await whereFound(ctx, idleName)).not.toEqual([]);

    // A notice period later (the notice is backdated): the dry run counts it, the purge erases it.
    await ctx.dbh.query(
      "UPDATE privacy_inactivity_notices SET notified_at = notified_at - interval '31 days' WHERE user_id = $1",
      [idle.userId],
    );
    const dry = await retentionOverview(ctx.deps, admin);
    expect(dry.lines.find((l) => l.category === INACTIVE_ACCOUNTS)?.due).toBe(1);
    const before = await allIndicators(ctx);
    const second = await purgeExpiredData(ctx.deps);
    expect(second[INACTIVE_ACCOUNTS]).toBe(1);
    expect(await whereFound(ctx, idleName)).toEqual([]);
    expect(await whereFound(ctx, idle.email)).toEqual([]);
    expect(await allIndicators(ctx)).toEqual(before);
    const users = await ctx.dbh.query<{ id: string; email: string }>(
      'SELECT id, email FROM users WHERE id = ANY($1) ORDER BY id',
      [[idle.userId, active.userId, idleStaff.userId]],
    );
    expect(users.find((u) => u.id === idle.userId)?.email).toMatch(/@erased\.invalid$/);
    expect(users.find((u) => u.id === active.userId)?.email).toBe(active.email);
    expect(users.find((u) => u.id === idleStaff.userId)?.email).toBe(idleStaff.email);
    // Idempotent: nothing more to erase, and the erased account is not told again.
    expect((await purgeExpiredData(ctx.deps))[INACTIVE_ACCOUNTS]).toBe(0);
  }, 180_000);

  it('keeps an account whose owner signs in after the notice', async () => {
    const person = await signUpAndSignIn(ctx, { name: `Phạm Quay Lại ${tag}` });
    const now = ctx.deps.now();
    await setLastActive(person.userId, new Date(now.getTime() - 6 * 365 * DAY));
    await purgeExpiredData(ctx.deps);
    await ctx.dbh.query(
      "UPDATE privacy_inactivity_notices SET notified_at = notified_at - interval '31 days' WHERE user_id = $1",
      [person.userId],
    );
    // The owner signs in (a signed-in request): the notice is void.
    await ctx.request('/account', { headers: { cookie: person.cookie } });
    expect((await purgeExpiredData(ctx.deps))[INACTIVE_ACCOUNTS]).toBe(0);
    const [u] = await ctx.dbh.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [
      person.userId,
    ]);
    expect(u?.email).toBe(person.email);
  });
});
