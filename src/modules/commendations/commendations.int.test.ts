// Commendations on a real database: a unit nominates (audited, versioned, unit-scoped), the Department's
// officers review and decide or decline, only decided nominations reach the public honour roll (searchable
// with folded Vietnamese), and the indicator counts decisions by level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { feature } from './commendations.module.server.ts';
import {
  createNomination,
  decideNomination,
  getNomination,
  honourRoll,
  listNominations,
  type NominationInput,
  updateNomination,
} from './commendations.usecases.server.ts';

describe('commendations', () => {
  let ctx: TestContext;
  let library = '';
  let modelId = '';
  let declinedId = '';
  const input = (over: Partial<NominationInput> = {}): NominationInput => ({
    unitId: library,
    nomineeKind: 'collective',
    nomineeName: 'Phòng Phục vụ bạn đọc, Thư viện tỉnh',
    nomineeUnitId: library,
    category: 'model',
    title: 'Mô hình "Tủ sách di động đến với làng chài"',
    achievements: 'Đưa 12.000 lượt sách đến 30 thôn ven biển trong năm; 4.500 lượt bạn đọc mới.',
    evidenceUrls: ['https://thuvien.khanhhoa.gov.vn/tin/tu-sach-lang-chai'],
    planInstanceIds: [],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lets a unit nominate for itself only, audited and versioned', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    modelId = await createNomination(ctx.deps, staff, input());
    declinedId = await createNomination(
      ctx.deps,
      staff,
      input({ nomineeKind: 'individual', nomineeName: 'Nguyễn Văn Bình', category: 'achievement' }),
    );
    await expect(
      createNomination(ctx.deps, await actorOn(ctx, 'unit_staff', 'bao-tang-tinh'), input()),
    ).rejects.toMatchObject({ status: 403 });
    await updateNomination(ctx.deps, staff, modelId, {
      ...input({ title: 'Mô hình "Tủ sách làng chài"' }),
      version: 1,
    });
    await expect(
      updateNomination(ctx.deps, staff, modelId, { ...input(), version: 1 }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(await auditCount(ctx, 'commendations.nomination.create', modelId)).toBe(1);
    expect(await auditCount(ctx, 'commendations.nomination.update', modelId)).toBe(1);
    expect((await listNominations(ctx.deps, staff, { q: 'phong phuc vu BAN DOC' })).map((n) => n.id)).toEqual(
      [modelId],
    );
    expect(
      await listNominations(ctx.deps, await actorOn(ctx, 'unit_staff', 'bao-tang-tinh'), {}),
    ).toHaveLength(0);
  });

  it('is reviewed and decided by the Department only; only decided ones are on the honour roll', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(
      decideNomination(ctx.deps, staff, modelId, { step: 'review', version: 2, note: '' }),
    ).rejects.toMatchObject({ status: 403 });
    const officer = await actorOn(ctx, 'department_officer', 'so-vhttdl');
    await expect(
      decideNomination(ctx.deps, officer, modelId, {
        step: 'decide',
        version: 2,
        note: '',
        decisionNumber: '15/QĐ-SVHTTDL',
        decisionDate: '2026-11-20',
        level: 'department',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await decideNomination(ctx.deps, officer, modelId, { step: 'review', version: 2, note: 'Hồ sơ đủ' });
    expect(await honourRoll(ctx.deps, {})).toEqual([]);
    await decideNomination(ctx.deps, officer, modelId, {
      step: 'decide',
      version: 3,
      note: '',
      decisionNumber: '15/QĐ-SVHTTDL',
      decisionDate: '2026-11-20',
      level: 'province',
    });
    await decideNomination(ctx.deps, officer, declinedId, {
      step: 'reject',
      version: 1,
      note: 'Chưa đủ tiêu chuẩn',
    });
    expect(await auditCount(ctx, 'commendations.nomination.decide', modelId)).toBe(1);
    const roll = await honourRoll(ctx.deps, { q: 'lang chai' });
    expect(roll.map((r) => [r.id, r.decisionNumber, r.level])).toEqual([
      [modelId, '15/QĐ-SVHTTDL', 'province'],
    ]);
    expect(await honourRoll(ctx.deps, { category: 'practice' })).toEqual([]);
    expect((await getNomination(ctx.deps, staff, modelId)).canEdit).toBe(false);
    await expect(
      updateNomination(ctx.deps, staff, modelId, { ...input(), version: 4 }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it('counts decisions by level for the indicators', async () => {
    const source = feature.indicatorSources?.find((s) => s.key === 'commendations.decided');
    const q = { from: new Date('2026-01-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') };
    expect(await source?.compute(ctx.deps, q)).toEqual([{ value: 1 }]);
    expect(await source?.compute(ctx.deps, { ...q, breakdown: 'category' })).toEqual([
      { key: 'province', value: 1 },
    ]);
  });
});
