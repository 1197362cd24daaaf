import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../app/seeds.server.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { ROOT_NAME_2023, ROOT_NAME_2025, SEED_CHILDREN, seedUnits } from './units.seed.server.ts';

describe('reference units seed', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const snapshot = async () => ({
    units: await ctx.dbh.query(
      'SELECT id, code, name, kind, parent_id, valid_from::text, valid_to::text FROM units ORDER BY code',
    ),
    history: await ctx.dbh.query(
      `SELECT id, unit_id, change, effective_on::text, old_name, new_name, new_parent_id, note
       FROM unit_history ORDER BY id`,
    ),
  });

  it('creates the Department with its offices and institutions under stable codes', async () => {
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, 'so-vhttdl');
    expect(root).toMatchObject({
      name: ROOT_NAME_2025,
      kind: 'department',
      parentId: null,
      validFrom: '2023-01-01',
    });
    for (const child of SEED_CHILDREN) {
      const row = await ctx.deps.repos.units.byCode(ctx.deps.db, child.code);
      expect(row, child.code).toMatchObject({ name: child.name, kind: child.kind, parentId: root?.id });
    }
    expect((await ctx.deps.repos.units.byCode(ctx.deps.db, 'phong-qlvhgd'))?.name).toBe(
      'Phòng Quản lý Văn hóa và Gia đình',
    );
    expect(await ctx.deps.repos.settings.get('plan.focal_unit_code')).toBe('phong-qlvhgd');
  });

  it('records the 2025 rename so the 2023 name is still known', async () => {
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, 'so-vhttdl');
    if (!root) throw new Error('root missing');
    const history = await ctx.deps.repos.units.history(ctx.deps.db, root.id);
    expect(history.map((h) => [h.change, h.effectiveOn])).toEqual([
      ['create', '2023-01-01'],
      ['rename', '2025-07-01'],
    ]);
    expect(history[1]?.note).toContain('Ninh Thuận');
    expect(await ctx.deps.repos.units.nameAsOf(ctx.deps.db, root.id, '2025-06-30')).toBe(ROOT_NAME_2023);
    expect(await ctx.deps.repos.units.nameAsOf(ctx.deps.db, root.id, '2025-07-01')).toBe(ROOT_NAME_2025);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    expect(before.units).toHaveLength(1 + SEED_CHILDREN.length);
    await seedReference(ctx.deps);
    const again = await seedUnits(ctx.deps);
    expect(again.created).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('does not undo a later rename by an administrator', async () => {
    const lib = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
    if (!lib) throw new Error('library missing');
    await ctx.deps.repos.units.update(ctx.deps.db, lib.id, { name: 'Thư viện tỉnh Khánh Hòa' });
    await seedUnits(ctx.deps);
    expect((await ctx.deps.repos.units.get(ctx.deps.db, lib.id))?.name).toBe('Thư viện tỉnh Khánh Hòa');
  });
});
