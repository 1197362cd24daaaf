// Compression through the real HTTP server (node:http on a loopback port): pages, JSON, hashed assets;
// Vary on every compressible answer; immutable caching for hashed assets.
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.server.ts';
import { createTestContext, loadBuild, type TestContext } from '../test/harness.ts';
import { chooseEncoding, MIN_COMPRESS_BYTES } from './compression.server.ts';

const clientDir = join(process.cwd(), process.env.RR_BUILD_DIR ?? 'build', 'client');

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let ctx: TestContext;
let server: ReturnType<typeof serve>;
let port = 0;

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(r: Raw): string {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(r.body).toString('utf8');
  if (enc === 'gzip') return gunzipSync(r.body).toString('utf8');
  return r.body.toString('utf8');
}

beforeAll(async () => {
  ctx = await createTestContext();
  const app = createApp(ctx.deps, { build: await loadBuild(), clientDir });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
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
      const decoded = decode(r);
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
    expect(JSON.parse(decode(r))).toHaveProperty('openapi');
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
        expect(decode(r)).toBe(plain.body.toString('utf8'));
      }
    }
  });

  it('a HEAD request gets no body and no encoding', async () => {
    const r = await new Promise<Raw>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/', method: 'HEAD', headers: { 'accept-encoding': 'br' } },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
  });
});
