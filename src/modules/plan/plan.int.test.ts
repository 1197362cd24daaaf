import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS, type Grant } from '../../lib/authz.ts';
import { testActor } from '../../test/actors.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { createUnit } from '../units/units.usecases.server.ts';
import { PLAN_TASKS } from './plan.data.ts';
import { expandInstanceYears } from './plan.model.ts';
import { seedCommemorativeDays, seedPlan } from './plan.seed.server.ts';
import { getPlanTask, listPlanTasks } from './plan.usecases.server.ts';

describe('the plan as reference data', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  let parents: Record<string, string | null> = {};
  const actorWith = (grants: Grant[]): Actor => testActor(grants, parents);
  const officer = () => actorWith([{ role: 'department_officer', unitId: ids['phong-qlvhgd'] ?? '' }]);
  const libraryStaff = () => actorWith([{ role: 'unit_staff', unitId: ids['thu-vien-tinh'] ?? '' }]);
  const keys = (tasks: Array<{ sourceKey: string | null }>) => tasks.map((t) => t.sourceKey);

  beforeAll(async () => {
    ctx = await createTestContext(); // seedReference seeds units, then the plan and the days
    for (const code of ['so-vhttdl', 'phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh']) {
      const unit = await ctx.deps.repos.units.byCode(ctx.deps.db, code);
      if (!unit) throw new Error(`unit ${code} not seeded`);
      ids[code] = unit.id;
    }
    const root = ids['so-vhttdl'] ?? '';
    parents = Object.fromEntries(Object.values(ids).map((id) => [id, id === root ? null : root]));
    const admin = actorWith([{ role: 'administrator', unitId: root }]);
    const branch = await createUnit(ctx.deps, admin, {
      code: 'tv-chi-nhanh-thu',
      name: 'Chi nhánh thử của Thư viện tỉnh',
      kind: 'library',
      parentId: ids['thu-vien-tinh'],
    });
    ids.branch = branch.id;
    parents[branch.id] = ids['thu-vien-tinh'] ?? null;
  }, 180_000);
  afterAll(() => ctx?.close());

  describe('seed', () => {
    it('stores all 30 tasks, 13 in Phụ lục I and 17 in Phụ lục II, in source order', async () => {
      const all = await listPlanTasks(ctx.deps, officer(), {});
      expect(keys(all)).toEqual(PLAN_TASKS.map((t) => t.sourceKey));
      expect(all.filter((t) => t.phase === '2023-2025')).toHaveLength(13);
      expect(all.filter((t) => t.phase === '2025-2030')).toHaveLength(17);
    });

    it('links lead and coordinating units and keeps group descriptions as text', async () => {
      const t = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
      expect(t?.leadUnits.map((u) => u.code)).toEqual([
        'phong-qlvhgd',
        'thu-vien-tinh',
        'bao-tang-tinh',
        'ttvh-dien-anh',
      ]);
      expect(t?.coordinatingUnits).toEqual([]);
      expect(t?.coordinatingGroups).toEqual([
        'Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thông tin và Thể thao các huyện, thị xã, thành phố',
        'Các phòng chuyên môn, đơn vị liên quan',
      ]);
      const report = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL2-VII-3');
      expect(report?.coordinatingUnits.map((u) => u.code)).toEqual([
        'thu-vien-tinh',
        'bao-tang-tinh',
        'ttvh-dien-anh',
      ]);
      expect(report?.time).toEqual({ kind: 'year', year: 2030 });
    });

    it('expands every task into its yearly instances', async () => {
      const all = await listPlanTasks(ctx.deps, officer(), {});
      for (const t of all) {
        const src = PLAN_TASKS.find((s) => s.sourceKey === t.sourceKey);
        if (!src) throw new Error(`unexpected task ${t.sourceKey}`);
        const expected = expandInstanceYears(src.phase, src.time);
        expect(
          t.instances.map((i) => ({ year: i.year, inferred: i.yearInferred })),
          t.sourceKey ?? '',
        ).toEqual(expected);
        // Due dates default to 30/11, or 15/12 for report tasks (migration 0009; plan-work.int.test.ts).
        expect(t.instances.every((i) => i.status === 'not_started' && i.dueDate !== null)).toBe(true);
      }
      const yearly2 = all.find((t) => t.sourceKey === 'PL2-VI-1');
      expect(yearly2?.instances.map((i) => i.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
      const empty = all.find((t) => t.sourceKey === 'PL1-III-2');
      expect(empty?.time).toEqual({ kind: 'unspecified' });
      expect(empty?.instances.map((i) => [i.year, i.yearInferred])).toEqual([
        [2023, true],
        [2024, true],
        [2025, true],
      ]);
    });

    it('changes nothing when run again', async () => {
      const snapshot = async () =>
        Promise.all([
          ctx.dbh.query('SELECT * FROM plan_tasks ORDER BY source_key'),
          ctx.dbh.query('SELECT * FROM plan_task_units ORDER BY task_id, role, unit_id'),
          ctx.dbh.query('SELECT * FROM plan_task_instances ORDER BY task_id, year'),
          ctx.dbh.query('SELECT * FROM commemorative_days ORDER BY code'),
        ]);
      const before = await snapshot();
      expect(await seedPlan(ctx.deps)).toEqual({ tasksWritten: 0, unitLinksChanged: 0, instancesCreated: 0 });
      expect(await seedCommemorativeDays(ctx.deps)).toBe(0);
      expect(await snapshot()).toEqual(before);
    });

    it('corrects a changed source row and keeps existing instances', async () => {
      const original = PLAN_TASKS.filter((t) => t.sourceKey === 'PL1-V-1');
      const changed = original.map((t) => ({
        ...t,
        product: 'Đoàn tham dự (sửa thử)',
        lead: { ...t.lead, codes: ['phong-qlvhgd' as const] },
        time: { kind: 'range' as const, from: 2024, to: 2025 },
      }));
      expect(await seedPlan(ctx.deps, changed)).toEqual({
        tasksWritten: 1,
        unitLinksChanged: 3,
        instancesCreated: 1,
      });
      expect(await seedPlan(ctx.deps, original)).toEqual({
        tasksWritten: 1,
        unitLinksChanged: 3,
        instancesCreated: 0,
      });
      const t = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-V-1');
      expect(t?.product).toBe('Đoàn tham dự');
      expect(t?.leadUnits).toHaveLength(4);
      expect(t?.instances.map((i) => i.year)).toEqual([2024, 2025]);
      await ctx.dbh.query('DELETE FROM plan_task_instances WHERE task_id = $1 AND year = 2025', [t?.id]);
    });

    it('seeds the seven commemorative days, the lifelong-learning week as 1–7 October', async () => {
      const days = await ctx.deps.repos.plan.listCommemorativeDays(ctx.deps.db);
      expect(days.map((d) => `${d.day}/${d.month}`)).toEqual([
        '21/4',
        '23/4',
        '18/5',
        '1/10',
        '2/10',
        '10/10',
        '23/11',
      ]);
      const week = days.find((d) => d.code === 'tuan-le-hoc-tap-suot-doi');
      expect(week).toMatchObject({ name: 'Tuần lễ hưởng ứng học tập suốt đời', endMonth: 10, endDay: 7 });
      expect(days.find((d) => d.code === 'ngay-khuyen-hoc')).toMatchObject({ endMonth: null, endDay: null });
    });
  });

  describe('reading and filtering', () => {
    it('filters by phase, section and year', async () => {
      const pl2Reports = await listPlanTasks(ctx.deps, officer(), { phase: '2025-2030', section: 'VII' });
      expect(keys(pl2Reports)).toEqual(['PL2-VII-1', 'PL2-VII-2', 'PL2-VII-3']);
      const in2030 = await listPlanTasks(ctx.deps, officer(), { year: 2030 });
      expect(in2030.every((t) => t.instances.some((i) => i.year === 2030))).toBe(true);
      expect(keys(in2030)).toContain('PL2-VII-3');
      expect(keys(in2030)).not.toContain('PL2-VII-2');
    });

    it('filters by a unit code or id', async () => {
      const byCode = await listPlanTasks(ctx.deps, officer(), { unit: 'bao-tang-tinh' });
      const byId = await listPlanTasks(ctx.deps, officer(), { unit: ids['bao-tang-tinh'] });
      expect(keys(byId)).toEqual(keys(byCode));
      expect(keys(byCode)).toContain('PL1-II-2');
      expect(keys(byCode)).not.toContain('PL1-II-1');
    });

    it('searches without diacritics', async () => {
      const rural = await listPlanTasks(ctx.deps, officer(), { q: 'nong thon moi' });
      expect(keys(rural)).toEqual(['PL1-II-3', 'PL2-II-5']);
      const typo = await listPlanTasks(ctx.deps, officer(), { q: 'ĐẦY MẠNH' });
      expect(keys(typo)).toEqual(['PL2-III-2']);
      const hoa = await listPlanTasks(ctx.deps, officer(), { q: 'giao duc di san' });
      expect(keys(hoa)).toEqual(['PL1-II-2']);
      expect(await listPlanTasks(ctx.deps, officer(), { q: '100%_' })).toEqual([]);
    });

    it('shows Thư viện tỉnh staff only the tasks their library leads or coordinates', async () => {
      const mine = await listPlanTasks(ctx.deps, libraryStaff(), {});
      const expected = PLAN_TASKS.filter((t) =>
        [...t.lead.codes, ...t.coordinating.codes].includes('thu-vien-tinh'),
      ).map((t) => t.sourceKey);
      expect(keys(mine)).toEqual(expected);
      expect(keys(mine)).not.toContain('PL1-II-3');
      expect(keys(mine)).not.toContain('PL2-II-2');
      expect(keys(mine)).toContain('PL1-VII-1'); // coordinating
      const pl1ii3 = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-II-3');
      await expect(getPlanTask(ctx.deps, libraryStaff(), pl1ii3?.id ?? '')).rejects.toMatchObject({
        status: 404,
      });
    });

    it('scopes by grant subtree: a grant on the Department covers all, one on a branch covers nothing', async () => {
      const dept = actorWith([{ role: 'unit_manager', unitId: ids['so-vhttdl'] ?? '' }]);
      expect(await listPlanTasks(ctx.deps, dept, {})).toHaveLength(30);
      const branchStaff = actorWith([{ role: 'unit_staff', unitId: ids.branch ?? '' }]);
      expect(await listPlanTasks(ctx.deps, branchStaff, {})).toEqual([]);
    });

    it('is closed to citizens and anonymous visitors', async () => {
      const citizen = actorWith([{ role: 'citizen', unitId: ids['so-vhttdl'] ?? '' }]);
      await expect(listPlanTasks(ctx.deps, citizen, {})).rejects.toMatchObject({ status: 403 });
      await expect(listPlanTasks(ctx.deps, ANONYMOUS, {})).rejects.toMatchObject({ status: 401 });
    });
  });

  describe('API and pages', () => {
    const as = (actor: Actor) => {
      ctx.deps.actors = { resolve: async () => actor };
    };

    it('answers GET /api/v1/plan/tasks with the filtered tasks', async () => {
      as(libraryStaff());
      const res = await ctx.request('/api/v1/plan/tasks?phase=2023-2025&q=hoa');
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        total: number;
        tasks: Array<{ sourceKey: string; lead: { text: string } }>;
      };
      expect(body.total).toBe(body.tasks.length);
      expect(body.tasks.length).toBeGreaterThan(0);
      expect(body.tasks.every((t) => t.sourceKey.startsWith('PL1-'))).toBe(true);
      expect(body.tasks.map((t) => t.sourceKey)).not.toContain('PL1-II-3');
    });

    it('rejects bad filters with problem+json and anonymous callers with 401', async () => {
      as(officer());
      const bad = await ctx.request('/api/v1/plan/tasks?year=2040&color=red');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      as(ANONYMOUS);
      expect((await ctx.request('/api/v1/plan/tasks')).status).toBe(401);
    });

    it('renders the task list page with a captioned, filtered table', async () => {
      as(libraryStaff());
      const res = await ctx.request('/admin/plan/tasks?section=VII&phase=2023-2025');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<caption>Danh sách nhiệm vụ: 2 nhiệm vụ</caption>');
      expect(html).toContain('Báo cáo Sơ kết việc triển khai Chương trình');
      expect(html).toContain('<label for="plan-q">');
      const en = await (await ctx.request('/en/admin/plan/tasks?year=2040')).text();
      expect(en).toContain('The filters are not valid');
    });

    it('renders a task page with its instances, and 404 for a task out of reach', async () => {
      as(officer());
      const t = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-2');
      const res = await ctx.request(`/admin/plan/tasks/${t?.id}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Kế hoạch để trống thời gian thực hiện');
      expect(html).toContain('Các năm thực hiện của nhiệm vụ: 3');
      expect((await ctx.request('/admin/plan/tasks/task_aaaaaaaaaaaaaaaa')).status).toBe(404);
      as(libraryStaff());
      const other = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-II-3');
      expect((await ctx.request(`/admin/plan/tasks/${other?.id}`)).status).toBe(404);
    });
  });
});
