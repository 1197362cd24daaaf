// A password-reset link is good for one new password: using any of an account's links, or changing the password
// on the account page or through the API, ends every link still outstanding. Changing or resetting the password
// can sign out every other device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { cookieHeaderFrom, postForm, signIn, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { sendPasswordSetupLink } from './auth.users.server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const refused = t('vi', 'auth.error.invalidToken');
const saved = t('vi', 'auth.reset.done');

/** Mails `n` reset links to the address (straight through the use case: the form limits mails per hour). */
async function resetLinks(email: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    await sendPasswordSetupLink(ctx.deps, email, 'password-reset');
    const [mail] = await ctx.deps.repos.outbox.latest(1, email);
    const token = mail?.body_text.match(/reset-password\?token=([\w-]+)/)?.[1];
    if (!token) throw new Error('no reset link mailed');
    tokens.push(token);
  }
  return tokens;
}

const resetWith = (token: string, password: string, extra: Record<string, string> = {}) =>
  postForm(ctx, '/reset-password', { token, password, confirm: password, ...extra });

const isSignedIn = async (cookie: string) =>
  (await ctx.deps.actors.resolve(new Headers({ cookie }))).kind === 'user';

describe('outstanding reset links', () => {
  it('refuses the older link once the newer one was used, with a clear message', async () => {
    const u = await signUpAndSignIn(ctx);
    const [older, newer] = await resetLinks(u.email, 2);
    expect(await (await resetWith(newer!, 'Biển Nha Trang xanh biếc')).text()).toContain(saved);
    const again = await resetWith(older!, 'Một mật khẩu khác hẳn 2026');
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(refused);
    expect((await signIn(ctx, u.email, 'Biển Nha Trang xanh biếc')).status).toBe(200);
  });

  it('refuses the newer link once the older one was used', async () => {
    const u = await signUpAndSignIn(ctx);
    const [older, newer] = await resetLinks(u.email, 2);
    expect(await (await resetWith(older!, 'Núi Cô Tiên mây phủ')).text()).toContain(saved);
    const again = await resetWith(newer!, 'Một mật khẩu khác hẳn 2026');
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(refused);
    expect((await signIn(ctx, u.email, 'Núi Cô Tiên mây phủ')).status).toBe(200);
  });

  it('ends every link when one is used straight through the API', async () => {
    const u = await signUpAndSignIn(ctx);
    const [older, newer] = await resetLinks(u.email, 2);
    const api = await ctx.request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: newer, newPassword: 'Hòn Chồng sóng vỗ rì rào' }),
    });
    expect(api.status).toBe(200);
    const again = await resetWith(older!, 'Một mật khẩu khác hẳn 2026');
    expect(await again.text()).toContain(refused);
  });

  it('ends every link when the password is changed on the account page', async () => {
    const u = await signUpAndSignIn(ctx);
    const [link] = await resetLinks(u.email, 1);
    const fresh = 'Tháp Bà Ponagar rêu phong';
    const changed = await postForm(
      ctx,
      '/account',
      { intent: 'change-password', currentPassword: u.password, password: fresh, confirm: fresh },
      { cookie: u.cookie },
    );
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain(t('vi', 'auth.account.passwordChanged'));
    const again = await resetWith(link!, 'Một mật khẩu khác hẳn 2026');
    expect(await again.text()).toContain(refused);
    expect((await signIn(ctx, u.email, fresh)).status).toBe(200);
  });

  it('ends every link when the password is changed through the API', async () => {
    const u = await signUpAndSignIn(ctx);
    const [link] = await resetLinks(u.email, 1);
    const res = await ctx.request('/api/auth/change-password', {
      method: 'POST',
      headers: { cookie: u.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: u.password, newPassword: 'Vịnh Cam Ranh nắng vàng' }),
    });
    expect(res.status).toBe(200);
    expect(await (await resetWith(link!, 'Một mật khẩu khác hẳn 2026')).text()).toContain(refused);
  });
});

describe('signing out other devices on a password change', () => {
  it('signs out the other session but keeps this one when asked to', async () => {
    const u = await signUpAndSignIn(ctx);
    const other = cookieHeaderFrom(await signIn(ctx, u.email, u.password));
    const page = await ctx.request('/account', { headers: { cookie: u.cookie } });
    // The box is on the page, ticked by default, and works without JavaScript.
    expect(await page.text()).toMatch(/<input[^>]*name="signOutOthers"[^>]*checked/);
    const fresh = 'Chợ Đầm sáng sớm đông vui';
    const res = await postForm(
      ctx,
      '/account',
      {
        intent: 'change-password',
        currentPassword: u.password,
        password: fresh,
        confirm: fresh,
        signOutOthers: 'on',
      },
      { cookie: u.cookie },
    );
    expect(res.status).toBe(200);
    expect(await isSignedIn(other)).toBe(false);
    // The current device stays signed in (with the renewed cookie if one was set).
    const current = cookieHeaderFrom(res) || u.cookie;
    expect(await isSignedIn(current)).toBe(true);
    const after = await ctx.request('/account', { headers: { cookie: current }, redirect: 'manual' });
    expect(after.status).toBe(200);
  });

  it('does the same through the API, without hanging on the embedded database', async () => {
    const u = await signUpAndSignIn(ctx);
    const other = cookieHeaderFrom(await signIn(ctx, u.email, u.password));
    const res = await ctx.request('/api/auth/change-password', {
      method: 'POST',
      headers: { cookie: u.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        currentPassword: u.password,
        newPassword: 'Vịnh Cam Ranh nắng vàng',
        revokeOtherSessions: true,
      }),
    });
    expect(res.status).toBe(200);
    expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(u.cookie)).toBe(true);
  });

  it('keeps the other session when the box is not ticked', async () => {
    const u = await signUpAndSignIn(ctx);
    const other = cookieHeaderFrom(await signIn(ctx, u.email, u.password));
    const fresh = 'Chợ Đầm sáng sớm đông vui';
    const res = await postForm(
      ctx,
      '/account',
      { intent: 'change-password', currentPassword: u.password, password: fresh, confirm: fresh },
      { cookie: u.cookie },
    );
    expect(res.status).toBe(200);
    expect(await isSignedIn(other)).toBe(true);
    expect(await isSignedIn(cookieHeaderFrom(res) || u.cookie)).toBe(true);
  });

  it('refuses a wrong current password and a mismatched confirmation with clear messages', async () => {
    const u = await signUpAndSignIn(ctx);
    const wrong = await postForm(
      ctx,
      '/account',
      { intent: 'change-password', currentPassword: 'không phải mật khẩu', password: 'A', confirm: 'A' },
      { cookie: u.cookie },
    );
    expect(wrong.status).toBe(422);
    const mismatch = await postForm(
      ctx,
      '/account',
      {
        intent: 'change-password',
        currentPassword: u.password,
        password: 'Đêm hội đèn lồng phố',
        confirm: 'Đêm hội đèn lồng phố khác',
      },
      { cookie: u.cookie },
    );
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain(t('vi', 'auth.reset.mismatch'));
    expect((await signIn(ctx, u.email, u.password)).status).toBe(200);
  });

  it('signs out every session on a reset, the form saying so', async () => {
    const u = await signUpAndSignIn(ctx);
    const [link] = await resetLinks(u.email, 1);
    const form = await ctx.request(`/reset-password?token=${link}`);
    expect(await form.text()).toContain(t('vi', 'auth.reset.signsOutEverywhere'));
    expect(await (await resetWith(link!, 'Hồ Đá Bàn trong xanh')).text()).toContain(saved);
    expect(await isSignedIn(u.cookie)).toBe(false);
  });
});
