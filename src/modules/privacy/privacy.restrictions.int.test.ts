import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { follow, notifyFollowers } from '../follows/follows.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { processingRestrictions } from './index.server.ts';
import { activeRestrictions, liftRestriction } from './privacy.restrictions.server.ts';
import { completeRequest, openRequests, submitRequest } from './privacy.usecases.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

async function person() {
  const u = await signUpAndSignIn(ctx);
  const base = testActor([]);
  if (base.kind !== 'user') throw new Error('test actor is a user');
  return { actor: { ...base, userId: u.userId, email: u.email } as Actor, ...u };
}

const notices = async (userId: string) =>
  (
    await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'follows.new_event'`,
      [userId],
    )
  )[0]!.n;

describe('restriction and objection', () => {
  it('an accepted objection stops marketing notices to the person until an administrator lifts it', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
    const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    const objector = await person();
    const other = await person();
    for (const p of [objector, other]) await follow(ctx.deps, p.actor, { kind: 'unit', target: libraryId });

    await submitRequest(ctx.deps, objector.actor, { kind: 'objection', details: 'Không nhận quảng bá' });
    const req = (await openRequests(ctx.deps, admin)).find((r) => r.userId === objector.userId)!;
    // Received but not yet accepted: nothing switched off.
    let restricted = await processingRestrictions.check(ctx.deps, [{ userId: objector.userId }]);
    expect(restricted({ userId: objector.userId })).toBe(false);
    await completeRequest(ctx.deps, admin, req.id, { status: 'done', note: 'Đã chấp nhận' });

    restricted = await processingRestrictions.check(ctx.deps, [
      { userId: objector.userId },
      { email: objector.email.toUpperCase() },
      { userId: other.userId },
    ]);
    expect(restricted({ userId: objector.userId })).toBe(true);
    // Known by the account's e-mail too (another module may only have the address, e.g. a library card).
    expect(restricted({ email: objector.email.toUpperCase() })).toBe(true);
    expect(restricted({ userId: other.userId })).toBe(false);
    const [active] = (await activeRestrictions(ctx.deps, admin)).filter((r) => r.requestId === req.id);
    expect(active).toMatchObject({ kind: 'objection', userId: objector.userId });
    expect(await auditCount(ctx, 'privacy.restriction.start', active!.id)).toBe(1);

    const first = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, { title: 'Tọa đàm sách' }),
    );
    await notifyFollowers(ctx.deps, first);
    expect(await notices(objector.userId)).toBe(0);
    expect(await notices(other.userId)).toBe(1);

    await expect(liftRestriction(ctx.deps, staff, active!.id)).rejects.toMatchObject({ status: 403 });
    await liftRestriction(ctx.deps, admin, active!.id);
    expect(await auditCount(ctx, 'privacy.restriction.lift', active!.id)).toBe(1);
    await expect(liftRestriction(ctx.deps, admin, active!.id)).rejects.toMatchObject({ status: 404 });
    const second = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, placeId, { title: 'Ngày hội đọc' }),
    );
    await notifyFollowers(ctx.deps, second);
    expect(await notices(objector.userId)).toBe(1);
  });

  it('a rejected restriction request switches nothing off', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const p = await person();
    await submitRequest(ctx.deps, p.actor, { kind: 'restriction', details: '' });
    const req = (await openRequests(ctx.deps, admin)).find((r) => r.userId === p.userId)!;
    await completeRequest(ctx.deps, admin, req.id, { status: 'rejected', note: 'Không đủ căn cứ' });
    const restricted = await processingRestrictions.check(ctx.deps, [{ userId: p.userId }]);
    expect(restricted({ userId: p.userId })).toBe(false);
  });
});

describe('reminders before request deadlines', () => {
  it('puts an open request on the handler’s dashboard as its deadline nears, and not on anyone else’s', async () => {
    const { requestDeadlineItems } = await import('./privacy.work.server.ts');
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const p = await person();
    await submitRequest(ctx.deps, p.actor, { kind: 'access', details: '' });
    const req = (await openRequests(ctx.deps, admin)).find((r) => r.userId === p.userId)!;
    const items = await requestDeadlineItems(ctx.deps, admin);
    expect(items).toContainEqual(
      expect.objectContaining({
        key: `privacy:${req.id}`,
        label: 'privacy.work.replyDue',
        dueDate: req.replyDue,
      }),
    );
    expect(await requestDeadlineItems(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'))).toEqual(
      [],
    );
    // After the reply deadline the completion deadline is watched; past it, the item is overdue.
    const realNow = ctx.deps.now;
    ctx.deps.now = () => new Date(`${req.completeDue}T10:00:00+07:00`);
    try {
      const later = (await requestDeadlineItems(ctx.deps, admin)).find((i) => i.key === `privacy:${req.id}`);
      expect(later).toMatchObject({
        label: 'privacy.work.completeDue',
        dueDate: req.completeDue,
        overdue: false,
      });
    } finally {
      ctx.deps.now = realNow;
    }
  });
});
