// The request body limit over a real @hono/node-server listener: bodies over the limit are refused whether
// they say their length or stream it (chunked), and a body under it is read without building a web Request.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestBodyLimit } from './body-limit.server.ts';
import type { HonoEnv } from './env.ts';

/** True when @hono/node-server has turned its lightweight request into a full web Request. */
const builtWebRequest = (raw: Request) =>
  Object.getOwnPropertySymbols(raw).some((s) => s.description === 'requestCache');

describe('requestBodyLimit', () => {
  let base = '';
  let server: ReturnType<typeof createAdaptorServer>;
  beforeAll(async () => {
    const app = new Hono<HonoEnv>();
    app.use('*', requestBodyLimit({ maxSize: 100, onError: (c) => c.json({ refused: true }, 413) }));
    app.post('/', async (c) => {
      const body = (await c.req.json()) as unknown;
      return c.json({ body, built: builtWebRequest(c.req.raw) });
    });
    app.get('/', (c) => c.json({ built: builtWebRequest(c.req.raw) }));
    server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A POST whose body is sent chunked (no Content-Length), as a stream would be. */
  function chunked(parts: string[]): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${base}/`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      for (const p of parts) req.write(p);
      req.end();
    });
  }

  it('reads a body under the limit straight from the socket, without a web Request', async () => {
    const res = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nguyễn Thị Hoa' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ body: { name: 'Nguyễn Thị Hoa' }, built: false });
    const get = await fetch(`${base}/`);
    expect(await get.json()).toEqual({ built: false });
  });

  it('refuses a body whose Content-Length is over the limit', async () => {
    const res = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(200) }),
    });
    expect(res.status).toBe(413);
  });

  it('counts a chunked body as it streams: over the limit refused, under it read', async () => {
    const over = await chunked(['{"text":"', 'x'.repeat(60), 'y'.repeat(60), '"}']);
    expect(over.status).toBe(413);
    const under = await chunked(['{"a":', '1}']);
    expect(under.status).toBe(200);
    expect(JSON.parse(under.body).body).toEqual({ a: 1 });
  });
});
