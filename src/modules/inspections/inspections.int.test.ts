// Inspections on a real database: a plan targets units, visits record findings, follow-ups have an owner and a
// deadline; an overdue one appears in the owner's dashboard work items (the module's descriptor contribution)
// and disappears when closed; the plan closes only when every action is; other units see nothing; the
// indicators count visits and actions closed on time; every write is audited, edits are versioned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { feature } from './inspections.module.server.ts';
import {
  addFollowUp,
  addVisit,
  closeFollowUp,
  closeInspectionPlan,
  createInspectionPlan,
  getInspectionPlan,
  listInspectionPlans,
  type PlanInput,
  updateInspectionPlan,
} from './inspections.usecases.server.ts';

describe('inspections', () => {
  let ctx: TestContext;
  let office = '';
  let library = '';
  let owner: Actor;
  let ownerId = '';
  let planId = '';
  let visitId = '';
  let lateId = '';
  let onTimeId = '';
  const today = isoDateInVietnam();
  const year = Number(today.slice(0, 4));
  const plan = (over: Partial<PlanInput> = {}): PlanInput => ({
    unitId: office,
    title: 'Kiểm tra việc triển khai Chương trình học tập suốt đời năm nay',
    subject: 'Câu lạc bộ đọc sách, thư viện số',
    targetUnitIds: [library],
    plannedFrom: `${year}-01-15`,
    plannedTo: `${year}-12-20`,
    planInstanceIds: [],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    office = await unitIdOf(ctx, 'phong-qlvhgd');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const u = await signUpAndSignIn(ctx, { name: 'Trần Thị Khắc Phục' });
    ownerId = u.userId;
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
    owner = { ...(await actorOn(ctx, 'unit_staff', 'thu-vien-tinh')), userId: u.userId } as Actor;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('plans an inspection, records a visit and follow-ups; only inspectors of the unit may', async () => {
    const inspector = await actorOn(ctx, 'unit_manager', 'phong-qlvhgd');
    planId = await createInspectionPlan(ctx.deps, inspector, plan());
    await expect(
      createInspectionPlan(ctx.deps, await actorOn(ctx, 'unit_staff', 'phong-qlvhgd'), plan()),
    ).rejects.toMatchObject({ status: 403 });
    visitId = await addVisit(ctx.deps, inspector, planId, {
      unitId: library,
      visitedOn: `${year}-03-10`,
      findings: 'Câu lạc bộ đọc sách hoạt động đều; thư viện số thiếu hướng dẫn sử dụng.',
    });
    const museum = await unitIdOf(ctx, 'bao-tang-tinh');
    await expect(
      addVisit(ctx.deps, inspector, planId, { unitId: museum, visitedOn: `${year}-03-11`, findings: 'x' }),
    ).rejects.toMatchObject({ status: 422 });
    lateId = await addFollowUp(ctx.deps, inspector, planId, {
      visitId,
      action: 'Biên soạn hướng dẫn sử dụng thư viện số',
      ownerId,
      dueOn: `${year - 1}-12-01`,
    });
    onTimeId = await addFollowUp(ctx.deps, inspector, planId, {
      visitId,
      action: 'Bổ sung lịch sinh hoạt câu lạc bộ',
      ownerId: null,
      dueOn: `${year + 1}-01-31`,
    });
    await expect(
      addFollowUp(ctx.deps, inspector, planId, {
        visitId,
        action: 'Người ngoài đơn vị',
        ownerId: 'usr_nobodynobodynobo',
        dueOn: `${year}-12-31`,
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await auditCount(ctx, 'inspections.plan.create', planId)).toBe(1);
    expect(await auditCount(ctx, 'inspections.visit.create', visitId)).toBe(1);
    expect(await auditCount(ctx, 'inspections.followup.create', lateId)).toBe(1);
    const notes = await ctx.deps.repos.notifications.list(ctx.deps.db, ownerId);
    expect(notes.map((n) => n.link)).toContain(`/admin/inspections/${planId}#f-${lateId}`);
  });

  it('shows the plan to the inspected unit, hides it from others, and searches folded', async () => {
    const libStaff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    expect(
      (await listInspectionPlans(ctx.deps, libStaff, { q: 'CAU LAC BO doc sach' })).map((p) => p.id),
    ).toEqual([planId]);
    const museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    expect(await listInspectionPlans(ctx.deps, museum, {})).toHaveLength(0);
    await expect(getInspectionPlan(ctx.deps, museum, planId)).rejects.toMatchObject({ status: 404 });
    await expect(
      closeFollowUp(ctx.deps, museum, lateId, { note: 'Không phải việc của tôi', version: 1 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('puts the overdue action in its owner’s work items until it is closed', async () => {
    const items = await feature.workItems?.(ctx.deps, owner);
    expect(items?.map((i) => i.href)).toEqual([`/admin/inspections/${planId}#f-${lateId}`]);
    expect(items?.[0]).toMatchObject({ overdue: true, dueDate: `${year - 1}-12-01` });
    const museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    expect(await feature.workItems?.(ctx.deps, museum)).toEqual([]);
    await expect(
      closeInspectionPlan(ctx.deps, await actorOn(ctx, 'unit_manager', 'phong-qlvhgd'), planId, 1),
    ).rejects.toMatchObject({ status: 409 });
    await closeFollowUp(ctx.deps, owner, lateId, { note: 'Đã biên soạn và phát hành hướng dẫn', version: 1 });
    await expect(
      closeFollowUp(ctx.deps, owner, lateId, { note: 'Lần hai', version: 2 }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await feature.workItems?.(ctx.deps, owner)).toEqual([]);
    expect(await auditCount(ctx, 'inspections.followup.close', lateId)).toBe(1);
    // The inspected unit's staff close an action without an owner.
    await closeFollowUp(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'), onTimeId, {
      note: 'Đã niêm yết lịch sinh hoạt',
      version: 1,
    });
    const view = await getInspectionPlan(ctx.deps, owner, planId);
    const f = view.visits[0]?.followUps ?? [];
    expect(f.map((x) => [x.id, x.status, x.onTime])).toEqual([
      [lateId, 'closed', false],
      [onTimeId, 'closed', true],
    ]);
  });

  it('versions plan edits, closes the plan when nothing is open, and counts for the indicators', async () => {
    const inspector = await actorOn(ctx, 'unit_manager', 'phong-qlvhgd');
    await updateInspectionPlan(ctx.deps, inspector, planId, {
      ...plan({ title: 'Kiểm tra (sửa)' }),
      version: 1,
    });
    await expect(
      updateInspectionPlan(ctx.deps, inspector, planId, { ...plan(), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    await closeInspectionPlan(ctx.deps, inspector, planId, 2);
    expect((await getInspectionPlan(ctx.deps, inspector, planId)).plan.status).toBe('closed');
    await expect(
      addVisit(ctx.deps, inspector, planId, {
        unitId: library,
        visitedOn: `${year}-04-01`,
        findings: 'Muộn',
      }),
    ).rejects.toMatchObject({ status: 409 });
    const q = {
      from: new Date(`${year}-01-01T00:00:00+07:00`),
      to: new Date(`${year + 1}-01-01T00:00:00+07:00`),
    };
    const visits = feature.indicatorSources?.find((s) => s.key === 'inspections.visits_done');
    const onTime = feature.indicatorSources?.find((s) => s.key === 'inspections.followups_closed_on_time');
    expect(await visits?.compute(ctx.deps, q)).toEqual([{ value: 1 }]);
    expect(await visits?.compute(ctx.deps, { ...q, breakdown: 'unit' })).toEqual([
      { key: library, value: 1 },
    ]);
    expect(await onTime?.compute(ctx.deps, q)).toEqual([{ value: 1 }]);
  });

  it('exports and forgets a follow-up owner', async () => {
    const pd = feature.personalData;
    const subject = { userId: ownerId, learnerIds: [], emails: [], phones: [] };
    expect((await pd?.export(ctx.deps, ctx.deps.db, subject))?.insp_followups).toHaveLength(1);
    await pd?.erase(ctx.deps, ctx.deps.db, subject);
    expect((await pd?.export(ctx.deps, ctx.deps.db, subject))?.insp_followups).toHaveLength(0);
  });
});
