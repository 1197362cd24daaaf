// The client address over a real @hono/node-server listener: computed once per request and only when asked,
// written on the request only where it is handed to code reading `request.headers` (pages, better-auth), and
// never the value a client sent in `x-suotdoi-client-ip` itself. An API request's headers are not rebuilt.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../app/deps.types.ts';
import { CLIENT_IP_HEADER } from '../modules/auth/auth.client-ip.server.ts';
import { clientAddress, discardForgedClientAddress, withClientAddress } from './client-address.server.ts';
import type { HonoEnv } from './env.ts';

/** Calls of `Headers.prototype.append`: @hono/node-server turning a request's raw headers into a web Headers. */
const appends = vi.spyOn(Headers.prototype, 'append');

function serve(trustProxyHops: number) {
  const app = new Hono<HonoEnv>();
  app.use('*', (c, next) => {
    c.set('deps', { config: { trustProxyHops } } as unknown as AppDeps);
    return next();
  });
  app.use('*', async (c, next) => {
    const before = appends.mock.calls.length;
    await next();
    c.res.headers.set('x-rebuilt', String(appends.mock.calls.length > before));
  });
  app.use('*', discardForgedClientAddress);
  // A JSON route of the API: it never asks, or asks twice.
  app.post('/api/quiet', (c) => c.json({ sent: c.req.raw.headers.get(CLIENT_IP_HEADER) }));
  app.post('/api/asks', (c) => c.json({ first: clientAddress(c), second: clientAddress(c) }));
  // Where a web Request is handed on (a page, better-auth): what the reader finds in its headers.
  app.post('/page', (c) => c.json({ read: withClientAddress(c).headers.get(CLIENT_IP_HEADER) }));
  const server = createAdaptorServer({ fetch: app.fetch });
  return server;
}

describe('client address', () => {
  let direct = '';
  let proxied = '';
  const servers: Array<ReturnType<typeof createAdaptorServer>> = [];
  beforeAll(async () => {
    for (const hops of [0, 1]) {
      const server = serve(hops);
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (hops === 0) direct = base;
      else proxied = base;
    }
  });
  afterAll(async () => {
    appends.mockRestore();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  it('leaves the headers of an API request that does not ask as they came (not rebuilt)', async () => {
    const res = await post(`${direct}/api/quiet`);
    expect(await res.json()).toEqual({ sent: null });
    expect(res.headers.get('x-rebuilt')).toBe('false');
  });

  it('drops a client’s own x-suotdoi-client-ip, wherever it would be read', async () => {
    const forged = { [CLIENT_IP_HEADER]: '203.0.113.66' };
    expect(await (await post(`${direct}/api/quiet`, forged)).json()).toEqual({ sent: null });
    expect(await (await post(`${direct}/page`, forged)).json()).toEqual({ read: '127.0.0.1' });
    expect(await (await post(`${direct}/api/asks`, forged)).json()).toEqual({
      first: '127.0.0.1',
      second: '127.0.0.1',
    });
  });

  it('gives a handler the socket’s address, computed once, without rebuilding the headers', async () => {
    const res = await post(`${direct}/api/asks`);
    expect(await res.json()).toEqual({ first: '127.0.0.1', second: '127.0.0.1' });
    expect(res.headers.get('x-rebuilt')).toBe('false');
  });

  it('writes the address on a request handed to a page or better-auth', async () => {
    expect(await (await post(`${direct}/page`)).json()).toEqual({ read: '127.0.0.1' });
  });

  it('believes X-Forwarded-For only as far as our proxies go', async () => {
    const xff = { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' };
    expect(await (await post(`${direct}/api/asks`, xff)).json()).toMatchObject({ first: '127.0.0.1' });
    expect(await (await post(`${proxied}/api/asks`, xff)).json()).toMatchObject({ first: '203.0.113.9' });
    expect(await (await post(`${proxied}/page`, xff)).json()).toEqual({ read: '203.0.113.9' });
  });
});
