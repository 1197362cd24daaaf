// The signed-in page cache's rules on a stub app and a fake notification channel (the real app and both
// databases: signed-in-page-cache.int.test.ts).
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.types.ts';
import type { Actor, Grant } from '../lib/authz.ts';
import { forgetOnWrite } from '../lib/notified-cache.server.ts';
import type { HonoEnv } from './env.ts';
import { createSignedInPageCache, PAGE_DATA_CHANNEL } from './signed-in-page-cache.server.ts';

type Listener = { onMessage(p: string): void; onState(on: boolean): void };

function user(userId: string, grants: Grant[] = [{ role: 'unit_staff', unitId: 'lib' }], extra = {}): Actor {
  return {
    kind: 'user',
    userId,
    email: `${userId}@example.vn`,
    name: userId,
    grants,
    inSubtree: () => false,
    twoFactorEnabled: true,
    staffMfaRequired: false,
    sessionId: `s-${userId}`,
    ...extra,
  };
}

function setup(ttl = 60_000) {
  const listeners = new Map<string, Listener>();
  const deps = {
    config: { signedInPageCacheTtlMs: ttl },
    now: () => new Date('2026-12-06T10:00:00Z'),
    logger: { warn: () => undefined },
    dbh: {
      listen: async (channel: string, on: Listener) => {
        listeners.set(channel, on);
        on.onState(true);
        return async () => undefined;
      },
      // One process: every notification is handed over when sent (a test calls the listener directly).
      caughtUp: () => Promise.resolve(),
    },
  } as unknown as Pick<AppDeps, 'config' | 'dbh' | 'logger' | 'now'>;
  const cache = createSignedInPageCache(deps);
  const app = new Hono<HonoEnv>();
  let renders = 0;
  let nonces = 0;
  let actor: Actor = user('a');
  /** Runs during the next render (a notification arriving while a page renders). */
  let duringRender: (() => void) | undefined;
  app.use('*', async (c, next) => {
    c.set('nonce', `nonce${++nonces}AAAA`);
    c.set('actor', actor);
    return next();
  });
  app.use('*', forgetOnWrite(new Set([cache])));
  app.post('/write', (c) => c.text('ok'));
  app.all('*', cache.middleware, async (c) => {
    renders++;
    duringRender?.();
    duringRender = undefined;
    const path = c.req.path;
    const tables = path === '/units' ? 'units' : 'plan_tasks,units';
    const headers = { 'x-suotdoi-page-tables': tables, 'content-type': 'text/html; charset=utf-8' };
    if (path === '/undeclared') return c.html('<p>not declared</p>');
    if (path === '/form') return new Response(`<input name="formToken" value="ftk_${renders}">`, { headers });
    if (path === '/cookie') return new Response('<p>c</p>', { headers: { ...headers, 'set-cookie': 'a=b' } });
    const who = actor.kind === 'user' ? actor.userId : '-';
    return new Response(`<link nonce="${c.get('nonce')}"><p>${who} ${path} ${renders}</p>`, { headers });
  });
  return {
    app,
    cache,
    renders: () => renders,
    as: (a: Actor) => {
      actor = a;
    },
    notify: (channel: string, payload: string) => listeners.get(channel)?.onMessage(payload),
    drop: (channel: string) => listeners.get(channel)?.onState(false),
    during: (fn: () => void) => {
      duringRender = fn;
    },
  };
}

describe('signed-in page cache', () => {
  it('renders once per user, path and query, with a fresh nonce and private caching', async () => {
    const s = setup();
    const first = await (await s.app.request('/p')).text();
    const second = await s.app.request('/p');
    expect(await second.text()).toBe(first.replace('nonce1AAAA', 'nonce2AAAA'));
    expect(second.headers.get('cache-control')).toBe('private, no-store');
    expect(second.headers.get('x-suotdoi-page-tables')).toBeNull();
    expect(s.renders()).toBe(1);
    await s.app.request('/p?page=2');
    s.as(user('b'));
    expect(await (await s.app.request('/p')).text()).toContain('<p>b /p');
    expect(s.renders()).toBe(3);
  });

  it('keys on everything of the actor a guard reads: grants, two-step state', async () => {
    const s = setup();
    await s.app.request('/p');
    s.as(user('a', [{ role: 'unit_staff', unitId: 'museum' }]));
    await s.app.request('/p');
    s.as(user('a', undefined, { twoFactorEnabled: false, staffMfaRequired: true }));
    await s.app.request('/p');
    expect(s.renders()).toBe(3);
    s.as({ kind: 'anonymous' });
    await s.app.request('/p');
    await s.app.request('/p');
    expect(s.renders()).toBe(5);
  });

  it('keeps only declared 200 HTML pages without a form token or a cookie, and strips the marker', async () => {
    const s = setup();
    for (const path of ['/undeclared', '/form', '/cookie']) {
      await s.app.request(path);
      const res = await s.app.request(path);
      expect(res.headers.get('x-suotdoi-page-tables')).toBeNull();
    }
    expect(s.renders()).toBe(6);
    expect(s.cache.size()).toBe(0);
  });

  it('forgets the pages that read a table named by the notification, and only those', async () => {
    const s = setup();
    await s.app.request('/p');
    await s.app.request('/units');
    s.notify(PAGE_DATA_CHANNEL, 'plan_tasks');
    expect(s.cache.size()).toBe(1);
    s.notify(PAGE_DATA_CHANNEL, 'units');
    expect(s.cache.size()).toBe(0);
  });

  it("forgets an account's pages on actor_changed, and all of them on '*'", async () => {
    const s = setup();
    await s.app.request('/p');
    s.as(user('b'));
    await s.app.request('/p');
    s.notify('actor_changed', 'a');
    expect(s.cache.size()).toBe(1);
    s.notify('actor_changed', '*');
    expect(s.cache.size()).toBe(0);
  });

  it('empties on any write through this process, and keeps no render that raced a change', async () => {
    const s = setup();
    await s.app.request('/p');
    await s.app.request('/write', { method: 'POST' });
    expect(s.cache.size()).toBe(0);
    s.during(() => s.notify(PAGE_DATA_CHANNEL, 'plan_tasks'));
    await s.app.request('/p');
    expect(s.cache.size()).toBe(0);
    await s.app.request('/p');
    expect(s.cache.size()).toBe(1);
  });

  it('serves and keeps nothing while a channel is not listening', async () => {
    const s = setup();
    await s.app.request('/p');
    s.drop('actor_changed');
    await s.app.request('/p');
    await s.app.request('/p');
    expect(s.renders()).toBe(3);
    expect(s.cache.size()).toBe(0);
  });

  it('is off with a TTL of 0', async () => {
    const s = setup(0);
    await s.app.request('/p');
    const res = await s.app.request('/p');
    expect(s.renders()).toBe(2);
    expect(res.headers.get('x-suotdoi-page-tables')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });
});
