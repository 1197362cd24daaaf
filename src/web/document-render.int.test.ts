// The shared document path (ADR 0013, "Shared document path"): pages that do not hydrate are rendered over route
// objects built once per build, to one string, answered without a web stream. Through a real HTTP server (so
// @hono/node-server's Response is in place, as in production), each page is fetched the old way
// (DOCUMENT_RENDER=react-router: React Router's ServerRouter and React's stream) and the new way, and must be
// the same bytes apart from the per-request values (nonce, form token, request id).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentRender, documentRouterCached } from '../http/document-router.server.ts';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { unitIdOf } from '../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
let server: ReturnType<typeof serve>;
let origin = '';
let admin = '';
let member = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const u = await signUpAndSignIn(ctx);
  await grantRoleAsSystem(ctx.deps, {
    userId: u.userId,
    role: 'administrator',
    unitId: await unitIdOf(ctx, 'so-vhttdl'),
  });
  admin = u.cookie;
  member = (await signUpAndSignIn(ctx, { name: 'Trần Văn Đọc' })).cookie;
  server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  documentRender.reactRouter = false;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await ctx.close();
});

const perRequest = (html: string) =>
  html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/ftk_[0-9a-f-]+/g, 'ftk_')
    .replace(/<code>[^<]*<\/code>/g, '<code></code>');

async function page(path: string, reactRouter: boolean, headers: Record<string, string>) {
  documentRender.reactRouter = reactRouter;
  const res = await fetch(`${origin}${path}`, { headers, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type'), html: perRequest(await res.text()) };
}

describe('pages rendered over route objects built once, to one string', () => {
  it('finds React Router’s route builder (else every page renders the old, slower way)', () => {
    expect(documentRouterCached).toBe(true);
  });

  it.each([
    ['/', {}],
    ['/en', {}],
    ['/contact', {}],
    ['/places', {}],
    ['/events/calendar?month=2031-01', {}],
    ['/en/events/calendar?month=2031-01&category=heritage', {}],
    ['/events/calendar?month=không-phải-tháng', {}],
    ['/search?q=s%C3%A1ch', {}],
    ['/trang-khong-co', {}],
    ['/xx/contact', {}],
    ['/account', 'member'],
    ['/admin', 'admin'],
    ['/en/admin/places', 'admin'],
  ] as const)('%s is the same page either way', async (path, who) => {
    const cookie = who === 'admin' ? admin : who === 'member' ? member : undefined;
    const headers: Record<string, string> = { 'accept-encoding': 'br, gzip' };
    if (cookie) headers.cookie = cookie;
    const before = await page(path, true, headers);
    const after = await page(path, false, headers);
    expect(after.status).toBe(before.status);
    expect(after.type).toBe(before.type);
    expect(after.html).toBe(before.html);
    // The key markup of the shell, so "the same" is not "the same and empty".
    expect(after.html.startsWith('<!DOCTYPE html><html lang="')).toBe(true);
    expect(after.html).toContain('<main id="main"');
    expect(after.html).toContain('</body></html>');
  });

  it('answers a page whole: its length, not chunked, compressed in one piece', async () => {
    documentRender.reactRouter = false;
    const res = await fetch(`${origin}/places`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('</html>');
  });
});
