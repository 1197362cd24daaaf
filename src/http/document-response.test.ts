// A page's answer survives React Router's `isResponse` check as a string: the server writes it directly and
// compression takes it in one piece; anyone who reads its body still gets every byte.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compression, knownBody } from './compression.server.ts';
import { documentResponse } from './document-response.server.ts';
import type { HonoEnv } from './env.ts';

const html = `<!DOCTYPE html><html lang="vi"><body>${'<p>Thư viện lưu động</p>'.repeat(200)}</body></html>`;

/** React Router's own check (react-router/lib/router/router.ts `isResponse`). */
function isResponse(value: Response) {
  return (
    value != null &&
    typeof value.status === 'number' &&
    typeof value.statusText === 'string' &&
    typeof value.headers === 'object' &&
    typeof value.body !== 'undefined'
  );
}

const seen = new Map<string, string>();
const app = new Hono<HonoEnv>();
app.use('*', async (c, next) => {
  await next();
  const body = knownBody(c.res);
  seen.set(c.req.path, body === undefined ? 'unknown' : typeof body);
});
app.use('*', compression());
app.get('/page', () => {
  const res = documentResponse(html, {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
  if (!isResponse(res)) throw new Error('not a Response to React Router');
  return res;
});
app.get('/plain', () => {
  const res = new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  isResponse(res);
  return res;
});

let server: ReturnType<typeof serve>;
let port = 0;
beforeAll(async () => {
  // `serve` puts @hono/node-server's lightweight Response in place, as in production.
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a page’s answer kept as a string', () => {
  it('stays a known string after React Router’s check, so it is written directly with its length', async () => {
    const r = await get('/page');
    expect(seen.get('/page')).toBe('string');
    expect(r.body.toString('utf8')).toBe(html);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.headers['transfer-encoding']).toBeUndefined();
  });

  it('is compressed in one piece (not chunked) for a browser', async () => {
    const r = await get('/page', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['transfer-encoding']).toBeUndefined();
    expect(brotliDecompressSync(r.body).toString('utf8')).toBe(html);
  });

  it('a plain Response checked the same way turns into a stream (what the page answer avoids)', async () => {
    const r = await get('/plain', { 'accept-encoding': 'br' });
    expect(seen.get('/plain')).toBe('unknown');
    expect(r.headers['transfer-encoding']).toBe('chunked');
    expect(brotliDecompressSync(r.body).toString('utf8')).toBe(html);
  });

  it('still gives every byte to whoever reads its body or its text', async () => {
    const res = documentResponse(html, { status: 404, headers: { 'X-A': '1' } });
    expect(res.status).toBe(404);
    expect(res.statusText).toBe('');
    expect(res.headers.get('X-A')).toBe('1');
    expect(await new Response(res.body).text()).toBe(html);
    expect(await res.text()).toBe(html);
  });
});
