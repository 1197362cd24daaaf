import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeaderFrom, postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { CLIENT_IP_HEADER } from '../auth/auth.client-ip.server.ts';
import {
  confirmEmail,
  finishPhoneSignIn,
  signUpWithEmail,
  startPhoneSignIn,
} from './learners.accounts.server.ts';
import {
  MAX_FAILS_PER_IP,
  MAX_SENDS_PER_IP,
  MAX_TRIES_PER_CODE,
  RESEND_AFTER_MS,
} from './learners.codes.server.ts';
import { freshPhone, latestCode, phoneSignIn } from './learners.test-helpers.ts';

let ctx: TestContext;
let realNow: () => Date;
beforeAll(async () => {
  ctx = await createTestContext();
  realNow = ctx.deps.now;
}, 180_000);
afterAll(() => ctx.close());

const fromIp = (ip: string) => new Headers({ [CLIENT_IP_HEADER]: ip });
const later = (ms: number) => () => new Date(realNow().getTime() + ms);

describe('phone sign-in with a one-time code', () => {
  it('signs up on first use, normalising the number to E.164, and signs the same account in next time', async () => {
    const first = await phoneSignIn(ctx, '+84912000111');
    expect(first.location).toBe(`/my/profile/${first.userId}?welcome=1`);
    const contact = await ctx.deps.repos.learners.contact(ctx.deps.db, '+84912000111');
    expect(contact).toMatchObject({ kind: 'phone', userId: first.userId });
    expect(contact?.verifiedAt).not.toBeNull();
    // A code sent to "0912 000 111" is the same number.
    ctx.deps.now = later(RESEND_AFTER_MS + 1000);
    try {
      await postForm(ctx, '/sign-in/phone', { intent: 'send', phone: '0912 000 111' });
      const code = await latestCode(ctx, '+84912000111');
      const res = await postForm(ctx, '/sign-in/phone', { intent: 'verify', phone: '0912000111', code });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/my');
      const actor = await ctx.deps.actors.resolve(new Headers({ cookie: cookieHeaderFrom(res) }));
      expect(actor.kind === 'user' && actor.userId).toBe(first.userId);
    } finally {
      ctx.deps.now = realNow;
    }
  });

  it('gives a session the ordinary sign-out ends', async () => {
    const s = await phoneSignIn(ctx);
    const out = await postForm(ctx, '/sign-out', {}, { cookie: s.cookie });
    expect(out.status).toBeLessThan(400);
    const actor = await ctx.deps.actors.resolve(new Headers({ cookie: s.cookie }));
    expect(actor.kind).toBe('anonymous');
  });

  it('answers a known and an unknown number with the same page (no enumeration)', async () => {
    const known = await phoneSignIn(ctx);
    ctx.deps.now = later(RESEND_AFTER_MS + 1000);
    try {
      const unknown = freshPhone();
      const a = await postForm(ctx, '/sign-in/phone', { intent: 'send', phone: known.phone });
      const b = await postForm(ctx, '/sign-in/phone', { intent: 'send', phone: unknown });
      expect(a.status).toBe(b.status);
      const strip = (html: string, phone: string) =>
        html
          .replaceAll(phone, 'PHONE')
          .replace(/\+84 \d\d••••\d{3}/g, 'MASKED')
          .replace(/ftk_[\w-]+/g, 'TOKEN')
          .replace(/nonce="[^"]*"/g, '');
      expect(strip(await a.text(), known.phone)).toBe(strip(await b.text(), unknown));
    } finally {
      ctx.deps.now = realNow;
    }
  });

  it('refuses a number that is not a Vietnamese mobile, with a clear message', async () => {
    for (const phone of ['12345', '+86 139 1234 5678', '0258 3822 000', 'abc', '']) {
      const res = await postForm(ctx, '/sign-in/phone', { intent: 'send', phone });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('số di động Việt Nam');
    }
  });

  it('refuses a replayed code: a code works once', async () => {
    const phone = freshPhone();
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const code = await latestCode(ctx, phone);
    await finishPhoneSignIn(ctx.deps, { phone, code, headers: new Headers() });
    await expect(finishPhoneSignIn(ctx.deps, { phone, code, headers: new Headers() })).rejects.toMatchObject({
      code: 'learners.code_wrong',
      status: 422,
    });
  });

  it('lets two racing uses of one code sign in at most once', async () => {
    const phone = freshPhone();
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const code = await latestCode(ctx, phone);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => finishPhoneSignIn(ctx.deps, { phone, code, headers: new Headers() })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('kills a code after a few wrong tries, so guessing cannot succeed even with the right code last', async () => {
    const phone = freshPhone();
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const code = await latestCode(ctx, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < MAX_TRIES_PER_CODE; i++) {
      await expect(
        finishPhoneSignIn(ctx.deps, { phone, code: wrong, headers: new Headers() }),
      ).rejects.toMatchObject({
        code: 'learners.code_wrong',
      });
    }
    await expect(finishPhoneSignIn(ctx.deps, { phone, code, headers: new Headers() })).rejects.toMatchObject({
      code: 'learners.code_wrong',
    });
  });

  it('refuses an expired code and an older code once a newer one was sent', async () => {
    const phone = freshPhone();
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const old = await latestCode(ctx, phone);
    ctx.deps.now = later(RESEND_AFTER_MS + 1000);
    try {
      await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
      const fresh = await latestCode(ctx, phone);
      if (old !== fresh) {
        await expect(
          finishPhoneSignIn(ctx.deps, { phone, code: old, headers: new Headers() }),
        ).rejects.toMatchObject({
          code: 'learners.code_wrong',
        });
      }
      ctx.deps.now = later(RESEND_AFTER_MS + 6 * 60_000);
      await expect(
        finishPhoneSignIn(ctx.deps, { phone, code: fresh, headers: new Headers() }),
      ).rejects.toMatchObject({
        code: 'learners.code_wrong',
      });
    } finally {
      ctx.deps.now = realNow;
    }
  });

  it('limits codes per number (a pause between two) and per client address', async () => {
    const phone = freshPhone();
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const again = await postForm(ctx, '/sign-in/phone', { intent: 'send', phone });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);

    const headers = fromIp('203.0.113.7');
    for (let i = 0; i < MAX_SENDS_PER_IP; i++) {
      await startPhoneSignIn(ctx.deps, { phone: freshPhone(), headers, locale: 'vi' });
    }
    await expect(
      startPhoneSignIn(ctx.deps, { phone: freshPhone(), headers, locale: 'vi' }),
    ).rejects.toMatchObject({
      code: 'learners.code_rate_limited',
      status: 429,
    });
  });

  it('stops one client address that keeps guessing codes across numbers', async () => {
    const headers = fromIp('198.51.100.9');
    for (let i = 0; i < MAX_FAILS_PER_IP; i++) {
      await expect(
        finishPhoneSignIn(ctx.deps, { phone: freshPhone(), code: '123456', headers }),
      ).rejects.toMatchObject({ code: 'learners.code_wrong' });
    }
    await expect(
      finishPhoneSignIn(ctx.deps, { phone: freshPhone(), code: '123456', headers }),
    ).rejects.toMatchObject({
      code: 'learners.code_rate_limited',
      status: 429,
    });
  });

  it('keeps codes out of the database in clear: only HMACs of the code and the number are stored', async () => {
    const phone = freshPhone();
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const code = await latestCode(ctx, phone);
    const rows = await ctx.dbh.query<Record<string, unknown>>('SELECT * FROM learner_codes');
    const all = JSON.stringify(rows);
    expect(all).not.toContain(code);
    expect(all).not.toContain(phone);
    expect(all).not.toContain(phone.slice(1));
  });

  it('does not sign a staff account with two-step verification in by phone code alone', async () => {
    const staff = await signUpAndSignIn(ctx);
    await ctx.dbh.query('UPDATE users SET two_factor_enabled = true WHERE id = $1', [staff.userId]);
    const phone = freshPhone();
    await ctx.deps.repos.learners.addContact(ctx.deps.db, {
      address: phone,
      kind: 'phone',
      userId: staff.userId,
      verifiedAt: new Date(),
    });
    await startPhoneSignIn(ctx.deps, { phone, headers: new Headers(), locale: 'vi' });
    const code = await latestCode(ctx, phone);
    await expect(finishPhoneSignIn(ctx.deps, { phone, code, headers: new Headers() })).rejects.toMatchObject({
      code: 'learners.use_password',
    });
  });
});

describe('e-mail sign-up', () => {
  it('creates the account, confirms the address with a code and signs it in', async () => {
    const email = 'Nguoi.Hoc@Example.vn';
    await signUpWithEmail(ctx.deps, {
      email,
      displayName: 'Người Học',
      password: 'Sóng biển Nha Trang 2026',
      headers: new Headers(),
      locale: 'vi',
    });
    const code = await latestCode(ctx, 'nguoi.hoc@example.vn');
    const r = await confirmEmail(ctx.deps, { email, code, headers: new Headers() });
    const contact = await ctx.deps.repos.learners.contact(ctx.deps.db, 'nguoi.hoc@example.vn');
    expect(contact?.userId).toBe(r.userId);
    expect(contact?.verifiedAt).not.toBeNull();
    // And the password works on the ordinary sign-in.
    const res = await ctx.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nguoi.hoc@example.vn', password: 'Sóng biển Nha Trang 2026' }),
    });
    expect(res.status).toBe(200);
  });

  it('answers an address that already has an account like a new one, and tells its owner instead', async () => {
    const existing = await signUpAndSignIn(ctx);
    const res = await postForm(ctx, '/join', {
      intent: 'sign-up',
      email: existing.email,
      displayName: 'Kẻ thử',
      password: 'Một mật khẩu khác hẳn 123',
    });
    const fresh = await postForm(ctx, '/join', {
      intent: 'sign-up',
      email: 'moi-toanh@example.vn',
      displayName: 'Kẻ thử',
      password: 'Một mật khẩu khác hẳn 123',
    });
    expect(res.status).toBe(200);
    expect(fresh.status).toBe(200);
    const strip = (html: string, email: string) =>
      html
        .replaceAll(email, 'EMAIL')
        .replace(/ftk_[\w-]+/g, 'TOKEN')
        .replace(/nonce="[^"]*"/g, '');
    expect(strip(await res.text(), existing.email)).toBe(strip(await fresh.text(), 'moi-toanh@example.vn'));
    const mails = await ctx.dbh.query<{ purpose: string }>(
      'SELECT purpose FROM mail_outbox WHERE to_address = $1',
      [existing.email],
    );
    expect(mails.map((m) => m.purpose)).toContain('learners.already-registered');
  });

  it('refuses a weak password the same way whether or not the address has an account', async () => {
    const existing = await signUpAndSignIn(ctx);
    const a = await postForm(ctx, '/join', {
      intent: 'sign-up',
      email: existing.email,
      displayName: 'A',
      password: 'short',
    });
    const b = await postForm(ctx, '/join', {
      intent: 'sign-up',
      email: 'chua-co@example.vn',
      displayName: 'A',
      password: 'short',
    });
    expect(a.status).toBe(422);
    expect(b.status).toBe(422);
  });

  it('refuses a weak password with the password rule, and keeps what was typed', async () => {
    const res = await postForm(ctx, '/join', {
      intent: 'sign-up',
      email: 'yeu@example.vn',
      displayName: 'Tên',
      password: 'short',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('yeu@example.vn');
    expect(html).toContain('error-summary');
  });
});
