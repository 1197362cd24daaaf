import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HonoEnv } from './env.ts';
import { newNonce, securityHeaders } from './security.server.ts';

describe('CSP nonces', () => {
  it('are 128-bit base64 values, never repeated, across several refills of the random pool', () => {
    const nonces = Array.from({ length: 1000 }, () => newNonce());
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe('security headers', () => {
  it('send the whole policy with this request’s nonce, and an allowed tile origin for images only', async () => {
    const app = new Hono<HonoEnv>();
    app.use('*', securityHeaders({ https: false }));
    app.get('/', (c) => c.text(c.get('nonce')));
    app.get('/map', (c) => c.text(c.get('nonce'), 200, { 'X-Csp-Img-Origin': 'https://tile.example.vn' }));
    const tail =
      "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    const res = await app.request('/');
    const nonce = await res.text();
    expect(res.headers.get('Content-Security-Policy')).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; ${tail}`,
    );
    const map = await app.request('/map');
    expect(map.headers.get('Content-Security-Policy')).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${await map.text()}'; style-src 'self'; img-src 'self' data: https://tile.example.vn; ${tail}`,
    );
    expect(map.headers.has('X-Csp-Img-Origin')).toBe(false);
  });
});
