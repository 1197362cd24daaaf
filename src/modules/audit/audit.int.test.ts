import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { listAuditEntries } from './audit.usecases.server.ts';

describe('audit log', () => {
  let ctx: TestContext;
  let admin: Actor;
  let libraryAdmin: Actor;
  let officer: Actor;
  const staff = testActor([{ role: 'unit_staff', unitId: 'unit_lib' }]);

  beforeAll(async () => {
    ctx = await createTestContext();
    const unit = async (code: string) => {
      const u = await ctx.deps.repos.units.byCode(ctx.deps.db, code);
      if (!u) throw new Error(`unit ${code} not seeded`);
      return u.id;
    };
    const [root, library, museum, office] = await Promise.all([
      unit('so-vhttdl'),
      unit('thu-vien-tinh'),
      unit('bao-tang-tinh'),
      unit('phong-qlvhgd'),
    ]);
    admin = testActor([{ role: 'administrator', unitId: root }]);
    libraryAdmin = testActor([{ role: 'administrator', unitId: library }], { [library]: root });
    officer = testActor([{ role: 'department_officer', unitId: office }], { [office]: root });
    await ctx.deps.db.transaction(async (tx) => {
      await ctx.deps.audit.record(tx, admin, {
        action: 'units.unit.close',
        entityType: 'unit',
        unitId: library,
      });
      await ctx.deps.audit.record(tx, admin, {
        action: 'units.unit.close',
        entityType: 'unit',
        unitId: museum,
      });
    });
    await ctx.deps.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await ctx.deps.audit.record(tx, admin, {
          action: i % 2 ? 'units.unit.rename' : 'plan.task.update',
          entityType: i % 2 ? 'unit' : 'task',
          entityId: `x_${i}`,
          before: { n: i },
          after: { n: i + 1 },
        });
      }
    });
  });
  afterAll(() => ctx.close());

  it('lists newest first and pages with a keyset cursor', async () => {
    const first = await listAuditEntries(ctx.deps, admin, { limit: 2 });
    expect(first.entries.map((e) => e.entityId)).toEqual(['x_4', 'x_3']);
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEntries(ctx.deps, admin, {
      limit: 2,
      before: first.nextBefore ?? undefined,
    });
    expect(second.entries.map((e) => e.entityId)).toEqual(['x_2', 'x_1']);
  });

  it('filters by action and keeps before/after', async () => {
    const page = await listAuditEntries(ctx.deps, admin, { limit: 50, action: 'units.unit.rename' });
    expect(page.entries).toHaveLength(2);
    expect(page.entries[0]?.before).toEqual({ n: 3 });
    expect(page.entries[0]?.after).toEqual({ n: 4 });
    expect(page.entries[0]?.actorLabel).toBe('tester@example.vn');
  });

  it("shows a branch administrator only their subtree's entries, and the focal point everything", async () => {
    const mine = await listAuditEntries(ctx.deps, libraryAdmin, { limit: 50 });
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(new Set(mine.entries.map((e) => e.unitId))).toEqual(
      new Set([libraryAdmin.kind === 'user' ? libraryAdmin.grants[0]?.unitId : '']),
    );
    const all = await listAuditEntries(ctx.deps, officer, { limit: 50 });
    expect(all.entries.length).toBeGreaterThan(mine.entries.length + 1);
  });

  it('is closed to unit staff and anonymous visitors', async () => {
    await expect(listAuditEntries(ctx.deps, staff, { limit: 10 })).rejects.toMatchObject({ status: 403 });
    await expect(listAuditEntries(ctx.deps, ANONYMOUS, { limit: 10 })).rejects.toMatchObject({ status: 401 });
  });

  it('answers the API with 401 problem+json for anonymous callers', async () => {
    const res = await ctx.request('/api/v1/audit?limit=5');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
