// Attacks on the plan task API's kept answers (ADR 0013, "GET /api/v1/plan/tasks … kept per process"), through
// HTTP only: another caller's answer, a conditional request that would confirm data across scopes or skip the
// authorisation, a session or role that ended, query variants, HEAD, and what a shared cache is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { unitIdOf } from '../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { type CacheApps, openCacheApps, type Send, within } from '../test/cache-apps.ts';

const API = '/api/v1/plan/tasks';

/** Status and body; a refusal's request id (problem+json) is its only per-response value. */
const said = async (res: Response) => {
  const requestId = res.headers.get('x-request-id');
  const body = await res.text();
  return `${res.status}\n${requestId ? body.replaceAll(requestId, 'REQUEST-ID') : body}`;
};

describe('plan task API answers under attack', () => {
  let apps: CacheApps;
  let here: Send;
  const units: Record<string, string> = {};
  const cookie: Record<string, string> = {};
  const as = (who: string, headers: Record<string, string> = {}) => ({
    headers: { cookie: cookie[who] ?? '', ...headers },
  });
  /** Asked twice in `send` (the second from memory when kept), both equal to a fresh read of the same request. */
  async function expectFresh(send: Send, path: string, init: RequestInit) {
    const want = await said(await apps.fresh.send(path, init));
    expect(await said(await send(path, init)), path).toBe(want);
    expect(await said(await send(path, init)), path).toBe(want);
    return want;
  }
  const etagOf = async (send: Send, who: string, path = API) =>
    (await send(path, as(who))).headers.get('etag') ?? '';

  beforeAll(async () => {
    apps = await openCacheApps();
    here = apps.here;
    for (const code of ['thu-vien-tinh', 'bao-tang-tinh', 'phong-qlvhgd'])
      units[code] = await unitIdOf(apps.ctx, code);
    const people = [
      ['lib', 'unit_staff', 'thu-vien-tinh'],
      ['lib2', 'unit_staff', 'thu-vien-tinh'],
      ['museum', 'unit_staff', 'bao-tang-tinh'],
      ['officer', 'department_officer', 'phong-qlvhgd'],
    ] as const;
    for (const [who, role, unit] of people) {
      const u = await signUpAndSignIn(apps.ctx, { name: 'Cùng một tên' });
      await grantRoleAsSystem(apps.ctx.deps, { userId: u.userId, role, unitId: units[unit] ?? '' });
      cookie[who] = u.cookie;
    }
    cookie.nobody = (await signUpAndSignIn(apps.ctx, { name: 'Cùng một tên' })).cookie;
    await new Promise((r) => setTimeout(r, 300));
  }, 180_000);
  afterAll(async () => {
    await apps?.close();
  });

  it("never answers one scope with another's answer, in either worker", async () => {
    const path = `${API}?pageSize=100`;
    const answers = new Map<string, string>();
    for (const who of ['officer', 'lib', 'museum', 'lib2'])
      answers.set(who, await expectFresh(here, path, as(who)));
    expect(answers.get('lib')).not.toBe(answers.get('officer'));
    expect(answers.get('museum')).not.toBe(answers.get('lib'));
    for (const who of ['museum', 'lib', 'officer']) await expectFresh(apps.other.send, path, as(who));
  });

  it('answers a conditional request only after the authorisation, and only for the same bytes', async () => {
    const officerTag = await etagOf(here, 'officer');
    const libTag = await etagOf(here, 'lib');
    expect(officerTag).not.toBe(libTag);
    // Another scope's tag (or a list holding it) is not a match: the answer is this caller's own.
    for (const inm of [officerTag, `"x", ${officerTag}`, officerTag.replace(/^W\//, '')]) {
      const res = await here(API, as('lib', { 'if-none-match': inm }));
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(libTag);
    }
    // No session, a forged one, or no permission: refused whatever the tag says, before any 304.
    for (const [who, status] of [
      ['', 401],
      ['forged', 401],
      ['nobody', 403],
    ] as const) {
      for (const inm of [officerTag, '*']) {
        const sessionCookie = (cookie.lib ?? '').split('; ').find((p) => p.includes('session_token')) ?? '';
        const forged = `${sessionCookie.slice(0, sessionCookie.indexOf('='))}=forged.abc`;
        const headers = { 'if-none-match': inm, cookie: who === 'forged' ? forged : (cookie[who] ?? '') };
        const res = await here(API, { headers });
        expect(res.status).toBe(status);
        expect(res.headers.get('etag')).toBeNull();
      }
    }
  });

  it('tells every cache between the caller and the app that the answer is private', async () => {
    const first = await here(API, as('lib'));
    const again = await here(API, as('lib', { 'if-none-match': first.headers.get('etag') ?? '' }));
    expect(again.status).toBe(304);
    for (const res of [first, again, await here(API, as('lib'))]) {
      const cc = (res.headers.get('cache-control') ?? '').toLowerCase();
      expect(cc, 'a shared cache must not keep a signed-in answer').toMatch(/\bprivate\b|\bno-store\b/);
      expect(cc, 'a browser must not reuse it without asking').toMatch(
        /\bno-cache\b|\bno-store\b|max-age=0\b/,
      );
    }
  });

  it('refuses at once after a sign-out or a revoked role, and answers a moved grant anew, whatever the tag', async () => {
    const make = async (name: string) => {
      const u = await signUpAndSignIn(apps.ctx, { name });
      await grantRoleAsSystem(apps.ctx.deps, {
        userId: u.userId,
        role: 'unit_staff',
        unitId: units['thu-vien-tinh'] ?? '',
      });
      return u;
    };
    const [out, revoked, moved] = [await make('Ra'), await make('Thu hồi'), await make('Chuyển')];
    await new Promise((r) => setTimeout(r, 200));
    const tags = new Map<string, string>();
    for (const u of [out, revoked, moved])
      for (const send of [here, apps.other.send]) {
        const res = await send(API, { headers: { cookie: u.cookie } });
        expect(res.status).toBe(200);
        tags.set(u.userId, res.headers.get('etag') ?? '');
      }
    const signOut = await here('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: out.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    await apps.other.dbh.query('UPDATE role_grants SET revoked_at = now() WHERE user_id = $1', [
      revoked.userId,
    ]);
    await apps.other.dbh.query('UPDATE role_grants SET unit_id = $2 WHERE user_id = $1', [
      moved.userId,
      units['bao-tang-tinh'],
    ]);
    for (const send of [here, apps.other.send]) {
      const ask = (u: typeof out) =>
        send(API, { headers: { cookie: u.cookie, 'if-none-match': tags.get(u.userId) ?? '' } });
      expect(await within(1_000, async () => (await ask(out)).status === 401)).toBe(true);
      expect(await within(1_000, async () => (await ask(revoked)).status === 403)).toBe(true);
      // The moved grant: the old scope's tag no longer matches, the answer is the new scope's.
      expect(await within(1_000, async () => (await ask(moved)).status === 200)).toBe(true);
      expect(await said(await send(API, { headers: { cookie: moved.cookie } }))).toBe(
        await said(await here(API, as('museum'))),
      );
    }
  });

  it('keeps query variants apart: each is its own fresh read, invalid ones refused the same way', async () => {
    const variants = [
      '?phase=2026-2030&pageSize=5&page=2',
      '?page=2&pageSize=5&phase=2026-2030',
      '?page=2&pageSize=05&phase=2026-2030',
      '?unit=thu-vien-tinh',
      '?unit=THU-VIEN-TINH',
      `?unit=${units['thu-vien-tinh']}`,
      '?q=th%C6%B0%20vi%E1%BB%87n',
      '?q=thu%CC%9B%20vie%CC%A3%CC%82n',
      '?q=%25',
      '?q=_',
      '?phase=2026-2030&phase=2023-2025',
      '?pageSize=1000',
      '?page=0',
      '?year=2026&status=done',
      '?year=2026.0&status=done',
      '?overdue=true',
      '?overdue=1',
      '?bogus=1',
    ];
    for (const v of variants) {
      await expectFresh(here, `${API}${v}`, as('lib'));
      await expectFresh(here, `${API}${v}`, as('officer'));
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await here(API, as('lib'));
    const head = await here(API, { method: 'HEAD', ...as('lib') });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('cache-control')).toBe(get.headers.get('cache-control'));
    expect((await here(API, { method: 'HEAD' })).status).toBe(401);
  });
});
