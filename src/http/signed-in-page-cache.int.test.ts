// The signed-in page cache (ADR 0013, "Signed-in page cache") on the real app and both databases: the plan
// task list is rendered once per user, path and query, and every change that could alter it counts on the very
// next request — in this process and in another one on the same database (a second app with its own cache,
// as another worker would be). The TTL is a minute here, so only notifications and writes can explain what
// the apps see. A third app with the cache off renders every page, to compare against.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDeps } from '../app/build-deps.server.ts';
import { createApp } from '../app/create-app.server.ts';
import { createLogger } from '../lib/logger.server.ts';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, loadBuild, TEST_ORIGIN, type TestContext, testConfig } from '../test/harness.ts';
import { bothListening, pause, type SecondApp, secondApp, within } from '../test/second-app.ts';

const CACHE = { SIGNED_IN_PAGE_CACHE_TTL_MS: '60000', SESSION_CACHE_TTL_MS: '60000' };
const PAGE = '/admin/plan/tasks';

type Requester = (path: string, cookie: string) => Promise<Response>;

const nonceOf = (res: Response) =>
  /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
/** The page without its per-response values (the CSP nonce), to compare renders. */
const stable = (html: string, nonce: string | undefined) => (nonce ? html.replaceAll(nonce, 'NONCE') : html);

describe('signed-in page cache', () => {
  let ctx: TestContext;
  let other: SecondApp;
  let fresh: Requester;
  let offDeps: ReturnType<typeof buildDeps>;
  let library: string;
  let museum: string;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const here: Requester = (path, cookie) => ctx.request(path, { headers: { cookie } });
  const body = async (res: Response) => stable(await res.text(), nonceOf(res));

  beforeAll(async () => {
    ctx = await createTestContext({ config: CACHE });
    const unit = async (code: string) => (await ctx.deps.repos.units.byCode(ctx.deps.db, code))?.id ?? '';
    library = await unit('thu-vien-tinh');
    museum = await unit('bao-tang-tinh');
    other = await secondApp(ctx, CACHE);
    const build = await loadBuild();
    const off = { SIGNED_IN_PAGE_CACHE_TTL_MS: '0', SESSION_CACHE_TTL_MS: '0' };
    offDeps = buildDeps(testConfig(off), ctx.dbh, createLogger('silent'));
    const offApp = createApp(offDeps, { build });
    fresh = async (path, cookie) => offApp.request(`${TEST_ORIGIN}${path}`, { headers: { cookie } });
    for (const [who, role, unitId] of [
      ['libStaff', 'unit_staff', library],
      ['museumStaff', 'unit_staff', museum],
      ['libStaff2', 'unit_staff', library],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Người ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId });
      cookies[who] = u.cookie;
      ids[who] = u.userId;
    }
    // Both apps listen before the tests start (the cache serves nothing until then), and the grants'
    // notifications have crossed.
    await bothListening(ctx, other);
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await ctx?.close();
  });

  it('renders a page once for the same user and answers it again, equal to a fresh render', async () => {
    const spy = vi.spyOn(ctx.deps.repos.planWorkQueries, 'taskPage');
    try {
      const first = await here(PAGE, cookies.libStaff ?? '');
      expect(first.status).toBe(200);
      const a = await body(first);
      const second = await here(PAGE, cookies.libStaff ?? '');
      expect(second.status).toBe(200);
      expect(await body(second)).toBe(a);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(second.headers.get('cache-control')).toBe('private, no-store');
      expect(second.headers.get('x-suotdoi-page-tables')).toBeNull();
      expect(await body(await fresh(PAGE, cookies.libStaff ?? ''))).toBe(a);
      // Another query is another page.
      await here(`${PAGE}?page=2`, cookies.libStaff ?? '');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives each response its own nonce', async () => {
    const a = await here(PAGE, cookies.libStaff ?? '');
    const b = await here(PAGE, cookies.libStaff ?? '');
    const [na, nb] = [nonceOf(a), nonceOf(b)];
    expect(na && nb && na !== nb).toBe(true);
    const html = await b.text();
    expect(html.includes(na ?? '-')).toBe(false);
    for (const m of html.matchAll(/nonce="([^"]*)"/g)) expect(m[1]).toBe(nb);
  });

  it('never shows one user the page of another, whatever their scopes', async () => {
    const lib = await body(await here(PAGE, cookies.libStaff ?? ''));
    const museumPage = await body(await here(PAGE, cookies.museumStaff ?? ''));
    expect(museumPage).not.toBe(lib);
    expect(museumPage).toBe(await body(await fresh(PAGE, cookies.museumStaff ?? '')));
    // The same scope, another person: their own entry, equal to their own fresh render.
    const spy = vi.spyOn(ctx.deps.repos.planWorkQueries, 'taskPage');
    const lib2 = await body(await here(PAGE, cookies.libStaff2 ?? ''));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(lib2).toBe(await body(await fresh(PAGE, cookies.libStaff2 ?? '')));
  });

  it('shows a task edited by another process on the very next request', async () => {
    const before = await body(await here(PAGE, cookies.libStaff ?? ''));
    await here(PAGE, cookies.libStaff ?? ''); // now surely kept
    const [task] = await ctx.dbh.query<{ id: string; content: string }>(
      `SELECT t.id, t.content FROM plan_tasks t WHERE position(content IN $1) > 0 ORDER BY t.phase, t.number LIMIT 1`,
      [before],
    );
    expect(task).toBeDefined();
    // Another process writes (its own connection on PostgreSQL); this app is asked nothing in between.
    const edited = `${task?.content} (đã sửa ${Date.now()})`;
    await other.dbh.query('UPDATE plan_tasks SET content = $2 WHERE id = $1', [task?.id, edited]);
    const after = await body(await here(PAGE, cookies.libStaff ?? ''));
    expect(after).toContain(edited);
    expect(after).toBe(await body(await fresh(PAGE, cookies.libStaff ?? '')));
  });

  it('takes a revoked grant and a signed-out session into account at once', async () => {
    const u = await signUpAndSignIn(ctx, { name: 'Người bị thu hồi' });
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
    await pause(200);
    expect((await other.request(PAGE, u.cookie)).status).toBe(200);
    expect((await other.request(PAGE, u.cookie)).status).toBe(200);
    await ctx.dbh.query('UPDATE role_grants SET revoked_at = now() WHERE user_id = $1', [u.userId]);
    // Who the session is comes from the session cache, told by the same notification: milliseconds here.
    expect(await within(1_000, async () => (await other.request(PAGE, u.cookie)).status === 403)).toBe(true);
    // Signed out through this app: refused here at once, and in the other app on its next request.
    const v = await signUpAndSignIn(ctx, { name: 'Người đăng xuất' });
    await grantRoleAsSystem(ctx.deps, { userId: v.userId, role: 'unit_staff', unitId: library });
    await pause(200);
    expect((await here(PAGE, v.cookie)).status).toBe(200);
    expect((await here(PAGE, v.cookie)).status).toBe(200);
    expect((await other.request(PAGE, v.cookie)).status).toBe(200);
    const out = await ctx.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: v.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await here(PAGE, v.cookie)).status).toBe(302);
    expect(await within(1_000, async () => (await other.request(PAGE, v.cookie)).status === 302)).toBe(true);
  });

  it('is off when its TTL is 0', async () => {
    const spy = vi.spyOn(offDeps.repos.planWorkQueries, 'taskPage');
    try {
      for (let i = 0; i < 2; i++) expect((await fresh(PAGE, cookies.libStaff ?? '')).status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
