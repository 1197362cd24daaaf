// The plan's task list a page at a time (issue 17): the API and the page, as real signed-in users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../lib/i18n.server.ts';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { presentPlanTask } from '../plan.presenters.ts';
import type { PlanTaskDto } from '../plan.schemas.server.ts';
import { listPlanTasks } from '../plan.usecases.server.ts';

interface ListBody {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  tasks: PlanTaskDto[];
}

describe('the plan task list, a page at a time', () => {
  let ctx: TestContext;
  const cookies: Record<string, string> = {};
  const get = (path: string, who: string) => ctx.request(path, { headers: { cookie: cookies[who] ?? '' } });
  const api = async (who: string, query = '') => {
    const res = await get(`/api/v1/plan/tasks${query}`, who);
    expect(res.status, query).toBe(200);
    return (await res.json()) as ListBody;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const [who, role, unit] of [
      ['officer', 'department_officer', 'phong-qlvhgd'],
      ['libStaff', 'unit_staff', 'thu-vien-tinh'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Trang ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, unit) });
      cookies[who] = u.cookie;
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  it('answers 10 tasks by default; its pages hold exactly the unpaged list, in plan order, field for field', async () => {
    const officer = await ctx.deps.actors.resolve(new Headers({ cookie: cookies.officer ?? '' }));
    const all = (await listPlanTasks(ctx.deps, officer, {})).map(presentPlanTask);
    const first = await api('officer');
    expect(first).toMatchObject({
      total: all.length,
      page: 1,
      pageSize: 10,
      pages: Math.ceil(all.length / 10),
    });
    expect(first.tasks).toHaveLength(10);
    const paged: PlanTaskDto[] = [];
    for (let p = 1; p <= first.pages; p++) paged.push(...(await api('officer', `?page=${p}`)).tasks);
    expect(paged).toEqual(all);
    expect((await api('officer', '?pageSize=100')).tasks).toEqual(all);
    const beyond = await api('officer', `?page=${first.pages + 1}`);
    expect(beyond).toMatchObject({ total: all.length, tasks: [] });
  });

  it('keeps the filters and the caller’s units while paging, and counts all matches', async () => {
    const staff = await ctx.deps.actors.resolve(new Headers({ cookie: cookies.libStaff ?? '' }));
    for (const [query, filters] of [
      ['', {}],
      ['phase=2025-2030', { phase: '2025-2030' as const }],
      ['year=2027&status=not_started', { year: 2027, status: 'not_started' as const }],
      ['q=thu%20vien', { q: 'thu vien' }],
    ] as const) {
      const expected = (await listPlanTasks(ctx.deps, staff, filters)).map((task) => task.sourceKey);
      const page1 = await api('libStaff', `?${query}&pageSize=3`);
      expect(page1.total, query).toBe(expected.length);
      const keys: Array<string | null> = page1.tasks.map((task) => task.sourceKey);
      for (let p = 2; p <= page1.pages; p++) {
        keys.push(...(await api('libStaff', `?${query}&pageSize=3&page=${p}`)).tasks.map((x) => x.sourceKey));
      }
      expect(keys, query).toEqual(expected);
    }
    // The library's staff never see a task the library neither leads nor coordinates (PL1-II-3).
    expect((await api('libStaff', '?pageSize=100')).tasks.map((x) => x.sourceKey)).not.toContain('PL1-II-3');
  });

  it('refuses a page below 1, a page size over 100 and unknown parameters with problem+json', async () => {
    for (const query of ['?page=0', '?page=abc', '?pageSize=101', '?pageSize=0', '?limit=5']) {
      const res = await get(`/api/v1/plan/tasks${query}`, 'officer');
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/problem+json');
    }
  });

  it('renders numbered page links that keep the filters and name their page, in both languages', async () => {
    const vi = await (await get('/admin/plan/tasks', 'officer')).text();
    const pages = (await api('officer')).pages;
    expect(vi).toContain(`<nav aria-label="${t('vi', 'plan.tasks.pagination')}" class="pagination">`);
    expect(vi).toContain(
      `<a href="/admin/plan/tasks?page=2" aria-label="${t('vi', 'plan.tasks.pageLabel', { page: 2, pages })}">2</a>`,
    );
    expect(vi).toMatch(
      /<a href="\/admin\/plan\/tasks" aria-current="page" aria-label="Trang 1 trên \d+"><strong>1<\/strong><\/a>/,
    );
    expect(vi).toContain(`(nhiệm vụ 1–10, trang 1/${pages})`);

    const en = await (await get('/en/admin/plan/tasks?phase=2025-2030&page=2', 'officer')).text();
    expect(en).toContain(`<nav aria-label="${t('en', 'plan.tasks.pagination')}" class="pagination">`);
    expect(en).toContain('<a href="/en/admin/plan/tasks?phase=2025-2030">Previous page</a>');
    expect(en).toMatch(/aria-current="page" aria-label="Page 2 of \d+"><strong>2<\/strong><\/a>/);
    // The export links carry the filters, never the page: an export is the whole filtered list.
    expect(en).toContain('href="/en/admin/plan/tasks/export/csv?phase=2025-2030"');
  });

  it('says when a page is past the end, and treats a malformed page number as an invalid filter', async () => {
    const past = await get('/admin/plan/tasks?page=99', 'officer');
    expect(past.status).toBe(200);
    expect(await past.text()).toContain(t('vi', 'plan.tasks.pageEmpty'));
    const bad = await get('/en/admin/plan/tasks?page=0', 'officer');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(t('en', 'plan.tasks.invalidFilters'));
  });
});
