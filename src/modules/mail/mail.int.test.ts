// The mail outbox page: where invitations and reset links wait when no SMTP server is configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';

describe('mail outbox page', () => {
  let ctx: TestContext;
  let admin: { cookie: string };
  let branchAdmin: { cookie: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, 'so-vhttdl');
    const library = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
    if (!root || !library) throw new Error('units not seeded');
    const a = await signUpAndSignIn(ctx, { name: 'Quản Trị Viên' });
    await grantRoleAsSystem(ctx.deps, { userId: a.userId, role: 'administrator', unitId: root.id });
    admin = a;
    const b = await signUpAndSignIn(ctx, { name: 'Quản Trị Thư Viện' });
    await grantRoleAsSystem(ctx.deps, { userId: b.userId, role: 'administrator', unitId: library.id });
    branchAdmin = b;
    await ctx.deps.mailer.send({
      to: 'ban.doc@example.vn',
      subject: 'Đặt lại mật khẩu <Suốt Đời>',
      text: 'Mở liên kết: http://localhost:3000/reset-password?token=abc',
      purpose: 'password-reset',
    });
  });
  afterAll(() => ctx.close());

  it('shows unsent mail, escaped, to an administrator of the whole tree', async () => {
    const res = await ctx.request('/admin/outbox?to=ban.doc@example.vn', {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Đặt lại mật khẩu &lt;Suốt Đời&gt;');
    expect(html).toContain('reset-password?token=abc');
    expect(html).toContain('Chưa gửi (hộp thư đi)');
  });

  it('is refused to an administrator of one branch, whose grant does not cover the root', async () => {
    const res = await ctx.request('/admin/outbox', { headers: { cookie: branchAdmin.cookie } });
    expect(res.status).toBe(403);
  });

  it('sends anonymous visitors to sign in', async () => {
    const res = await ctx.request('/en/admin/outbox', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/en\/sign-in\?next=/);
  });
});
