// Compression of answers built from a string or bytes, through the real @hono/node-server listener: the
// threshold, the headers, and that the answer keeps the server's direct write (no web stream in between).
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody, rawRequest, serveOnLoopback } from '../test/raw-http.ts';
import { compression, knownBody, MIN_COMPRESS_BYTES } from './compression.server.ts';
import type { HonoEnv } from './env.ts';

const longJson = {
  items: Array.from({ length: 80 }, (_, i) => ({ id: `tsk_${i}`, title: `Nhiệm vụ ${i}` })),
};
/** What the body looked like to the layer outside compression, by path. */
const seen = new Map<string, string>();

const app = new Hono<HonoEnv>();
app.use('*', async (c, next) => {
  await next();
  const body = knownBody(c.res);
  seen.set(c.req.path, body === undefined ? 'unknown' : typeof body === 'string' ? 'string' : 'bytes');
});
app.use('*', compression());
app.get('/short', (c) => c.json({ status: 'ok' }));
app.get('/long', (c) => c.json(longJson));
app.get('/etag', (c) => c.json(longJson, 200, { ETag: '"v1"' }));
// 300 and 400 three-byte letters: 900 and 1,200 bytes of UTF-8 in 300 and 400 UTF-16 units.
app.get('/vi-300', (c) => c.text('ệ'.repeat(300)));
app.get('/vi-400', (c) => c.text('ệ'.repeat(400)));
app.get('/stream/:n', (c) => {
  const text = 'x'.repeat(Number(c.req.param('n')));
  const stream = new ReadableStream<Uint8Array>({
    start(ctl) {
      ctl.enqueue(new TextEncoder().encode(text));
      ctl.close();
    },
  });
  return c.body(stream, 200, { 'content-type': 'text/plain; charset=utf-8' });
});

let server: Awaited<ReturnType<typeof serveOnLoopback>>;
beforeAll(async () => {
  server = await serveOnLoopback(app.fetch);
});
afterAll(() => server.close());
const get = (path: string, headers: Record<string, string> = {}) => rawRequest(server.port, path, headers);

describe('compression of answers with a known body', () => {
  it('sends a short JSON answer as it is, with its length and Vary, still written directly', async () => {
    const r = await get('/short', { 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(JSON.parse(r.body.toString('utf8'))).toEqual({ status: 'ok' });
    expect(seen.get('/short')).toBe('string');
  });

  it('compresses a long JSON answer in one piece: brotli or gzip, exact Content-Length, not chunked', async () => {
    expect(JSON.stringify(longJson).length).toBeGreaterThan(MIN_COMPRESS_BYTES);
    for (const enc of ['br', 'gzip'] as const) {
      const r = await get('/long', { 'accept-encoding': enc });
      expect(r.headers['content-encoding']).toBe(enc);
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.headers['transfer-encoding']).toBeUndefined();
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(JSON.parse(decodeBody(r))).toEqual(longJson);
      expect(seen.get('/long')).toBe('bytes');
    }
  });

  it('leaves a long answer untouched (and unread) when the client accepts no encoding', async () => {
    const r = await get('/long');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(JSON.parse(r.body.toString('utf8'))).toEqual(longJson);
    expect(seen.get('/long')).toBe('string');
  });

  it('counts the threshold in bytes of UTF-8, not in characters', async () => {
    const small = await get('/vi-300', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe('ệ'.repeat(300));
    const large = await get('/vi-400', { 'accept-encoding': 'gzip' });
    expect(large.headers['content-encoding']).toBe('gzip');
    expect(decodeBody(large)).toBe('ệ'.repeat(400));
  });

  it('weakens a strong ETag on a compressed answer only', async () => {
    expect((await get('/etag', { 'accept-encoding': 'gzip' })).headers.etag).toBe('W/"v1"');
    expect((await get('/etag')).headers.etag).toBe('"v1"');
  });

  it('still compresses a streamed answer, and sends a short streamed one as it is with its length', async () => {
    const big = await get('/stream/5000', { 'accept-encoding': 'br' });
    expect(big.headers['content-encoding']).toBe('br');
    expect(decodeBody(big)).toBe('x'.repeat(5000));
    const small = await get('/stream/100', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['content-length']).toBe('100');
    expect(seen.get('/stream/100')).toBe('bytes');
  });

  it('knows a body only until someone takes its stream', () => {
    // The server above installed its lightweight Response as the global one.
    const res = new Response('hello');
    expect(knownBody(res)).toBe('hello');
    expect(knownBody(new Response(null, { status: 204 }))).toBeNull();
    expect(res.body).not.toBeNull();
    expect(knownBody(res)).toBeUndefined();
  });
});
