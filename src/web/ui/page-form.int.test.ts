// Every page action, found in the route manifest of the build (new pages are covered without editing this
// file), answers a body that is not a form — JSON, plain text, broken multipart — with a 4xx and a clear
// message, never a 500: for an anonymous visitor and for a signed-in administrator who passes every guard.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../../modules/access/access.grants.server.ts';
import { unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, loadBuild, TEST_ORIGIN, type TestContext } from '../../test/harness.ts';

/** A well-formed dummy for a path parameter, as the route-auth test does. */
function fillPath(path: string): string {
  return path
    .split('/')
    .map((seg) => {
      if (seg === ':lang?') return '';
      if (!seg.startsWith(':')) return seg;
      const name = seg.replace(/^:/, '').replace(/\?$/, '');
      return `${name.replace(/Id$/, '').toLowerCase().slice(0, 5) || 'x'}_aaaaaaaaaaaaaaaa`;
    })
    .join('/')
    .replace(/\/+/g, '/');
}

async function actionPaths(): Promise<Array<{ id: string; path: string }>> {
  const build = await loadBuild();
  const routes = build.routes as Record<
    string,
    { id: string; parentId?: string; path?: string; index?: boolean; module: { action?: unknown } }
  >;
  const fullPath = (id: string): string => {
    const r = routes[id];
    if (!r) return '';
    return [r.parentId ? fullPath(r.parentId) : '', r.path ?? ''].filter(Boolean).join('/');
  };
  return (
    Object.values(routes)
      .filter((r) => typeof r.module.action === 'function')
      .map((r) => ({ id: r.id, path: fillPath(`/${fullPath(r.id)}`) || '/' }))
      // Signing out last: should it ever act on a bad body, the other actions still see a signed-in visitor.
      .sort((a, b) => Number(a.id === 'auth/pages/sign-out') - Number(b.id === 'auth/pages/sign-out'))
  );
}

const BAD_BODIES: Array<{ name: string; headers: Record<string, string>; body: string }> = [
  { name: 'JSON', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.vn"}' },
  { name: 'plain text', headers: { 'content-type': 'text/plain' }, body: 'email=a@b.vn' },
  {
    name: 'broken multipart',
    headers: { 'content-type': 'multipart/form-data; boundary=----x' },
    body: '------y\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n',
  },
  { name: 'multipart without boundary', headers: { 'content-type': 'multipart/form-data' }, body: 'a=b' },
  { name: 'no content type', headers: {}, body: 'a=b' },
];

let ctx: TestContext;
let adminCookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await signUpAndSignIn(ctx, { name: 'Quản Trị Viên' });
  await grantRoleAsSystem(ctx.deps, {
    userId: admin.userId,
    role: 'administrator',
    unitId: await unitIdOf(ctx, 'so-vhttdl'),
  });
  adminCookie = admin.cookie;
}, 120_000);
afterAll(() => ctx.close());

describe('page actions and bodies that are not forms', () => {
  it('finds the page actions in the route manifest', async () => {
    const ids = (await actionPaths()).map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(['auth/pages/sign-in', 'events/pages/detail', 'units/admin/units']),
    );
  });

  for (const who of ['anonymous', 'administrator'] as const) {
    it(`answers every page action with 400 or 415, never a 5xx (${who})`, async () => {
      const failures: string[] = [];
      for (const route of await actionPaths()) {
        for (const bad of BAD_BODIES) {
          const headers: Record<string, string> = { ...bad.headers };
          if (who === 'administrator') headers.cookie = adminCookie;
          const res = await ctx.request(route.path, {
            method: 'POST',
            headers,
            body: bad.body,
            redirect: 'manual',
          });
          await res.arrayBuffer();
          // An anonymous visitor may be sent to sign in before a guarded action reads anything; an
          // administrator passes every guard, so the body itself is refused: 415 (not a form) or 400 (broken).
          const signInFirst = who === 'anonymous' && res.status === 302;
          const expected = who === 'administrator' ? [400, 415] : [400, 401, 403, 404, 415, 422];
          if (!signInFirst && !expected.includes(res.status))
            failures.push(`${route.path} (${route.id}) ${bad.name}: ${res.status}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }

  it('says what was wrong: 415 for a JSON body, 400 for a broken form', async () => {
    const json = await ctx.request('/sign-in', {
      method: 'POST',
      headers: BAD_BODIES[0]!.headers,
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('application/x-www-form-urlencoded');
    const broken = await ctx.request('/sign-in', {
      method: 'POST',
      headers: BAD_BODIES[2]!.headers,
      body: BAD_BODIES[2]!.body,
    });
    expect(broken.status).toBe(400);
  });

  it('still takes a bare POST with neither type nor body (sign-out from a script), over a real listener', async () => {
    const reader = await signUpAndSignIn(ctx);
    const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/sign-out`, {
        method: 'POST',
        headers: { origin: TEST_ORIGIN, cookie: reader.cookie },
        redirect: 'manual',
      });
      expect(res.status).toBe(302);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
