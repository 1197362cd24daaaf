// Defences added after a security review: NUL characters, two-step sign-in on the API, better-auth's
// redirecting GET endpoints, and a burst of parallel sign-in attempts against one account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { signIn, signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

describe('review fixes', () => {
  let ctx: TestContext;
  let admin: { cookie: string };
  let staff: { cookie: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, 'so-vhttdl');
    const library = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
    if (!root || !library) throw new Error('units not seeded');
    const a = await signUpAndSignIn(ctx, { name: 'Quản Trị' });
    await grantRoleAsSystem(ctx.deps, { userId: a.userId, role: 'administrator', unitId: root.id });
    admin = a;
    const s = await signUpAndSignIn(ctx, { name: 'Viên Chức' });
    await grantRoleAsSystem(ctx.deps, { userId: s.userId, role: 'unit_staff', unitId: library.id });
    staff = s;
  });
  afterAll(() => ctx.close());

  it('answers 400 to a NUL character in a URL, a form post or a JSON body, never 500', async () => {
    expect((await ctx.request('/records/rec_a%00b')).status).toBe(400);
    expect((await ctx.request('/admin/audit?q=a%00b', { headers: { cookie: admin.cookie } })).status).toBe(
      400,
    );
    const form = await ctx.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%00b%40example.vn&password=whatever123',
    });
    expect(form.status).toBe(400);
    const before = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
    const json = await ctx.request('/api/v1/units', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'xa-moi',
        name: 'Xã\u0000Mới',
        kind: 'commune_committee',
        parentId: null,
        validFrom: '2026-01-01',
      }),
    });
    expect(json.status).toBe(400);
    expect(json.headers.get('content-type')).toContain('application/problem+json');
    expect(await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM units')).toEqual(before);
  });

  it('holds staff without two-step sign-in off the API when the administrator requires it', async () => {
    expect((await ctx.request('/api/v1/plan/tasks', { headers: { cookie: staff.cookie } })).status).toBe(200);
    await ctx.dbh.query("UPDATE settings SET value = 'true'::jsonb WHERE key = 'auth.require_mfa_for_staff'");
    try {
      const res = await ctx.request('/api/v1/plan/tasks', { headers: { cookie: staff.cookie } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('auth.mfa_required');
    } finally {
      await ctx.dbh.query(
        "UPDATE settings SET value = 'false'::jsonb WHERE key = 'auth.require_mfa_for_staff'",
      );
    }
  });

  it('runs no page action under a prefix that is not a language', async () => {
    const before = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
    const res = await ctx.request('/xx/admin/units', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: 'xa-moi', name: 'Xã Mới', kind: 'commune_committee' }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(404);
    expect(await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM units')).toEqual(before);
  });

  it('does not redirect to a caller-supplied callbackURL', async () => {
    for (const path of [
      '/api/auth/reset-password/abc?callbackURL=https%3A%2F%2Fevil.example%2F',
      '/api/auth/verify-email?token=abc&callbackURL=https%3A%2F%2Fevil.example%2F',
    ]) {
      const res = await ctx.request(path, { redirect: 'manual' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('location') ?? '').not.toContain('evil.example');
    }
  });

  it('lets at most 10 of 30 parallel wrong passwords through to a password check', async () => {
    const { email } = await signUpAndSignIn(ctx, { name: 'Người Bị Dò Mật Khẩu' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        signIn(ctx, email, 'sai-mat-khau-123', { 'x-forwarded-for': '203.0.113.7' }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });
});
