// The user-administration pages as a browser without JavaScript uses them: GET pages, form posts, redirects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from './access.grants.server.ts';

describe('user administration pages', () => {
  let ctx: TestContext;
  let admin: { userId: string; cookie: string };
  let manager: { userId: string; cookie: string };
  let librarian: { userId: string; cookie: string };
  let library = '';

  const get = (path: string, cookie: string) =>
    ctx.request(path, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    ctx.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const activeGrants = (userId: string) =>
    ctx.dbh.query<{ id: string; role: string }>(
      'SELECT id, role FROM role_grants WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, 'so-vhttdl');
    const lib = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
    if (!root || !lib) throw new Error('units not seeded');
    library = lib.id;
    admin = await signUpAndSignIn(ctx, { name: 'Quản Trị Viên' });
    await grantRoleAsSystem(ctx.deps, { userId: admin.userId, role: 'administrator', unitId: root.id });
    manager = await signUpAndSignIn(ctx, { name: 'Trần Văn Quản' });
    await grantRoleAsSystem(ctx.deps, { userId: manager.userId, role: 'unit_manager', unitId: library });
    librarian = await signUpAndSignIn(ctx, { name: 'Nguyễn Thị Thư' });
    await grantRoleAsSystem(ctx.deps, { userId: librarian.userId, role: 'unit_staff', unitId: library });
  });
  afterAll(() => ctx.close());

  it('lists users with their roles, in Vietnamese and in English', async () => {
    const vi = await get('/admin/users', admin.cookie);
    expect(vi.status).toBe(200);
    const html = await vi.text();
    expect(html).toContain('<h1>Người dùng và phân quyền</h1>');
    expect(html).toContain('Nguyễn Thị Thư');
    expect(html).toContain('Viên chức đơn vị — Thư viện tỉnh');
    const en = await get('/en/admin/users?q=nguyen', admin.cookie);
    const enHtml = await en.text();
    expect(enHtml).toContain('<h1>Users and roles</h1>');
    expect(enHtml).toContain('Nguyễn Thị Thư');
    expect(enHtml).not.toContain('Trần Văn Quản');
  });

  it('shows a unit manager only their unit’s people, and unit staff nothing (403)', async () => {
    const html = await (await get('/admin/users', manager.cookie)).text();
    expect(html).toContain('Nguyễn Thị Thư');
    expect(html).not.toContain('Quản Trị Viên');
    expect((await get('/admin/users', librarian.cookie)).status).toBe(403);
    expect((await get(`/admin/users/${admin.userId}`, manager.cookie)).status).toBe(404);
  });

  it('re-renders the invite form with translated errors and the typed values', async () => {
    const res = await post('/admin/users', admin.cookie, {
      email: 'khong-hop-le',
      name: '',
      role: 'unit_staff',
      unitId: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(t('vi', 'access.form.emailInvalid'));
    expect(html).toContain(t('vi', 'access.form.nameRequired'));
    expect(html).toContain(t('vi', 'access.form.unitRequired'));
    expect(html).toContain('href="#invite-email"');
    expect(html).toContain('value="khong-hop-le"');
  });

  it('invites through the form, then grants and revokes on the user page', async () => {
    const res = await post('/admin/users', admin.cookie, {
      email: 'ban.doc.moi@example.vn',
      name: 'Bùi Thị Mời',
      role: 'unit_staff',
      unitId: library,
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/users\/usr_[a-z2-9]{16}\?done=invited$/);
    const userPath = location.split('?')[0] as string;
    const userId = userPath.split('/').at(-1) as string;
    const shown = await (await get(location, admin.cookie)).text();
    expect(shown).toContain(t('vi', 'access.invite.done'));
    expect(shown).toContain('Bùi Thị Mời');
    expect(await ctx.deps.repos.outbox.latest(1, 'ban.doc.moi@example.vn')).toHaveLength(1);

    const granted = await post(userPath, admin.cookie, { intent: 'grant', role: 'leader', unitId: library });
    expect(granted.status).toBe(302);
    expect((await activeGrants(userId)).map((g) => g.role).sort()).toEqual(['leader', 'unit_staff']);

    const duplicate = await post(userPath, admin.cookie, {
      intent: 'grant',
      role: 'leader',
      unitId: library,
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain(t('vi', 'access.error.grantDuplicate'));

    const leader = (await activeGrants(userId)).find((g) => g.role === 'leader');
    const revoked = await post(userPath, admin.cookie, { intent: 'revoke', grantId: leader?.id ?? '' });
    expect(revoked.status).toBe(302);
    expect((await activeGrants(userId)).map((g) => g.role)).toEqual(['unit_staff']);
  });

  it('lets a unit manager grant unit_staff from the page but not a higher role', async () => {
    const p = await signUpAndSignIn(ctx, { name: 'Đinh Văn Mới' });
    const ok = await post(`/admin/users/${p.userId}`, manager.cookie, {
      intent: 'grant',
      role: 'unit_staff',
      unitId: library,
    });
    expect(ok.status).toBe(302);
    const denied = await post(`/admin/users/${p.userId}`, manager.cookie, {
      intent: 'grant',
      role: 'unit_manager',
      unitId: library,
    });
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain(t('vi', 'error.forbidden'));
    expect((await activeGrants(p.userId)).map((g) => g.role)).toEqual(['unit_staff']);
  });

  it('switches "two-factor required for staff" on the security page (administrators only, audited)', async () => {
    expect((await get('/admin/settings/security', librarian.cookie)).status).toBe(403);
    const page = await get('/admin/settings/security', admin.cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(t('vi', 'access.security.requireMfa'));
    const off = await post('/admin/settings/security', admin.cookie, { version: '1' });
    expect(off.status).toBe(302);
    const stale = await post('/admin/settings/security', admin.cookie, {
      version: '1',
      requireMfaForStaff: 'on',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(t('vi', 'error.versionConflict'));
    expect(await ctx.deps.repos.auth.readRequireMfaForStaff()).toBe(false);
    expect(await ctx.deps.repos.auth.readRequireMfaForStaff()).toBe(false);
    // Last, because from now on this administrator (without two-factor) is sent to set it up first.
    const on = await post('/admin/settings/security', admin.cookie, {
      version: '2',
      requireMfaForStaff: 'on',
    });
    expect(on.status).toBe(302);
    expect(on.headers.get('location')).toBe('/admin/settings/security?done=saved');
    expect(await ctx.deps.repos.auth.readRequireMfaForStaff()).toBe(true);
    const rows = await ctx.dbh.query(
      "SELECT 1 FROM audit_log WHERE entity_id = 'auth.require_mfa_for_staff'",
    );
    expect(rows.length).toBe(2);
  });
});
