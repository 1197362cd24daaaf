import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount, unitIdOf } from './units.test-helpers.ts';
import {
  closeUnit,
  createUnit,
  getUnit,
  listUnitTree,
  mergeUnit,
  moveUnit,
  renameUnit,
  reopenUnit,
} from './units.usecases.server.ts';

describe('unit tree use cases', () => {
  let ctx: TestContext;
  let rootId: string;
  let libraryId: string;
  let museumId: string;
  const rootAdmin = () => actorOn(ctx, 'administrator', 'so-vhttdl');

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.deps.now = () => new Date('2026-06-15T03:00:00Z');
    rootId = await unitIdOf(ctx, 'so-vhttdl');
    libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
    museumId = await unitIdOf(ctx, 'bao-tang-tinh');
  });
  afterAll(() => ctx.close());

  const newUnit = async (code: string, parentId: string, validFrom = '2024-01-01') =>
    createUnit(ctx.deps, await rootAdmin(), {
      code,
      name: `Đơn vị ${code}`,
      kind: 'other',
      parentId,
      validFrom,
    });

  it('creates a unit under a parent and audits it', async () => {
    const unit = await createUnit(ctx.deps, await rootAdmin(), {
      code: 'tv-luu-dong-1',
      name: 'Thư viện lưu động số 1',
      kind: 'mobile_library',
      parentId: libraryId,
      validFrom: '2024-04-21',
    });
    expect(unit).toMatchObject({ parentId: libraryId, status: 'active', validFrom: '2024-04-21' });
    expect(await auditCount(ctx, 'units.unit.create', unit.id)).toBe(1);
    const { history } = await getUnit(ctx.deps, await rootAdmin(), unit.id);
    expect(history.map((h) => h.change)).toEqual(['create']);
  });

  it('refuses a code already in use with 409', async () => {
    await expect(newUnit('thu-vien-tinh', rootId)).rejects.toMatchObject({
      status: 409,
      code: 'units.code_taken',
    });
  });

  it('lets an administrator act only inside the subtree they administer', async () => {
    const libraryAdmin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
    const input = { code: 'diem-tv-a', name: 'Điểm thư viện A', kind: 'community_library' as const };
    await expect(createUnit(ctx.deps, libraryAdmin, { ...input, parentId: museumId })).rejects.toMatchObject({
      status: 403,
    });
    await expect(createUnit(ctx.deps, libraryAdmin, { ...input, parentId: null })).rejects.toMatchObject({
      status: 403,
    });
    const ok = await createUnit(ctx.deps, libraryAdmin, { ...input, parentId: libraryId });
    expect(ok.parentId).toBe(libraryId);
  });

  it('refuses unit staff (403) and anonymous callers (401)', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'so-vhttdl');
    const input = { code: 'x-1', name: 'Đơn vị X', kind: 'other' as const, parentId: rootId };
    await expect(createUnit(ctx.deps, staff, input)).rejects.toMatchObject({ status: 403 });
    await expect(createUnit(ctx.deps, ANONYMOUS, input)).rejects.toMatchObject({ status: 401 });
    await expect(renameUnit(ctx.deps, staff, libraryId, { name: 'Tên khác' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(listUnitTree(ctx.deps, staff)).rejects.toMatchObject({ status: 403 });
    await expect(listUnitTree(ctx.deps, ANONYMOUS)).rejects.toMatchObject({ status: 401 });
  });

  it('lets a department officer read the whole tree', async () => {
    const officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    const tree = await listUnitTree(ctx.deps, officer);
    expect(tree.units[0]).toMatchObject({ id: rootId, depth: 0 });
    expect(tree.units.map((u) => u.id)).toContain(museumId);
  });

  it('renames with an effective date and keeps the old name for earlier days', async () => {
    const unit = await newUnit('ttvh-huyen-a', rootId, '2023-05-01');
    await renameUnit(ctx.deps, await rootAdmin(), unit.id, {
      name: 'Trung tâm Văn hóa - Thể thao xã A',
      effectiveOn: '2025-07-01',
      note: 'Sắp xếp đơn vị hành chính 2025',
    });
    const { history } = await getUnit(ctx.deps, await rootAdmin(), unit.id);
    expect(history.at(-1)).toMatchObject({
      change: 'rename',
      oldName: 'Đơn vị ttvh-huyen-a',
      newName: 'Trung tâm Văn hóa - Thể thao xã A',
    });
    expect(await ctx.deps.repos.units.nameAsOf(ctx.deps.db, unit.id, '2025-06-30')).toBe(
      'Đơn vị ttvh-huyen-a',
    );
    const before = await listUnitTree(ctx.deps, await rootAdmin(), { asOf: '2025-06-30' });
    expect(before.units.find((u) => u.id === unit.id)?.name).toBe('Đơn vị ttvh-huyen-a');
    const rootThen = before.units.find((u) => u.id === rootId);
    expect(rootThen?.name).toBe('Sở Văn hóa và Thể thao tỉnh Khánh Hòa');
    expect(await auditCount(ctx, 'units.unit.rename', unit.id)).toBe(1);
  });

  it('refuses effective dates in the future or before the last change', async () => {
    const unit = await newUnit('dv-ngay', rootId, '2024-01-01');
    const admin = await rootAdmin();
    await expect(
      renameUnit(ctx.deps, admin, unit.id, { name: 'Tên B', effectiveOn: '2026-06-16' }),
    ).rejects.toMatchObject({ status: 422, code: 'units.future_date' });
    await expect(
      renameUnit(ctx.deps, admin, unit.id, { name: 'Tên B', effectiveOn: '2023-12-31' }),
    ).rejects.toMatchObject({ status: 422, code: 'units.date_too_early' });
    await renameUnit(ctx.deps, admin, unit.id, { name: 'Tên B', effectiveOn: '2025-01-01' });
    await expect(
      renameUnit(ctx.deps, admin, unit.id, { name: 'Tên C', effectiveOn: '2024-06-01' }),
    ).rejects.toMatchObject({ code: 'units.date_too_early' });
  });

  it('refuses to move a unit under itself or its own descendant', async () => {
    const a = await newUnit('cay-a', rootId);
    const b = await newUnit('cay-b', a.id);
    const c = await newUnit('cay-c', b.id);
    const admin = await rootAdmin();
    await expect(moveUnit(ctx.deps, admin, a.id, { parentId: c.id })).rejects.toMatchObject({
      status: 422,
      code: 'units.cycle',
      messageKey: 'units.error.cycle',
    });
    await expect(moveUnit(ctx.deps, admin, a.id, { parentId: a.id })).rejects.toMatchObject({
      code: 'units.cycle',
    });
    await expect(moveUnit(ctx.deps, admin, rootId, { parentId: b.id })).rejects.toMatchObject({
      code: 'units.cycle',
    });
    expect((await ctx.deps.repos.units.get(ctx.deps.db, a.id))?.parentId).toBe(rootId);
  });

  it('moves a unit and remembers where it was', async () => {
    const unit = await newUnit('dv-chuyen', libraryId);
    await moveUnit(ctx.deps, await rootAdmin(), unit.id, { parentId: museumId, effectiveOn: '2025-07-01' });
    const earlier = await listUnitTree(ctx.deps, await rootAdmin(), { asOf: '2025-06-30' });
    expect(earlier.units.find((u) => u.id === unit.id)?.parentId).toBe(libraryId);
    const now = await listUnitTree(ctx.deps, await rootAdmin());
    expect(now.units.find((u) => u.id === unit.id)?.parentId).toBe(museumId);
    expect(await auditCount(ctx, 'units.unit.move', unit.id)).toBe(1);
  });

  it('merges A into B: A closes, its operating children move to B, every unit gets history', async () => {
    const a = await newUnit('ttvh-huyen-x', rootId, '2023-01-01');
    const b = await newUnit('ttvh-xa-y', rootId, '2023-01-01');
    const child1 = await newUnit('diem-bd-1', a.id);
    const child2 = await newUnit('diem-bd-2', a.id);
    const gone = await newUnit('diem-bd-cu', a.id);
    const admin = await rootAdmin();
    await closeUnit(ctx.deps, admin, gone.id, { effectiveOn: '2024-12-31' });

    await mergeUnit(ctx.deps, await rootAdmin(), a.id, {
      intoId: b.id,
      effectiveOn: '2025-07-01',
      note: 'Chấm dứt cấp huyện',
    });

    const src = await ctx.deps.repos.units.get(ctx.deps.db, a.id);
    expect(src).toMatchObject({ validTo: '2025-07-01', mergedIntoId: b.id });
    for (const child of [child1, child2]) {
      expect((await ctx.deps.repos.units.get(ctx.deps.db, child.id))?.parentId).toBe(b.id);
      const h = await ctx.deps.repos.units.history(ctx.deps.db, child.id);
      expect(h.at(-1)).toMatchObject({ change: 'move', oldParentId: a.id, newParentId: b.id });
      expect(await auditCount(ctx, 'units.unit.move', child.id)).toBe(1);
    }
    expect((await ctx.deps.repos.units.get(ctx.deps.db, gone.id))?.parentId).toBe(a.id);
    expect((await ctx.deps.repos.units.history(ctx.deps.db, a.id)).at(-1)).toMatchObject({
      change: 'merge',
      mergedIntoId: b.id,
    });
    expect((await ctx.deps.repos.units.history(ctx.deps.db, b.id)).at(-1)).toMatchObject({
      change: 'absorb',
      mergedFromId: a.id,
    });
    expect(await auditCount(ctx, 'units.unit.merge', a.id)).toBe(1);

    const today = await listUnitTree(ctx.deps, admin);
    expect(today.units.some((u) => u.id === a.id)).toBe(false);
    const withClosed = await listUnitTree(ctx.deps, admin, { includeClosed: true });
    expect(withClosed.units.find((u) => u.id === a.id)?.status).toBe('merged');
    const before = await listUnitTree(ctx.deps, admin, { asOf: '2025-06-30' });
    expect(before.units.find((u) => u.id === child1.id)?.parentId).toBe(a.id);
    expect(before.units.find((u) => u.id === a.id)?.status).toBe('active');
  });

  it('refuses to merge a unit into itself or into its own descendant', async () => {
    const a = await newUnit('gop-a', rootId);
    const b = await newUnit('gop-b', a.id);
    const admin = await rootAdmin();
    await expect(mergeUnit(ctx.deps, admin, a.id, { intoId: a.id })).rejects.toMatchObject({
      code: 'units.merge_self',
    });
    await expect(mergeUnit(ctx.deps, admin, a.id, { intoId: b.id })).rejects.toMatchObject({
      code: 'units.merge_into_descendant',
    });
  });

  it('closes only a unit without operating children, and reopens it', async () => {
    const parent = await newUnit('dong-cha', rootId);
    await newUnit('dong-con', parent.id);
    const leaf = await newUnit('dong-la', rootId);
    const admin = await rootAdmin();
    await expect(closeUnit(ctx.deps, admin, parent.id, {})).rejects.toMatchObject({
      code: 'units.has_open_children',
    });
    const closed = await closeUnit(ctx.deps, admin, leaf.id, { effectiveOn: '2026-01-01', note: 'Giải thể' });
    expect(closed).toMatchObject({ status: 'closed', validTo: '2026-01-01' });
    await expect(renameUnit(ctx.deps, admin, leaf.id, { name: 'Tên mới' })).rejects.toMatchObject({
      code: 'units.closed',
    });
    const reopened = await reopenUnit(ctx.deps, admin, leaf.id, { effectiveOn: '2026-03-01' });
    expect(reopened).toMatchObject({ status: 'active', validTo: null });
    const { history } = await getUnit(ctx.deps, admin, leaf.id);
    expect(history.map((h) => h.change)).toEqual(['create', 'close', 'reopen']);
    expect(await auditCount(ctx, 'units.unit.close', leaf.id)).toBe(1);
    expect(await auditCount(ctx, 'units.unit.reopen', leaf.id)).toBe(1);
  });

  it('answers 404 for an unknown unit', async () => {
    await expect(getUnit(ctx.deps, await rootAdmin(), 'unit_aaaaaaaaaaaaaaaa')).rejects.toMatchObject({
      status: 404,
    });
  });
});
