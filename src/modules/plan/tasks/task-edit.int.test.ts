import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { isAppError } from '../../../lib/errors.ts';
import { postForm, signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { seedPlan } from '../plan.seed.server.ts';
import { getPlanTask } from '../plan.usecases.server.ts';
import { saveProgress } from '../work/progress.usecases.server.ts';
import { addPlanTask, editPlanTask, listTaskEdits } from './task-edit.usecases.server.ts';

describe('adding and editing plan tasks', () => {
  let ctx: TestContext;
  let officer: Actor;
  let library: string;
  let museum: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
  }, 180_000);
  afterAll(() => ctx?.close());

  it('adds a task numbered after its section, with instances, due dates and a history entry', async () => {
    const id = await addPlanTask(ctx.deps, officer, {
      phase: '2025-2030',
      section: 'III',
      content: 'Triển khai chỉ đạo mới của Bộ về không gian đọc số',
      product: 'Báo cáo',
      leadUnitIds: [library],
      coordinatingUnitIds: [museum, library],
      yearly: false,
      timeFrom: 2027,
      timeTo: 2028,
      reason: 'Công văn số 123/BVHTTDL',
    });
    const task = await getPlanTask(ctx.deps, officer, id);
    expect(task).toMatchObject({ origin: 'added', sourceKey: null, section: 'III' });
    expect(task.number).toBeGreaterThan(1);
    expect(task.leadUnits.map((u) => u.id)).toEqual([library]);
    expect(task.coordinatingUnits.map((u) => u.id)).toEqual([museum]);
    expect(task.instances.map((i) => [i.year, i.dueDate])).toEqual([
      [2027, '2027-12-15'],
      [2028, '2028-12-15'],
    ]);
    const edits = await listTaskEdits(ctx.deps, officer, id);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ reason: 'Công văn số 123/BVHTTDL', before: null });
  });

  it('edits a source task with a reason, keeps instances that carry reports, and the seed keeps the edit', async () => {
    const source = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL2-III-1');
    if (!source) throw new Error('no PL2-III-1');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const reported = source.instances.find((i) => i.year === 2030);
    if (!reported) throw new Error('no 2030 instance');
    await saveProgress(ctx.deps, staff, {
      instanceId: reported.id,
      unitId: library,
      version: 0,
      status: 'in_progress',
      percent: 5,
      narrative: 'Đã bắt đầu',
    });
    const { keptYears } = await editPlanTask(ctx.deps, officer, source.id, {
      content: source.content,
      product: source.product,
      leadUnitIds: [library],
      coordinatingUnitIds: [],
      yearly: false,
      timeFrom: 2026,
      timeTo: 2027,
      reason: 'Điều chỉnh theo kết quả sơ kết',
      version: source.version,
    });
    expect(keptYears).toEqual([2030]);
    const after = await getPlanTask(ctx.deps, officer, source.id);
    expect(after.instances.map((i) => i.year)).toEqual([2026, 2027, 2030]);
    expect(after.leadUnits.map((u) => u.id)).toEqual([library]);
    await seedPlan(ctx.deps);
    const reseeded = await getPlanTask(ctx.deps, officer, source.id);
    expect(reseeded.leadUnits.map((u) => u.id)).toEqual([library]);
    expect(reseeded.timeText).toBe('2026 - 2027');
    const audit = await ctx.dbh.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.task.update' AND entity_id = $1",
      [source.id],
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('refuses task changes to anyone but the focal point, and a missing reason', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const input = {
      content: 'Nhiệm vụ thử',
      product: 'Sản phẩm',
      leadUnitIds: [library],
      coordinatingUnitIds: [],
      yearly: true,
      reason: 'Lý do',
      phase: '2025-2030' as const,
      section: 'I' as const,
    };
    await expect(addPlanTask(ctx.deps, staff, input)).rejects.toMatchObject({ status: 403 });
    const leader = await actorOn(ctx, 'leader', 'ban-giam-doc');
    await expect(addPlanTask(ctx.deps, leader, input)).rejects.toMatchObject({ status: 403 });
    await expect(
      addPlanTask(ctx.deps, officer, { ...input, yearly: false }).catch((e) => {
        throw isAppError(e) ? { status: e.status } : e;
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('adds a task through the page form without JavaScript and shows it with its history', async () => {
    const u = await signUpAndSignIn(ctx, { name: 'Cán bộ Phòng' });
    await grantRoleAsSystem(ctx.deps, {
      userId: u.userId,
      role: 'department_officer',
      unitId: await unitIdOf(ctx, 'phong-qlvhgd'),
    });
    const form = new URLSearchParams({
      intent: 'add',
      phase: '2025-2030',
      section: 'II',
      content: 'Nhiệm vụ thêm qua biểu mẫu',
      product: 'Kế hoạch',
      lead: library,
      timeFrom: '2026',
      timeTo: '',
      reason: '',
    });
    const missing = await ctx.request('/admin/plan/tasks/new', {
      method: 'POST',
      headers: { cookie: u.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Nhiệm vụ thêm qua biểu mẫu');
    form.set('reason', 'Chỉ đạo của Giám đốc Sở');
    const ok = await postForm(ctx, '/admin/plan/tasks/new', Object.fromEntries(form), { cookie: u.cookie });
    expect(ok.status).toBe(303);
    const page = await ctx.request(ok.headers.get('location') ?? '', { headers: { cookie: u.cookie } });
    const html = await page.text();
    expect(html).toContain('Nhiệm vụ thêm qua biểu mẫu');
    expect(html).toContain('Chỉ đạo của Giám đốc Sở');
  });
});

describe('two focal points editing one task', () => {
  let ctx: TestContext;
  let officer: Actor;
  let library: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
  }, 180_000);
  afterAll(() => ctx?.close());

  const edit = (content: string, version: number) => ({
    content,
    product: 'Báo cáo',
    leadUnitIds: [library],
    coordinatingUnitIds: [],
    yearly: true,
    reason: 'Điều chỉnh',
    version,
  });

  it('refuses the second save made from the same version (409) and keeps the first', async () => {
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
    if (!task) throw new Error('no PL1-III-1');
    const loaded = (await getPlanTask(ctx.deps, officer, task.id)).version;
    await editPlanTask(ctx.deps, officer, task.id, edit('Bản của người thứ nhất', loaded));
    await expect(
      editPlanTask(ctx.deps, officer, task.id, edit('Bản của người thứ hai', loaded)),
    ).rejects.toMatchObject({ status: 409, code: 'plan.task.version_conflict' });
    const after = await getPlanTask(ctx.deps, officer, task.id);
    expect(after.content).toBe('Bản của người thứ nhất');
    expect(after.version).toBe(loaded + 1);
    expect(await listTaskEdits(ctx.deps, officer, task.id)).toHaveLength(1);
  });

  it('shows both versions side by side on the page after a stale save, the input kept', async () => {
    const u = await signUpAndSignIn(ctx, { name: 'Đầu mối' });
    await grantRoleAsSystem(ctx.deps, {
      userId: u.userId,
      role: 'department_officer',
      unitId: await unitIdOf(ctx, 'phong-qlvhgd'),
    });
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-2');
    if (!task) throw new Error('no PL1-III-2');
    const page = await ctx.request(`/admin/plan/tasks/${task.id}`, { headers: { cookie: u.cookie } });
    const loaded = Number((await page.text()).match(/name="version" value="(\d+)"/)?.[1]);
    expect(loaded).toBeGreaterThan(0);
    await editPlanTask(ctx.deps, officer, task.id, edit('Đã sửa ở nơi khác', loaded));
    const stale = await postForm(
      ctx,
      `/admin/plan/tasks/${task.id}`,
      {
        intent: 'edit',
        version: String(loaded),
        content: 'Bản sửa trên trang',
        product: 'Báo cáo',
        lead: library,
        yearly: '1',
        reason: 'Sửa trên trang',
      },
      { cookie: u.cookie },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Đã sửa ở nơi khác');
    expect(html).toContain('Bản sửa trên trang');
    expect(html).toContain(`name="version" value="${loaded + 1}"`);
    expect((await getPlanTask(ctx.deps, officer, task.id)).content).toBe('Đã sửa ở nơi khác');
  });
});
