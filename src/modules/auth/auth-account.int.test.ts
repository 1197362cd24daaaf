import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { cookieHeaderFrom, postForm, signIn, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { totp } from '../../test/totp.ts';
import { setRequireMfaForStaff } from './auth.usecases.server.ts';
import { createUserWithPassword } from './auth.users.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const decode = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<');

async function latestMailTo(email: string) {
  const [mail] = await ctx.deps.repos.outbox.latest(1, email);
  return mail;
}

describe('password reset', () => {
  it('mails a link that sets a new password; the old one stops working', async () => {
    const u = await signUpAndSignIn(ctx);
    const asked = await postForm(ctx, '/forgot-password', { email: u.email.toUpperCase() });
    expect(asked.status).toBe(200);
    const answer = await asked.text();
    expect(answer).toContain('Nếu địa chỉ này có tài khoản');

    const mail = await latestMailTo(u.email);
    expect(mail?.purpose).toBe('password-reset');
    expect(mail?.subject).toContain('Đặt lại mật khẩu');
    expect(mail?.body_text).toContain('Open the link above within 1 hour(s)');
    const link = mail?.body_text.match(/http:\/\/localhost:3000\/reset-password\?token=[\w-]+/)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link!);
    const page = await ctx.request(url.pathname + url.search);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="token"');

    const token = url.searchParams.get('token')!;
    const weak = await postForm(ctx, '/reset-password', { token, password: '1234567', confirm: '1234567' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('Mật khẩu cần ít nhất 8 ký tự.');
    const common = await postForm(ctx, '/reset-password', {
      token,
      password: 'password1',
      confirm: 'password1',
    });
    expect(await common.text()).toContain('quá phổ biến');

    const fresh = 'Đèo Cả mây trắng bay';
    const done = await postForm(ctx, '/reset-password', { token, password: fresh, confirm: fresh });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Đã lưu mật khẩu mới');

    expect((await signIn(ctx, u.email, u.password)).status).toBe(401);
    expect((await signIn(ctx, u.email, fresh)).status).toBe(200);
    // The reset signed out the session that existed before it.
    expect((await ctx.deps.actors.resolve(new Headers({ cookie: u.cookie }))).kind).toBe('anonymous');
    // A link works once.
    const again = await postForm(ctx, '/reset-password', { token, password: fresh, confirm: fresh });
    expect(await again.text()).toContain('không hợp lệ hoặc đã hết hạn');
  });

  it('kills the other outstanding links of the account when one of them is used', async () => {
    const u = await signUpAndSignIn(ctx);
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      await postForm(ctx, '/forgot-password', { email: u.email });
      const link = (await latestMailTo(u.email))?.body_text.match(/reset-password\?token=([\w-]+)/)?.[1];
      if (!link) throw new Error('no reset link mailed');
      tokens.push(link);
    }
    expect(tokens[0]).not.toBe(tokens[1]);
    const fresh = 'Biển Nha Trang xanh biếc';
    const used = await postForm(ctx, '/reset-password', {
      token: tokens[1]!,
      password: fresh,
      confirm: fresh,
    });
    expect(await used.text()).toContain('Đã lưu mật khẩu mới');
    const older = await postForm(ctx, '/reset-password', {
      token: tokens[0]!,
      password: fresh,
      confirm: fresh,
    });
    expect(await older.text()).toContain('không hợp lệ hoặc đã hết hạn');
  });

  it('answers an unknown address exactly like a known one and sends nothing', async () => {
    const res = await postForm(ctx, '/forgot-password', { email: 'khong-ai@example.vn' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Nếu địa chỉ này có tài khoản');
    expect(await latestMailTo('khong-ai@example.vn')).toBeUndefined();
  });
});

describe('two-step verification', () => {
  it('once enabled, signing in needs a valid TOTP code; a wrong code is refused', async () => {
    const u = await signUpAndSignIn(ctx);
    const start = await postForm(
      ctx,
      '/account/two-factor',
      { intent: 'start', password: u.password },
      { cookie: u.cookie },
    );
    expect(start.status).toBe(200);
    const html = await start.text();
    expect(html).toContain('<svg');
    const secret = html.match(/<code class="secret">([A-Z2-7]+)<\/code>/)?.[1];
    const totpURI = decode(html.match(/name="totpURI" value="([^"]+)"/)?.[1] ?? '');
    expect(secret).toBeDefined();
    expect(totpURI).toContain(`secret=${secret}`);

    const wrongConfirm = await postForm(
      ctx,
      '/account/two-factor',
      { intent: 'confirm', code: '000000' === totp(secret!) ? '111111' : '000000', totpURI },
      { cookie: u.cookie },
    );
    expect(wrongConfirm.status).toBe(422);
    expect(await wrongConfirm.text()).toContain('<svg');

    const confirm = await postForm(
      ctx,
      '/account/two-factor',
      { intent: 'confirm', code: totp(secret!), totpURI },
      { cookie: u.cookie },
    );
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Đã bật xác thực hai bước');
    const renewed = cookieHeaderFrom(confirm);
    expect(renewed).toContain('sd.session_token=');
    const actor = await ctx.deps.actors.resolve(new Headers({ cookie: renewed }));
    expect(actor.kind === 'user' && actor.twoFactorEnabled).toBe(true);

    const first = await postForm(ctx, '/sign-in', { email: u.email, password: u.password, next: '/account' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/two-factor?next=%2Faccount');
    const pending = cookieHeaderFrom(first);
    expect(pending).toContain('sd.two_factor=');
    expect(pending).not.toContain('sd.session_token=');

    const wrong = await postForm(
      ctx,
      '/two-factor',
      { method: 'totp', code: '12345', next: '/account' },
      { cookie: pending },
    );
    expect(wrong.status).toBe(422);
    const badCode = totp(secret!) === '000000' ? '111111' : '000000';
    const refused = await postForm(
      ctx,
      '/two-factor',
      { method: 'totp', code: badCode, next: '/account' },
      { cookie: pending },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Mã xác thực không đúng');

    const ok = await postForm(
      ctx,
      '/two-factor',
      { method: 'totp', code: totp(secret!), next: '/account' },
      { cookie: pending },
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/account');
    expect(cookieHeaderFrom(ok)).toContain('sd.session_token=');

    const api = await signIn(ctx, u.email, u.password);
    expect(((await api.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect).toBe(true);
  });
});

describe('sessions on the account page', () => {
  it('lists sessions with dates and signs out everywhere else', async () => {
    const u = await signUpAndSignIn(ctx);
    const second = cookieHeaderFrom(
      await signIn(ctx, u.email, u.password, {
        'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36',
      }),
    );
    const page = await ctx.request('/account', { headers: { cookie: u.cookie } });
    const html = await page.text();
    expect(html).toContain('Chrome trên Android');
    expect(html).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    const res = await postForm(ctx, '/account', { intent: 'revoke-others' }, { cookie: u.cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã đăng xuất 1 thiết bị khác.');
    expect((await ctx.deps.actors.resolve(new Headers({ cookie: second }))).kind).toBe('anonymous');
    expect((await ctx.deps.actors.resolve(new Headers({ cookie: u.cookie }))).kind).toBe('user');
    const gone = await ctx.request('/account', { headers: { cookie: second }, redirect: 'manual' });
    expect(gone.status).toBe(302);
    expect(gone.headers.get('location')).toBe('/sign-in?next=%2Faccount');
  });

  it('signs out only on POST', async () => {
    const u = await signUpAndSignIn(ctx);
    const get = await ctx.request('/sign-out', { headers: { cookie: u.cookie } });
    expect(get.status).toBe(200);
    expect((await ctx.deps.actors.resolve(new Headers({ cookie: u.cookie }))).kind).toBe('user');
    const post = await postForm(ctx, '/sign-out', {}, { cookie: u.cookie });
    expect(post.status).toBe(302);
    expect((await ctx.deps.actors.resolve(new Headers({ cookie: u.cookie }))).kind).toBe('anonymous');
  });
});

describe('required two-step verification for staff', () => {
  it('sends staff without it from /admin to the setup page, once an administrator requires it', async () => {
    const u = await signUpAndSignIn(ctx);
    const realResolver = ctx.deps.actors;
    // Make this user staff without depending on the access module's invitation flow.
    ctx.deps.actors = {
      async resolve(headers) {
        const a = await realResolver.resolve(headers);
        return a.kind === 'user' ? { ...a, grants: [{ role: 'unit_staff', unitId: 'unit_test' }] } : a;
      },
    };
    try {
      const admin: Actor = {
        kind: 'user',
        userId: u.userId,
        email: u.email,
        name: 'Quản trị',
        grants: [{ role: 'administrator', unitId: 'unit_root' }],
        inSubtree: () => true,
        twoFactorEnabled: true,
        sessionId: 'ses_x',
      };
      await setRequireMfaForStaff(ctx.deps, admin, true);
      const res = await ctx.request('/admin', { headers: { cookie: u.cookie }, redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/account/two-factor?required=1');
      const setup = await ctx.request('/account/two-factor?required=1', { headers: { cookie: u.cookie } });
      expect(await setup.text()).toContain('Quản trị viên yêu cầu mọi cán bộ dùng xác thực hai bước');
      await setRequireMfaForStaff(ctx.deps, admin, false);
      const open = await ctx.request('/admin', { headers: { cookie: u.cookie }, redirect: 'manual' });
      expect(open.status).toBe(200);
    } finally {
      ctx.deps.actors = realResolver;
    }
  });

  it('lets only administrators change the setting', async () => {
    await expect(setRequireMfaForStaff(ctx.deps, { kind: 'anonymous' }, true)).rejects.toMatchObject({
      status: 401,
    });
    const u = await signUpAndSignIn(ctx);
    const citizen = await ctx.deps.actors.resolve(new Headers({ cookie: u.cookie }));
    await expect(setRequireMfaForStaff(ctx.deps, citizen, true)).rejects.toMatchObject({ status: 403 });
  });
});

describe('cookies over HTTPS', () => {
  it('uses the __Host- prefix with Secure, Path=/ and no Domain', async () => {
    const secure = await createTestContext({ config: { PUBLIC_URL: 'https://hoctap.example.vn' } });
    try {
      // The harness speaks http://localhost:3000; sign in through better-auth's server API instead.
      await createUserWithPassword(secure.deps, {
        email: 'https@example.vn',
        name: 'H',
        password: 'Vịnh Vân Phong',
      });
      const res = await secure.deps.auth.api.signInEmail({
        body: { email: 'https@example.vn', password: 'Vịnh Vân Phong' },
        returnHeaders: true,
      });
      const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
      expect(cookie).toMatch(/^__Host-sd\.session_token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      const actor = await secure.deps.actors.resolve(new Headers({ cookie: cookie!.split(';')[0]! }));
      expect(actor.kind).toBe('user');
    } finally {
      await secure.close();
    }
  });
});
