// Three apps on one test database, for tests that try to make the per-process caches (ADR 0013: signed-in
// pages, the plan task API's answers, sessions, public pages) answer what they must not:
// - `here`: every cache on, with TTLs of a minute, so only a notification or a write can explain a change;
// - `other`: the same, with its own caches and (on PostgreSQL) its own connections, as another worker would be;
// - `fresh`: every cache off: what a fresh render or read answers to the very same request (the oracle).
import { buildDeps } from '../app/build-deps.server.ts';
import { createApp } from '../app/create-app.server.ts';
import type { AppDeps } from '../app/deps.types.ts';
import type { DbHandle } from '../db/client.server.ts';
import { createLogger } from '../lib/logger.server.ts';
import { createTestContext, loadBuild, TEST_ORIGIN, type TestContext, testConfig } from './harness.ts';
import { secondHandle } from './second-app.ts';

export const CACHES_ON = {
  SIGNED_IN_PAGE_CACHE_TTL_MS: '60000',
  SESSION_CACHE_TTL_MS: '60000',
  API_CACHE_TTL_MS: '60000',
  PAGE_CACHE_TTL_MS: '60000',
};
const CACHES_OFF = {
  SIGNED_IN_PAGE_CACHE_TTL_MS: '0',
  SESSION_CACHE_TTL_MS: '0',
  API_CACHE_TTL_MS: '0',
  PAGE_CACHE_TTL_MS: '0',
};

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export interface CacheApps {
  ctx: TestContext;
  here: Send;
  other: { send: Send; dbh: DbHandle; deps: AppDeps };
  fresh: { send: Send; deps: AppDeps };
  close: () => Promise<void>;
}

function sender(app: ReturnType<typeof createApp>): Send {
  return async (path, init = {}) => {
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) headers.set('origin', TEST_ORIGIN);
    return app.request(`${TEST_ORIGIN}${path}`, { redirect: 'manual', ...init, headers });
  };
}

/**
 * The oracle keeps nothing between requests either: the grants (5 s) and settings (10 s) its repositories keep
 * in memory are forgotten before each request, since with its session cache off no notification tells them.
 */
function freshSender(app: ReturnType<typeof createApp>, deps: AppDeps): Send {
  const send = sender(app);
  return (path, init) => {
    deps.repos.access.forgetActor();
    deps.repos.settings.forgetCached();
    return send(path, init);
  };
}

export async function openCacheApps(): Promise<CacheApps> {
  const ctx = await createTestContext({ config: CACHES_ON });
  const dbh = await secondHandle(ctx);
  const build = await loadBuild();
  const otherDeps = buildDeps(testConfig(CACHES_ON), dbh, createLogger('silent'));
  const freshDeps = buildDeps(testConfig(CACHES_OFF), ctx.dbh, createLogger('silent'));
  const apps: CacheApps = {
    ctx,
    here: sender(ctx.app),
    other: { send: sender(createApp(otherDeps, { build })), dbh, deps: otherDeps },
    fresh: { send: freshSender(createApp(freshDeps, { build }), freshDeps), deps: freshDeps },
    close: async () => {
      if (dbh !== ctx.dbh) await dbh.close();
      await ctx.close();
    },
  };
  // Every listening cache serves nothing until its channels listen: let them start.
  await apps.here('/');
  await apps.other.send('/');
  await new Promise((r) => setTimeout(r, 300));
  return apps;
}

export { within } from './second-app.ts';

/** The CSP nonce this answer's header allows. */
export const nonceOf = (res: Response) =>
  /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

/** Status, redirect target and the page with its per-response values (CSP nonce, request id) blanked. */
export async function stableAnswer(res: Response): Promise<string> {
  const nonce = nonceOf(res);
  const requestId = res.headers.get('x-request-id');
  let body = await res.text();
  if (nonce) body = body.replaceAll(nonce, 'NONCE');
  if (requestId) body = body.replaceAll(requestId, 'REQUEST-ID');
  // A page with a one-time form token is never kept (the tests of the tokens look at them directly).
  body = body.replaceAll(/ftk_[\w-]+/g, 'FORM-TOKEN');
  return `${res.status} ${res.headers.get('location') ?? ''}\n${body}`;
}
