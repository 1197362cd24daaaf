import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount } from '../units/units.test-helpers.ts';
import { authorityDeadline, listBreaches, saveBreach } from './privacy.breaches.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

describe('breach register', () => {
  it('shows the 72-hour authority deadline from discovery: pending, overdue, on time, late', () => {
    const discoveredAt = new Date('2026-02-10T08:00:00+07:00');
    const due = new Date('2026-02-13T08:00:00+07:00');
    expect(
      authorityDeadline({ discoveredAt, authorityNotifiedAt: null }, new Date('2026-02-12T08:00:00+07:00')),
    ).toEqual({ due, state: 'pending' });
    expect(
      authorityDeadline({ discoveredAt, authorityNotifiedAt: null }, new Date('2026-02-13T08:00:01+07:00'))
        .state,
    ).toBe('overdue');
    expect(authorityDeadline({ discoveredAt, authorityNotifiedAt: due }, new Date()).state).toBe('onTime');
    expect(
      authorityDeadline({ discoveredAt, authorityNotifiedAt: new Date(due.getTime() + 1000) }, new Date())
        .state,
    ).toBe('late');
  });

  it('administrators record and update incidents (audited); others may not; bad input is a 422', async () => {
    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const id = await saveBreach(ctx.deps, admin, null, {
      title: 'Gửi nhầm danh sách đăng ký sự kiện',
      discoveredAt: '2026-03-01T09:00:00+07:00',
      dataAffected: 'Họ tên, số điện thoại',
      peopleAffected: 42,
    });
    expect(await auditCount(ctx, 'privacy.breach.create', id)).toBe(1);
    const [b] = (await listBreaches(ctx.deps, admin)).filter((x) => x.id === id);
    expect(b).toMatchObject({ peopleAffected: 42, status: 'open', authorityNotifiedAt: null });
    await saveBreach(ctx.deps, admin, id, {
      title: b!.title,
      discoveredAt: b!.discoveredAt.toISOString(),
      authorityNotifiedAt: '2026-03-02T10:00:00+07:00',
      status: 'closed',
    });
    expect(await auditCount(ctx, 'privacy.breach.update', id)).toBe(1);
    await expect(
      saveBreach(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'), null, {
        title: 'x y',
        discoveredAt: '2026-03-01T09:00:00+07:00',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      saveBreach(ctx.deps, admin, null, { title: 'Sự cố', discoveredAt: 'hôm qua' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      saveBreach(ctx.deps, admin, 'brc_nope', { title: 'Sự cố', discoveredAt: '2026-03-01T09:00:00+07:00' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
