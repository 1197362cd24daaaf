import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { cookieHeaderFrom, postForm, signIn } from '../../test/auth-helpers.ts';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.ts';
import { createUserWithPassword } from './auth.users.server.ts';

let ctx: TestContext;
let ipCounter = 0;
/** Each test signs in from its own address so the per-IP limit of one test does not leak into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

async function newUser(password = 'Sông Cái mùa nước nổi') {
  const email = `nguoi-dung-${Math.random().toString(36).slice(2, 10)}@example.vn`;
  const { id } = await createUserWithPassword(ctx.deps, { email, name: 'Trần Văn Thử', password });
  return { id, email, password };
}

const sessionCookie = (res: Response) =>
  res.headers.getSetCookie().find((c) => c.startsWith('sd.session_token=') && !/max-age=0/i.test(c));

describe('sign-in page', () => {
  it('signs in and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const u = await newUser();
    const res = await postForm(
      ctx,
      '/sign-in',
      { email: u.email, password: u.password, next: '/account' },
      { 'x-forwarded-for': freshIp() },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/account');
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const page = await ctx.request('/account', { headers: { cookie: cookieHeaderFrom(res) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(u.email);
  });

  it('refuses a wrong password with a clear message and no cookie', async () => {
    const u = await newUser();
    const res = await postForm(
      ctx,
      '/sign-in',
      { email: u.email, password: 'not the password' },
      { 'x-forwarded-for': freshIp() },
    );
    expect(res.status).toBe(401);
    expect(sessionCookie(res)).toBeUndefined();
    const html = await res.text();
    expect(html).toContain('Email hoặc mật khẩu không đúng.');
    expect(html).toContain(`value="${u.email}"`);
  });

  it('answers in English under /en', async () => {
    const u = await newUser();
    const res = await postForm(ctx, '/en/sign-in', { email: u.email, password: 'nope nope' });
    expect(await res.text()).toContain('The e-mail address or password is incorrect.');
  });

  it('signs in with a password typed in NFD to an account registered in NFC', async () => {
    const nfc = 'Mật khẩu Nha Trang 2024'.normalize('NFC');
    const u = await newUser(nfc);
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const res = await postForm(ctx, '/sign-in', { email: u.email, password: nfd });
    expect(res.status).toBe(302);
    expect(sessionCookie(res)).toBeDefined();
  });

  it('ignores a next parameter that leaves the site', async () => {
    const u = await newUser();
    for (const next of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const res = await postForm(ctx, '/sign-in', { email: u.email, password: u.password, next });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/');
    }
    const page = await ctx.request(`/sign-in?next=${encodeURIComponent('https://evil.example')}`);
    expect(await page.text()).toContain('<input type="hidden" name="next" value="/"/>');
  });

  it('refuses a sign-in form posted from another site', async () => {
    const u = await newUser();
    const res = await postForm(
      ctx,
      '/sign-in',
      { email: u.email, password: u.password },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(sessionCookie(res)).toBeUndefined();
    const viaFetchMetadata = await postForm(
      ctx,
      '/sign-in',
      { email: u.email, password: u.password },
      { origin: TEST_ORIGIN, 'sec-fetch-site': 'cross-site' },
    );
    expect(viaFetchMetadata.status).toBe(403);
  });
});

describe('sign-in rate limit', () => {
  it('refuses the 11th attempt on an account from one address within 5 minutes, even with the right password', async () => {
    const u = await newUser();
    const ip = freshIp();
    const realNow = ctx.deps.now;
    let clock = Date.now();
    // One failure every 20 seconds: slow enough that the account's own short waits never apply.
    ctx.deps.now = () => new Date(clock);
    try {
      for (let i = 0; i < 10; i++) {
        const res = await postForm(
          ctx,
          '/sign-in',
          { email: u.email, password: `wrong-${i}-password` },
          { 'x-forwarded-for': ip },
        );
        expect(res.status).toBe(401);
        clock += 20_000;
      }
      const res = await postForm(
        ctx,
        '/sign-in',
        { email: u.email, password: u.password },
        { 'x-forwarded-for': ip },
      );
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(sessionCookie(res)).toBeUndefined();
      expect(await res.text()).toMatch(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau khoảng \d+ phút/);

      const api = await signIn(ctx, u.email, u.password, { 'x-forwarded-for': ip });
      expect(api.status).toBe(429);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
      expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await api.json()) as { code: string }).code).toBe('auth.rate_limited');

      // Five minutes after the first failure that address may try again.
      clock += 5 * 60 * 1000 - 9 * 20_000 + 1000;
      const later = await postForm(
        ctx,
        '/sign-in',
        { email: u.email, password: u.password },
        { 'x-forwarded-for': ip },
      );
      expect(later.status).toBe(302);
    } finally {
      ctx.deps.now = realNow;
    }
  });

  it('refuses the 21st failed attempt from one address across accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      const res = await signIn(ctx, `khong-co-${i}@example.vn`, 'wrong password', { 'x-forwarded-for': ip });
      expect(res.status).toBe(401);
    }
    const u = await newUser();
    const blocked = await postForm(
      ctx,
      '/sign-in',
      { email: u.email, password: u.password },
      { 'x-forwarded-for': ip },
    );
    expect(blocked.status).toBe(429);
    const elsewhere = await postForm(
      ctx,
      '/sign-in',
      { email: u.email, password: u.password },
      { 'x-forwarded-for': freshIp() },
    );
    expect(elsewhere.status).toBe(302);
  });
});

describe('password rules', () => {
  it('rejects a common password and a 7-character password', async () => {
    for (const password of ['password123', 'matkhau123', 'Mật khẩu', '1234567', 'Abc!23x']) {
      const attempt = createUserWithPassword(ctx.deps, {
        email: `quy-tac-${Math.random().toString(36).slice(2)}@example.vn`,
        name: 'Lê Thị Quy Tắc',
        password,
      });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ status: 422 });
    }
  });

  it('stores the e-mail lower-cased and refuses a second account for it', async () => {
    const { id } = await createUserWithPassword(ctx.deps, {
      email: 'Chu.Hoa@Example.VN',
      name: 'Chữ Hoa',
      password: 'Biển Nha Trang xanh',
    });
    expect((await ctx.deps.repos.auth.findUserById(id))?.email).toBe('chu.hoa@example.vn');
    await expect(
      createUserWithPassword(ctx.deps, {
        email: 'chu.hoa@example.vn',
        name: 'X',
        password: 'Biển Nha Trang xanh',
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('better-auth endpoints under /api/auth', () => {
  it('applies our password rules to a reset sent straight to the API', async () => {
    const res = await ctx.request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'whatever-token-value', newPassword: 'password1' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('PASSWORD_COMMON');
  });

  it('offers no public self sign-up endpoint', async () => {
    const res = await ctx.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tu-dang-ky@example.vn', password: 'Núi Cô Tiên cao', name: 'X' }),
    });
    expect(res.status).not.toBe(200);
    expect(await ctx.deps.repos.auth.findUserByEmail('tu-dang-ky@example.vn')).toBeUndefined();
  });
});

describe('disabled accounts', () => {
  it('cannot sign in, and their open sessions stop working', async () => {
    const u = await newUser();
    const before = await postForm(ctx, '/sign-in', { email: u.email, password: u.password });
    const cookie = cookieHeaderFrom(before);
    // The access module disables accounts by stamping users.disabled_at (its use case needs an admin tree).
    await ctx.dbh.query('UPDATE users SET disabled_at = now() WHERE id = $1', [u.id]);
    expect((await ctx.deps.actors.resolve(new Headers({ cookie }))).kind).toBe('anonymous');
    const res = await postForm(ctx, '/sign-in', { email: u.email, password: u.password });
    expect(res.status).toBe(403);
    expect(sessionCookie(res)).toBeUndefined();
    expect(await res.text()).toContain('Tài khoản này đã bị khóa');
  });
});
