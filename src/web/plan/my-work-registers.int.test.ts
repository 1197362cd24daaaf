// "My work" lists what the registers assign to the signed-in person through the modules' `workItems`
// contributions (the plan pages never read the registers' tables): an overdue inspection follow-up for its
// owner, an open nomination for the Department officer who decides it — and neither for anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../../modules/access/access.grants.server.ts';
import { createNomination } from '../../modules/commendations/commendations.usecases.server.ts';
import {
  addFollowUp,
  addVisit,
  createInspectionPlan,
} from '../../modules/inspections/inspections.usecases.server.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

describe('my work: the registers’ items', () => {
  let ctx: TestContext;
  const cookies: Record<string, string> = {};
  const page = async (who: string) =>
    (await ctx.request('/admin/plan/my-work', { headers: { cookie: cookies[who] ?? '' } })).text();

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const office = await unitIdOf(ctx, 'phong-qlvhgd');
    const ids: Record<string, string> = {};
    for (const [who, role, code] of [
      ['owner', 'unit_staff', 'thu-vien-tinh'],
      ['outsider', 'unit_staff', 'bao-tang-tinh'],
      ['officer', 'department_officer', 'so-vhttdl'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Cán bộ ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      cookies[who] = u.cookie;
      ids[who] = u.userId;
    }
    const inspector = await actorOn(ctx, 'unit_manager', 'phong-qlvhgd');
    const year = new Date().getUTCFullYear();
    const planId = await createInspectionPlan(ctx.deps, inspector, {
      unitId: office,
      title: 'Kiểm tra thư viện cơ sở',
      subject: 'Tủ sách cộng đồng',
      targetUnitIds: [library],
      plannedFrom: `${year}-01-15`,
      plannedTo: `${year}-12-20`,
      planInstanceIds: [],
    });
    const visitId = await addVisit(ctx.deps, inspector, planId, {
      unitId: library,
      visitedOn: `${year}-01-20`,
      findings: 'Tủ sách thiếu sổ theo dõi mượn trả.',
    });
    await addFollowUp(ctx.deps, inspector, planId, {
      visitId,
      action: 'Lập sổ theo dõi mượn trả tủ sách',
      ownerId: ids.owner as string,
      dueOn: `${year - 1}-12-01`,
    });
    await createNomination(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'), {
      unitId: library,
      nomineeKind: 'individual',
      nomineeName: 'Lê Thị Mai',
      nomineeUnitId: null,
      category: 'practice',
      title: 'Cách làm "Đọc sách cùng con"',
      achievements: 'Tổ chức 24 buổi đọc sách cùng cha mẹ.',
      evidenceUrls: [],
      planInstanceIds: [],
    });
  }, 180_000);
  afterAll(() => ctx?.close());

  it('shows the owner the overdue follow-up, flagged, and not to another unit’s staff', async () => {
    const html = await page('owner');
    expect(html).toContain('id="work-registers"');
    expect(html).toContain('Lập sổ theo dõi mượn trả tủ sách');
    expect(html).toContain('tag-danger');
    expect(await page('outsider')).not.toContain('Lập sổ theo dõi mượn trả tủ sách');
  });

  it('shows the deciding officer the open nomination', async () => {
    const html = await page('officer');
    expect(html).toContain('Lê Thị Mai');
    expect(await page('owner')).not.toContain('Lê Thị Mai');
  });
});
