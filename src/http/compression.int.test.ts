// Compression through the real HTTP server (node:http on a loopback port): pages, JSON, hashed assets;
// Vary on every compressible answer; immutable caching for hashed assets.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.server.ts';
import { createTestContext, loadBuild, type TestContext } from '../test/harness.ts';
import { decodeBody, rawRequest, serveOnLoopback } from '../test/raw-http.ts';
import { chooseEncoding, MIN_COMPRESS_BYTES } from './compression.server.ts';

const clientDir = join(process.cwd(), process.env.RR_BUILD_DIR ?? 'build', 'client');

let ctx: TestContext;
let server: Awaited<ReturnType<typeof serveOnLoopback>> | undefined;
const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(server?.port ?? 0, path, headers);

beforeAll(async () => {
  ctx = await createTestContext();
  const app = createApp(ctx.deps, { build: await loadBuild(), clientDir });
  server = await serveOnLoopback(app.fetch);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

describe('Accept-Encoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('compressed answers', () => {
  it('a page: brotli or gzip as asked, the same HTML once decoded, Vary: Accept-Encoding', async () => {
    const plain = await get('/');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const html = plain.body.toString('utf8');
    expect(html).toContain('<!DOCTYPE html>');

    for (const [asked, expected] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const r = await get('/', { 'accept-encoding': asked });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(expected);
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.headers['content-security-policy']).toBeTruthy();
      const decoded = decodeBody(r);
      expect(r.body.length).toBeLessThan(decoded.length / 2);
      // The page differs per request only by its request id and nonce.
      const strip = (s: string) => s.replace(/[A-Za-z0-9+/=_-]{16,}/g, '');
      expect(strip(decoded)).toBe(strip(html));
    }
  });

  it('JSON from the API is compressed too', async () => {
    const r = await get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/json/);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decodeBody(r))).toHaveProperty('openapi');
  });

  it('a tiny answer is sent as it is', async () => {
    const r = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(r.body.toString('utf8'))).toEqual({ status: 'ok' });
  });

  it('hashed assets (CSS, JS): immutable for a year, compressed with the right length, Vary set', async () => {
    const files = readdirSync(join(clientDir, 'assets'));
    const css = files.find((f) => /^app-.*\.css$/.test(f));
    const js = files.find(
      (f) => f.endsWith('.js') && statSync(join(clientDir, 'assets', f)).size > 2 * MIN_COMPRESS_BYTES,
    );
    for (const f of [css, js]) {
      expect(f).toBeTruthy();
      const plain = await get(`/assets/${f}`);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const enc of ['br', 'gzip'] as const) {
        const r = await get(`/assets/${f}`, { 'accept-encoding': enc });
        expect(r.status).toBe(200);
        expect(r.headers['content-encoding']).toBe(enc);
        expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(r.headers.vary).toMatch(/accept-encoding/i);
        expect(Number(r.headers['content-length'])).toBe(r.body.length);
        expect(decodeBody(r)).toBe(plain.body.toString('utf8'));
      }
    }
  });

  it('a HEAD request gets no body and no encoding', async () => {
    const r = await rawRequest(server?.port ?? 0, '/', { 'accept-encoding': 'br' }, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
  });
});
