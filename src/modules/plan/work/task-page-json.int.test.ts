// GET /api/v1/plan/tasks as JSON text built by PostgreSQL (issue 17): byte for byte the document the JS path
// built (`c.json` of the presented page), across filters, pages, a scoped user and awkward text and dates.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { presentPlanTask } from '../plan.presenters.ts';
import type { PlanTaskQuery } from '../plan.schemas.server.ts';
import { listPlanTaskPage, planTaskPageJson } from './task-page.usecases.server.ts';
import { emptyTaskPageJson } from './task-page-json.repository.server.ts';

// Decomposed Vietnamese (combining marks), quotes, backslashes, newlines, tabs, control characters, a line
// separator, an astral character, and markup that must pass through unescaped exactly as JSON.stringify does.
const AWKWARD = [
  'Thu\u0301 vie\u0323\u0302n tỉnh — “Đọc sách” \'nháy\' "kép"',
  'C:\\đường\\dẫn\\ và \\u0041 không phải escape',
  'dòng 1\ndòng 2\r\ndòng 3\ttab',
  '</script><script>alert("x")</script> & <b>',
  'điều khiển \u0001\u001f\u007f, \u2028\u2029, 📚 ngoài BMP',
];

describe('the task page as JSON built by PostgreSQL', () => {
  let ctx: TestContext;
  let officer: Actor;
  let libStaff: Actor;

  /** The JS-built answer as the route wrote it before, and the new text, for the same question. */
  async function both(
    actor: Actor,
    filters: PlanTaskQuery,
    paging: { page?: number; pageSize?: number },
    now: Date,
  ) {
    const deps = { ...ctx.deps, now: () => now };
    const list = await listPlanTaskPage(deps, actor, filters, paging);
    const old = JSON.stringify({
      total: list.total,
      page: list.page,
      pageSize: list.pageSize,
      pages: list.pages,
      tasks: list.tasks.map(presentPlanTask),
    });
    return { old, text: (await planTaskPageJson(deps, actor, filters, paging)).body.toString('utf8'), list };
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await actorOn(ctx, 'department_officer', 'phong-qlvhgd');
    libStaff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const lib = await unitIdOf(ctx, 'thu-vien-tinh');
    const dept = await unitIdOf(ctx, 'phong-qlvhgd');
    // Five tasks of our own at the front of section I of 2023-2025 (numbers 900+ sort after the seeded ones).
    const times = [
      ['range', 2026, 2027],
      ['year', 2026, 2026],
      ['yearly', null, null],
      ['unspecified', null, null],
      ['range', 2023, 2030],
    ] as const;
    for (const [n, text] of AWKWARD.entries()) {
      const id = `task_json_${n}`;
      const [kind, from, to] = times[n] ?? ['unspecified', null, null];
      await ctx.deps.db.execute(sql`INSERT INTO plan_tasks (id, source_key, origin, phase, section, section_title,
          number, content, product, lead_units_text, coordinating_units_text, lead_groups, coordinating_groups,
          time_text, time_kind, time_from, time_to)
        VALUES (${id}, ${n % 2 ? null : `JSON-${n}`}, ${n % 2 ? 'added' : 'source'}, '2023-2025', 'I',
          ${`Mục ${text}`}, ${900 + n}, ${text}, ${`Sản phẩm: ${text}`}, ${`Chủ trì: ${text}`}, '',
          ${sql.param(n === 0 ? [] : [text, 'Nhóm "B"'])}::text[], ${sql.param(n === 1 ? ['\\'] : [])}::text[],
          ${text}, ${kind}, ${from}, ${to})`);
      if (n !== 3) {
        await ctx.deps.db.execute(sql`INSERT INTO plan_task_units (task_id, unit_id, role, position)
          VALUES (${id}, ${lib}, 'lead', 0), (${id}, ${dept}, 'coordinating', 1)`);
      }
      if (n === 2) {
        await ctx.deps.db.execute(
          sql`INSERT INTO plan_task_units (task_id, unit_id, role, position) VALUES (${id}, ${dept}, 'lead', 1)`,
        );
      }
      // Month and year edges; one instance without a due date; year_inferred both ways.
      const dues = [
        [2026, '2026-12-31', 'in_progress', false],
        [2027, '2027-01-01', 'not_started', true],
        [2028, '2028-02-29', 'done', false],
        [2025, null, 'not_started', false],
      ] as const;
      for (const [year, due, status, inferred] of dues.slice(0, n + 1)) {
        await ctx.deps.db.execute(sql`INSERT INTO plan_task_instances (id, task_id, year, due_date, status, year_inferred)
          VALUES (${`${id}_${year}`}, ${id}, ${year}, ${due}::date, ${status}, ${inferred})`);
        if (due === null) {
          await ctx.deps.db.execute(
            sql`UPDATE plan_task_instances SET due_date = NULL WHERE id = ${`${id}_${year}`}`,
          );
        }
      }
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  // 00:30 on 1 January 2027 in Ho Chi Minh City is still 31 December 2026 in UTC: "overdue" takes Vietnam's day.
  const newYear = new Date('2026-12-31T17:30:00Z');
  const lastDay = new Date('2026-12-31T16:59:00Z');

  it('is the JS-built answer byte for byte, for every filter, page and size, for an officer and a scoped user', async () => {
    const filters: PlanTaskQuery[] = [
      {},
      { phase: '2023-2025' },
      { phase: '2025-2030', section: 'II' },
      { section: 'I' },
      { unit: 'thu-vien-tinh' },
      { unit: 'phong-qlvhgd' },
      { year: 2027, status: 'not_started' },
      { year: 2026 },
      { status: 'done' },
      { overdue: true },
      { q: 'script' },
      { q: 'thu vien' },
      { q: 'Thư viện' },
      { q: '\\' },
      { q: 'không có nhiệm vụ nào như thế này' },
    ];
    let compared = 0;
    for (const actor of [officer, libStaff]) {
      for (const f of filters) {
        for (const pageSize of [undefined, 3, 7, 100]) {
          const first = await both(actor, f, { pageSize }, newYear);
          expect(first.text, JSON.stringify(f)).toBe(first.old);
          for (let page = 2; page <= first.list.pages + 1; page++) {
            const { old, text } = await both(actor, f, { page, pageSize }, newYear);
            expect(text, `${JSON.stringify(f)} page ${page} of ${pageSize}`).toBe(old);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('carries the awkward text and the date edges through, and parses to the same keys in the same order', async () => {
    const { old, text } = await both(
      officer,
      { section: 'I', phase: '2023-2025' },
      { pageSize: 100 },
      newYear,
    );
    expect(text).toBe(old);
    const doc = JSON.parse(text) as { tasks: Array<Record<string, unknown>> };
    expect(Object.keys(doc)).toEqual(['total', 'page', 'pageSize', 'pages', 'tasks']);
    const ours = doc.tasks.filter((t) => String(t.id).startsWith('task_json_'));
    expect(ours.map((t) => t.content)).toEqual(AWKWARD);
    expect(Object.keys(ours[0] ?? {})).toEqual(Object.keys(presentPlanTask((await listOne()) as never)));
    expect(ours.map((t) => t.sourceKey)).toEqual(['JSON-0', null, 'JSON-2', null, 'JSON-4']);
    expect(ours.map((t) => t.time)).toEqual([
      { kind: 'range', from: 2026, to: 2027 },
      { kind: 'year', year: 2026 },
      { kind: 'yearly' },
      { kind: 'unspecified' },
      { kind: 'range', from: 2023, to: 2030 },
    ]);
    expect((ours[3]?.instances as unknown[] | undefined)?.[0]).toEqual({
      id: 'task_json_3_2025',
      year: 2025,
      dueDate: null,
      status: 'not_started',
      yearInferred: false,
    });
    expect(text).toContain('"dueDate":"2026-12-31"');
    expect(text).toContain('</script><script>alert(\\"x\\")</script>');
    expect(text).toContain('Thu\u0301 vie\u0323\u0302n');
    expect(text).toContain('\\u0001\\u001f\u007f');
  });

  async function listOne() {
    return (await listPlanTaskPage(ctx.deps, officer, {}, { pageSize: 1 })).tasks[0];
  }

  it('takes Vietnam’s day for "overdue": the instance due 31 December is overdue from 00:00 on 1 January there', async () => {
    const before = await both(
      officer,
      { overdue: true, section: 'I', phase: '2023-2025' },
      { pageSize: 100 },
      lastDay,
    );
    const after = await both(
      officer,
      { overdue: true, section: 'I', phase: '2023-2025' },
      { pageSize: 100 },
      newYear,
    );
    expect(before.text).toBe(before.old);
    expect(after.text).toBe(after.old);
    const ids = (t: string) => (JSON.parse(t) as { tasks: Array<{ id: string }> }).tasks.map((x) => x.id);
    expect(ids(before.text)).not.toContain('task_json_0');
    expect(ids(after.text)).toContain('task_json_0');
  });

  it('answers an empty scope as the JS path did, without a statement', () => {
    for (const [page, pageSize] of [
      [1, 10],
      [3, 100],
    ] as const) {
      expect(emptyTaskPageJson(page, pageSize)).toBe(
        JSON.stringify({ total: 0, page, pageSize, pages: Math.max(1, Math.ceil(0 / pageSize)), tasks: [] }),
      );
    }
  });

  it('is what the route writes, as application/json, refused to anonymous callers as before', async () => {
    const { signUpAndSignIn } = await import('../../../test/auth-helpers.ts');
    const { grantRoleAsSystem } = await import('../../access/access.grants.server.ts');
    const u = await signUpAndSignIn(ctx, { name: 'Trang json' });
    await grantRoleAsSystem(ctx.deps, {
      userId: u.userId,
      role: 'unit_staff',
      unitId: await unitIdOf(ctx, 'thu-vien-tinh'),
    });
    const res = await ctx.request('/api/v1/plan/tasks?pageSize=7&page=2&q=thu%20vien', {
      headers: { cookie: u.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const actor = await ctx.deps.actors.resolve(new Headers({ cookie: u.cookie }));
    const { old } = await both(actor, { q: 'thu vien' }, { page: 2, pageSize: 7 }, ctx.deps.now());
    expect(await res.text()).toBe(old);
    expect((await ctx.request('/api/v1/plan/tasks')).status).toBe(401);
  });
});
