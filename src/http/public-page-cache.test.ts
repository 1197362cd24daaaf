import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { forgetOnWrite } from '../lib/notified-cache.server.ts';
import type { HonoEnv } from './env.ts';
import { createPublicPageCache, PAGE_CACHE_MAX_ENTRIES } from './public-page-cache.server.ts';

function appWith(ttlMs: number, clock = { t: 0 }) {
  const cache = createPublicPageCache(ttlMs, () => clock.t);
  const app = new Hono<HonoEnv>();
  let renders = 0;
  let nonces = 0;
  app.use('*', async (c, next) => {
    c.set('nonce', `nonce${++nonces}AAAA`);
    return next();
  });
  app.use('*', forgetOnWrite(new Set([cache])));
  app.post('/write', (c) => c.text('ok'));
  app.all('*', cache.middleware, (c) => {
    renders++;
    const nonce = c.get('nonce');
    const path = c.req.path;
    if (path === '/form') return c.html(`<form><input name="formToken" value="ftk_${renders}"></form>`);
    if (path === '/cookie') {
      c.header('Set-Cookie', 'a=b');
      return c.html('<p>cookie</p>');
    }
    if (path === '/private') {
      c.header('Cache-Control', 'private');
      return c.html('<p>private</p>');
    }
    if (path === '/missing') return c.html('<p>not here</p>', 404);
    if (path === '/json') return c.json({ renders });
    return c.html(`<link nonce="${nonce}"><p>${path}${c.req.query('q') ?? ''} render ${renders}</p>`);
  });
  return { app, cache, renders: () => renders };
}

describe('public page cache', () => {
  it('answers a repeated anonymous GET from memory, with this request’s nonce', async () => {
    const { app, renders } = appWith(5000);
    const first = await (await app.request('/')).text();
    const second = await app.request('/');
    const body = await second.text();
    expect(renders()).toBe(1);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).toBe(first.replace('nonce1AAAA', 'nonce2AAAA'));
    // The query and the language prefix are part of the key.
    await app.request('/?q=x');
    await app.request('/en');
    expect(renders()).toBe(3);
  });

  it('never serves or keeps a page for a visitor with a cookie or credentials', async () => {
    const { app, renders } = appWith(5000);
    await app.request('/', { headers: { cookie: 'sd.session_token=x' } });
    await app.request('/', { headers: { cookie: 'sd.session_token=x' } });
    await app.request('/', { headers: { authorization: 'Bearer x' } });
    expect(renders()).toBe(3);
    await app.request('/');
    await app.request('/', { headers: { cookie: 'other=1' } });
    expect(renders()).toBe(5);
  });

  it('keeps no page with a form token, a cookie, a private mark, an error status or another type', async () => {
    const { app, renders, cache } = appWith(5000);
    for (const path of ['/form', '/cookie', '/private', '/missing', '/json']) {
      const a = await (await app.request(path)).text();
      const b = await (await app.request(path)).text();
      if (path === '/form') expect(a).not.toBe(b);
    }
    expect(renders()).toBe(10);
    expect(cache.size()).toBe(0);
    await app.request('/', { method: 'HEAD' });
    expect(cache.size()).toBe(0);
  });

  it('expires after the TTL, empties on any write, stays bounded, and is off at 0', async () => {
    const clock = { t: 0 };
    const { app, renders, cache } = appWith(5000, clock);
    await app.request('/');
    clock.t = 4999;
    await app.request('/');
    expect(renders()).toBe(1);
    clock.t = 5000;
    await app.request('/');
    expect(renders()).toBe(2);
    await app.request('/write', { method: 'POST' });
    await app.request('/');
    expect(renders()).toBe(3);
    for (let i = 0; i < PAGE_CACHE_MAX_ENTRIES + 10; i++) await app.request(`/p${i}`);
    expect(cache.size()).toBe(PAGE_CACHE_MAX_ENTRIES);

    const off = appWith(0);
    await off.app.request('/');
    await off.app.request('/');
    expect(off.renders()).toBe(2);
  });
});
