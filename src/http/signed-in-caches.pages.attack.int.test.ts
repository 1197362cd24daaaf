// Attacks on the signed-in page cache (ADR 0013, "Signed-in page cache"), through HTTP only: every way an
// attacker or an unlucky user could be given a kept page they must not get. Two apps with every cache on (a
// minute of TTL: only notifications and writes explain a change) stand for two workers; a third with every
// cache off answers what a fresh render gives to the very same request, the oracle each answer is held to.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { unitIdOf } from '../modules/units/units.test-helpers.ts';
import { cookieHeaderFrom, signIn, signUpAndSignIn } from '../test/auth-helpers.ts';
import {
  type CacheApps,
  nonceOf,
  openCacheApps,
  type Send,
  stableAnswer,
  within,
} from '../test/cache-apps.ts';

const PAGE = '/admin/plan/tasks';

describe('signed-in page cache under attack', () => {
  let apps: CacheApps;
  let here: Send;
  const units: Record<string, string> = {};
  const cookie: Record<string, string> = {};
  const email: Record<string, string> = {};
  const as = (who: string, headers: Record<string, string> = {}) => ({
    headers: { cookie: cookie[who] ?? '', ...headers },
  });
  /** Asks `send` twice (the second is a hit when kept) and holds both to a fresh render of the same request. */
  async function expectFresh(send: Send, path: string, init: RequestInit) {
    const want = await stableAnswer(await apps.fresh.send(path, init));
    expect(await stableAnswer(await send(path, init))).toBe(want);
    expect(await stableAnswer(await send(path, init))).toBe(want);
    return want;
  }

  beforeAll(async () => {
    apps = await openCacheApps();
    here = apps.here;
    for (const code of ['thu-vien-tinh', 'bao-tang-tinh', 'phong-qlvhgd'])
      units[code] = await unitIdOf(apps.ctx, code);
    // Two people with the same name; the third is named after the first one's e-mail address.
    const people = [
      ['lib', 'Trần Văn Trùng', 'unit_staff', 'thu-vien-tinh'],
      ['museum', 'Trần Văn Trùng', 'unit_staff', 'bao-tang-tinh'],
      ['lib2', '', 'unit_staff', 'thu-vien-tinh'],
      ['officer', 'Cán bộ Sở', 'department_officer', 'phong-qlvhgd'],
    ] as const;
    for (const [who, name, role, unit] of people) {
      const u = await signUpAndSignIn(apps.ctx, { name: name || (email.lib ?? '') });
      await grantRoleAsSystem(apps.ctx.deps, { userId: u.userId, role, unitId: units[unit] ?? '' });
      cookie[who] = u.cookie;
      email[who] = u.email;
    }
    await new Promise((r) => setTimeout(r, 300));
  }, 180_000);
  afterAll(async () => {
    await apps?.close();
  });

  it("never gives one user another's kept page: other scope, same name, same scope, in both workers", async () => {
    const lib = await expectFresh(here, PAGE, as('lib'));
    const museum = await expectFresh(here, PAGE, as('museum'));
    expect(museum).not.toBe(lib);
    await expectFresh(here, PAGE, as('lib2'));
    const officer = await expectFresh(here, PAGE, as('officer'));
    expect(officer).not.toBe(lib);
    for (const who of ['museum', 'lib', 'officer']) await expectFresh(apps.other.send, PAGE, as(who));
  });

  it('gives no kept page to a request without a valid session', async () => {
    await expectFresh(here, PAGE, as('lib'));
    const toSignIn = (res: Response) =>
      res.status === 302 && /\/sign-in\?/.test(res.headers.get('location') ?? '');
    const pair = (cookie.lib ?? '').split('; ').find((p) => p.includes('session_token')) ?? '';
    const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    for (const c of [
      '',
      'theme=dark',
      `${name}=forged.${value}`,
      `${name}=${value.slice(0, -3)}abc`,
      `${name}=`,
    ]) {
      expect(toSignIn(await here(PAGE, { headers: { cookie: c } }))).toBe(true);
    }
    // A session ended by hand (SQL in the other worker's connection), then one whose expiry has passed.
    const u = await signUpAndSignIn(apps.ctx, { name: 'Phiên hết hạn' });
    await grantRoleAsSystem(apps.ctx.deps, {
      userId: u.userId,
      role: 'unit_staff',
      unitId: units['thu-vien-tinh'] ?? '',
    });
    const v = await signUpAndSignIn(apps.ctx, { name: 'Phiên bị xóa' });
    await grantRoleAsSystem(apps.ctx.deps, {
      userId: v.userId,
      role: 'unit_staff',
      unitId: units['thu-vien-tinh'] ?? '',
    });
    await new Promise((r) => setTimeout(r, 200));
    for (const send of [here, apps.other.send])
      for (const c of [u.cookie, v.cookie]) {
        expect((await send(PAGE, { headers: { cookie: c } })).status).toBe(200);
        expect((await send(PAGE, { headers: { cookie: c } })).status).toBe(200);
      }
    await apps.other.dbh.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [u.userId],
    );
    await apps.other.dbh.query('DELETE FROM sessions WHERE user_id = $1', [v.userId]);
    for (const send of [here, apps.other.send])
      for (const c of [u.cookie, v.cookie])
        expect(await within(1_000, async () => toSignIn(await send(PAGE, { headers: { cookie: c } })))).toBe(
          true,
        );
  });

  it('follows a role revoked, a grant moved to another unit, an account disabled, in both workers', async () => {
    const users = [];
    for (const name of ['Bị thu hồi', 'Bị chuyển đơn vị', 'Bị khóa']) {
      const u = await signUpAndSignIn(apps.ctx, { name });
      await grantRoleAsSystem(apps.ctx.deps, {
        userId: u.userId,
        role: 'unit_staff',
        unitId: units['thu-vien-tinh'] ?? '',
      });
      users.push(u);
    }
    const [revoked, moved, disabled] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    await new Promise((r) => setTimeout(r, 200));
    const libPage = await expectFresh(here, PAGE, { headers: { cookie: moved.cookie } });
    for (const u of users) {
      await expectFresh(here, PAGE, { headers: { cookie: u.cookie } });
      await expectFresh(apps.other.send, PAGE, { headers: { cookie: u.cookie } });
    }
    await apps.ctx.dbh.query('UPDATE role_grants SET revoked_at = now() WHERE user_id = $1', [
      revoked.userId,
    ]);
    await apps.ctx.dbh.query('UPDATE role_grants SET unit_id = $2 WHERE user_id = $1', [
      moved.userId,
      units['bao-tang-tinh'],
    ]);
    await apps.ctx.dbh.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.userId]);
    for (const send of [here, apps.other.send]) {
      expect(
        await within(
          1_000,
          async () => (await send(PAGE, { headers: { cookie: revoked.cookie } })).status === 403,
        ),
      ).toBe(true);
      expect(
        await within(
          1_000,
          async () => (await send(PAGE, { headers: { cookie: disabled.cookie } })).status === 302,
        ),
      ).toBe(true);
      const init = { headers: { cookie: moved.cookie } };
      expect(await within(1_000, async () => (await stableAnswer(await send(PAGE, init))) !== libPage)).toBe(
        true,
      );
      await expectFresh(send, PAGE, init);
    }
  });

  it('ends the other sessions at a password change, pages and API, in both workers', async () => {
    const u = await signUpAndSignIn(apps.ctx, { name: 'Đổi mật khẩu' });
    await grantRoleAsSystem(apps.ctx.deps, {
      userId: u.userId,
      role: 'unit_staff',
      unitId: units['thu-vien-tinh'] ?? '',
    });
    const second = cookieHeaderFrom(await signIn(apps.ctx, u.email, u.password));
    await new Promise((r) => setTimeout(r, 200));
    for (const send of [here, apps.other.send])
      await expectFresh(send, PAGE, { headers: { cookie: second } });
    const res = await here('/api/auth/change-password', {
      method: 'POST',
      headers: { cookie: u.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        currentPassword: u.password,
        newPassword: 'Sóng vỗ Hòn Chồng 2026',
        revokeOtherSessions: true,
      }),
    });
    expect(res.status).toBe(200);
    const current = cookieHeaderFrom(res) || u.cookie;
    expect((await here(PAGE, { headers: { cookie: second } })).status).toBe(302);
    expect((await here('/api/v1/plan/tasks', { headers: { cookie: second } })).status).toBe(401);
    expect(
      await within(
        1_000,
        async () => (await apps.other.send(PAGE, { headers: { cookie: second } })).status === 302,
      ),
    ).toBe(true);
    expect((await apps.other.send('/api/v1/plan/tasks', { headers: { cookie: second } })).status).toBe(401);
    // The session that changed the password is still served.
    expect((await here(PAGE, { headers: { cookie: current } })).status).toBe(200);
  });

  it('sends a staff member whose two-step sign-in was reset to set it up again, not to the kept page', async () => {
    const a = await signUpAndSignIn(apps.ctx, { name: 'Có hai bước' });
    const b = await signUpAndSignIn(apps.ctx, { name: 'Có hai bước' });
    for (const u of [a, b]) {
      await grantRoleAsSystem(apps.ctx.deps, {
        userId: u.userId,
        role: 'unit_staff',
        unitId: units['thu-vien-tinh'] ?? '',
      });
      await apps.ctx.dbh.query('UPDATE users SET two_factor_enabled = true WHERE id = $1', [u.userId]);
    }
    const setting = `INSERT INTO settings (key, value) VALUES ('auth.require_mfa_for_staff', $1::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    await apps.ctx.dbh.query(setting, ['true']);
    try {
      await new Promise((r) => setTimeout(r, 200));
      for (const send of [here, apps.other.send])
        for (const u of [a, b]) await expectFresh(send, PAGE, { headers: { cookie: u.cookie } });
      // The same grants, the same name, the same unit: only the two-step state differs once it is reset.
      await apps.other.dbh.query('UPDATE users SET two_factor_enabled = false WHERE id = $1', [b.userId]);
      const setUp = (res: Response) =>
        res.status === 302 && /two-factor\?required=1/.test(res.headers.get('location') ?? '');
      for (const send of [here, apps.other.send]) {
        expect(
          await within(1_000, async () => setUp(await send(PAGE, { headers: { cookie: b.cookie } }))),
        ).toBe(true);
        expect((await send(PAGE, { headers: { cookie: a.cookie } })).status).toBe(200);
      }
    } finally {
      await apps.ctx.dbh.query(setting, ['false']);
    }
  });

  it('keeps languages, header variants and query variants apart: each answer is its own fresh render', async () => {
    await expectFresh(here, PAGE, as('lib'));
    const en = await expectFresh(here, `/en${PAGE}`, as('lib'));
    expect(en).toMatch(/<html lang="en"/);
    const variants = [
      '?page=2&phase=2026-2030',
      '?phase=2026-2030&page=2',
      '?page=2&page=1',
      '?PAGE=2',
      '/',
      '?q=th%C6%B0%20vi%E1%BB%87n',
      '?q=thu%CC%9B%20vie%CC%A3%CC%82n',
      '?q=%3Cscript%3E',
      '?unit=THU-VIEN-TINH',
      '?unit=thu-vien-tinh',
      '?overdue=1&overdue=0',
      '?page=%32',
    ];
    for (const v of variants) {
      const path = `${PAGE}${v}`;
      await expectFresh(here, path, as('lib'));
      await expectFresh(here, `/en${path}`, as('lib'));
    }
    await expectFresh(here, '/admin/plan/%74asks', as('lib'));
    // Request headers the page must not depend on, or the key would have to hold them.
    const headerVariants: Array<Record<string, string>> = [
      { 'accept-language': 'en-GB,en;q=0.9' },
      { 'accept-language': 'vi' },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      { cookie: `${cookie.lib}; lang=en; locale=en; NEXT_LOCALE=en` },
    ];
    for (const h of headerVariants) await expectFresh(here, PAGE, as('lib', h));
  });

  it("keeps the anonymous public pages and a signed-in person's render of them apart", async () => {
    for (const path of ['/', '/en', '/events']) {
      const anonymous = await expectFresh(here, path, {});
      const signedIn = await expectFresh(here, path, as('lib'));
      expect(signedIn).not.toBe(anonymous);
      await expectFresh(here, path, {});
    }
  });

  it('answers HEAD without a body and never from another request, and keeps it private', async () => {
    await expectFresh(here, PAGE, as('lib'));
    const head = await here(PAGE, { method: 'HEAD', ...as('lib') });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('cache-control')).toBe('private, no-store');
    expect(head.headers.get('x-suotdoi-page-tables')).toBeNull();
    expect((await here(PAGE, { method: 'HEAD' })).status).toBe(302);
    await expectFresh(here, PAGE, as('lib'));
  });

  it('sends every answer with its own nonce, private and no-store, without a validator', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await here(PAGE, as('lib', i === 2 ? { 'if-none-match': '*' } : {}));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('last-modified')).toBeNull();
      const nonce = nonceOf(res) ?? '';
      const html = await res.text();
      for (const old of seen) expect(html.includes(old)).toBe(false);
      for (const m of html.matchAll(/nonce="([^"]*)"/g)) expect(m[1]).toBe(nonce);
      seen.push(nonce);
    }
  });

  it('never keeps a page showing a one-time form token, nor a .data answer', async () => {
    const spy = vi.spyOn(apps.ctx.deps.repos.planWorkQueries, 'taskPage');
    try {
      // The list shows its search text back: a token-like text makes the page one that is never kept.
      for (let i = 0; i < 2; i++) expect((await here(`${PAGE}?q=ftk_abc`, as('lib'))).status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(2);
      const data = await here(`${PAGE}.data`, as('lib'));
      const again = await here(`${PAGE}.data`, as('lib'));
      expect(data.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
      const tokens = (s: string) => s.match(/ftk_[\w-]+/g) ?? [];
      const [t1, t2] = [tokens(await data.text()), tokens(await again.text())];
      for (const t of t1) expect(t2).not.toContain(t);
      expect(spy).toHaveBeenCalledTimes(4);
    } finally {
      spy.mockRestore();
    }
  });
});
