// GET /api/v1/plan/tasks answered from a process's memory (ADR 0013, "plan task API"): read once per question,
// told apart by the caller's scope, still authorised on every request, and forgotten at once — in another
// process by the `page_data_changed` notification naming one of its tables (migration 0204), in the writing process by its own write
// request. The TTL is a minute here, so only the notification or the write can explain a fresh answer.
// Also the weak ETag: If-None-Match answers 304 without a body while nothing changed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { bothListening, type SecondApp, secondApp, within } from '../../../test/second-app.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';

const TTL = { API_CACHE_TTL_MS: '60000' };
const TASKS = '/api/v1/plan/tasks?pageSize=100';

type Get = (path: string, cookie: string, headers?: Record<string, string>) => Promise<Response>;

describe('plan task answers kept per process', () => {
  let ctx: TestContext;
  let other: SecondApp;
  const cookies: Record<string, string> = {};
  const get: Get = (path, cookie, headers = {}) => ctx.request(path, { headers: { cookie, ...headers } });
  const contents = async (res: Response) =>
    ((await res.json()) as { tasks: Array<{ id: string; content: string }> }).tasks;

  beforeAll(async () => {
    ctx = await createTestContext({ config: TTL });
    for (const [who, role, unit] of [
      ['officer', 'department_officer', 'phong-qlvhgd'],
      ['libStaff', 'unit_staff', 'thu-vien-tinh'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Bộ nhớ ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, unit) });
      cookies[who] = u.cookie;
    }
    other = await secondApp(ctx, TTL);
    await bothListening(ctx, other, TASKS, cookies.officer ?? '');
  }, 180_000);
  afterAll(async () => {
    await other?.close();
    await ctx?.close();
  });

  it('reads a question once, keeps the answer apart per scope, and still authorises every request', async () => {
    // A question no earlier request asked (the apps share one PGlite handle, hence one cache, in-process).
    const FRESH = `${TASKS}&phase=2023-2025`;
    const spy = vi.spyOn(ctx.deps.repos.planWorkQueries, 'taskPageJson');
    try {
      const a = await (await get(FRESH, cookies.officer ?? '')).text();
      expect(await (await get(FRESH, cookies.officer ?? '')).text()).toBe(a);
      expect(spy).toHaveBeenCalledTimes(1);
      const scoped = await (await get(FRESH, cookies.libStaff ?? '')).text();
      expect(scoped).not.toBe(a);
      expect(spy).toHaveBeenCalledTimes(2);
      expect((await get(`${FRESH}&page=2`, cookies.officer ?? '')).status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
    expect((await get(TASKS, '')).status).toBe(401);
    const nobody = await signUpAndSignIn(ctx, { name: 'Không có quyền' });
    expect((await get(TASKS, nobody.cookie)).status).toBe(403);
  });

  it('answers 304 without a body to If-None-Match while nothing changed, 200 after a change', async () => {
    const first = await get(TASKS, cookies.officer ?? '');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await get(TASKS, cookies.officer ?? '', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(
      (await get(TASKS, cookies.officer ?? '', { 'if-none-match': `"x", ${etag.slice(2)}` })).status,
    ).toBe(304);
    expect((await get(TASKS, cookies.officer ?? '', { 'if-none-match': '"other"' })).status).toBe(200);
    // Another caller with another scope has another answer: the officer's tag does not match it.
    expect((await get(TASKS, cookies.libStaff ?? '', { 'if-none-match': etag })).status).toBe(200);
  });

  it('shows a change made by SQL in another process at once (notification), with a new ETag', async () => {
    const before = await other.request(TASKS, cookies.officer ?? '');
    const etag = before.headers.get('etag') ?? '';
    const [task] = await contents(before);
    if (!task) throw new Error('no task');
    await ctx.deps.db.execute(sql`UPDATE plan_tasks SET content = content || ' (sửa)' WHERE id = ${task.id}`);
    const seen = await within(1_000, async () => {
      const res = await other.request(TASKS, cookies.officer ?? '', { 'if-none-match': etag });
      return res.status === 200 && (await contents(res))[0]?.content === `${task.content} (sửa)`;
    });
    expect(seen).toBe(true);
    // A unit renamed (the unit tree is part of every answer) counts too.
    await ctx.deps.db.execute(sql`UPDATE units SET name = name || ' mới' WHERE code = 'thu-vien-tinh'`);
    expect(
      await within(1_000, async () =>
        (await (await other.request(TASKS, cookies.officer ?? '')).text()).includes(' mới"'),
      ),
    ).toBe(true);
  });

  it('forgets in the writing process on its own write request, without waiting for the notification', async () => {
    await get(TASKS, cookies.officer ?? '');
    const spy = vi.spyOn(ctx.deps.repos.planWorkQueries, 'taskPageJson');
    try {
      await get(TASKS, cookies.officer ?? '');
      expect(spy).toHaveBeenCalledTimes(0);
      // Any write request (here one the API refuses) forgets this process's answers.
      await ctx.request('/api/v1/plan/tasks', { method: 'POST', headers: { cookie: cookies.officer ?? '' } });
      await get(TASKS, cookies.officer ?? '');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
