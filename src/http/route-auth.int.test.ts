// Every registered API route and page must refuse an anonymous visitor (401 / redirect to sign-in) unless it
// is on the explicit public list. New routes are picked up automatically: forgetting a guard fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loadBuild, type TestContext } from '../test/harness.ts';
import { isPublicApi, PUBLIC_PAGES } from './public-routes.server.ts';

/** A well-formed dummy for a path parameter: prefixed ids look real so validation cannot answer first. */
function dummy(param: string): string {
  const name = param.replace(/^:/, '').replace(/\?$/, '');
  const prefix = name.replace(/Id$/, '').toLowerCase().slice(0, 5) || 'x';
  return `${prefix}_aaaaaaaaaaaaaaaa`;
}

function fillPath(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? dummy(seg) : seg === '*' ? 'anything' : seg))
    .join('/');
}

interface PageRoute {
  id: string;
  path: string;
}

async function pageRoutes(): Promise<PageRoute[]> {
  const build = await loadBuild();
  const routes = build.routes as Record<
    string,
    { id: string; parentId?: string; path?: string; index?: boolean }
  >;
  const fullPath = (id: string): string => {
    const r = routes[id];
    if (!r) return '';
    const parent = r.parentId ? fullPath(r.parentId) : '';
    return [parent, r.path ?? ''].filter(Boolean).join('/');
  };
  return (
    Object.values(routes)
      // Pathless layouts cannot be requested on their own; their children are.
      .filter((r) => r.id !== 'root' && (r.path !== undefined || r.index))
      .map((r) => ({ id: r.id, path: `/${fullPath(r.id)}` }))
  );
}

describe('route authorisation for anonymous visitors', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('denies every non-public API route with 401 problem+json', async () => {
    const routes = ctx.app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
    expect(routes.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const r of routes) {
      const path = fillPath(r.path);
      const init: RequestInit = { method: r.method };
      if (r.method !== 'GET' && r.method !== 'HEAD') {
        init.body = '{}';
        init.headers = { 'content-type': 'application/json' };
      }
      const res = await ctx.request(path, init);
      if (isPublicApi(r.method, path)) {
        if (res.status === 401 || res.status === 403)
          failures.push(`${r.method} ${r.path} public but ${res.status}`);
      } else if (res.status !== 401) {
        failures.push(`${r.method} ${r.path} answered ${res.status} to an anonymous visitor`);
      } else {
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect(failures).toEqual([]);
  });

  it('redirects every non-public page to sign-in, in both languages', async () => {
    const pages = await pageRoutes();
    expect(pages.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const page of pages) {
      for (const lang of ['', 'en']) {
        const path = fillPath(page.path.replace(':lang?', lang)).replace(/\/+/g, '/');
        const res = await ctx.request(path, { redirect: 'manual' });
        const location = res.headers.get('location') ?? '';
        const toSignIn = res.status === 302 && /^\/(en\/)?sign-in\?next=/.test(location);
        if (PUBLIC_PAGES.includes(page.id)) {
          if (toSignIn || res.status === 401 || res.status === 403)
            failures.push(`${page.id} ${path} public but ${res.status}`);
        } else if (!toSignIn) {
          failures.push(`${page.id} ${path} answered ${res.status} ${location}`);
        } else if (lang === 'en') {
          expect(location.startsWith('/en/sign-in')).toBe(true);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
