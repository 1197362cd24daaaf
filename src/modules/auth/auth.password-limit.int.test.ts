// A stolen session must not become a way to guess the account's password: the endpoints that check the current
// password are limited like sign-in (10 failures per 5 minutes per account and client address; the account on
// its own is only slowed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

let ipSeq = 1;
const freshIp = () => `198.51.100.${ipSeq++}`;

function changePassword(cookie: string, currentPassword: string, ip: string) {
  return ctx.request('/api/auth/change-password', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ currentPassword, newPassword: 'Biển Nha Trang xanh ngắt 2026' }),
  });
}

describe('current-password checks are rate limited', () => {
  it('refuses the 11th change-password attempt from one address within 5 minutes, even with the right password', async () => {
    const u = await signUpAndSignIn(ctx);
    const ip = freshIp();
    const realNow = ctx.deps.now;
    let clock = Date.now();
    ctx.deps.now = () => new Date(clock);
    try {
      for (let i = 0; i < 10; i++) {
        const res = await changePassword(u.cookie, `sai-mat-khau-${i}-xyz`, ip);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).not.toBe(429);
        clock += 20_000;
      }
      const blocked = await changePassword(u.cookie, u.password, ip);
      expect(blocked.status).toBe(429);
    } finally {
      ctx.deps.now = realNow;
    }
  });

  it('answers a burst of guesses from many addresses with short waits, not a lock', async () => {
    const u = await signUpAndSignIn(ctx);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await changePassword(u.cookie, `sai-${i}-mat-khau`, freshIp())).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    const slowed = await changePassword(u.cookie, u.password, freshIp());
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(30);
  });

  it('does not count successful checks', async () => {
    const u = await signUpAndSignIn(ctx);
    let password = u.password;
    for (let i = 0; i < 12; i++) {
      const next = `Đèo Cả mây bay số ${i} nhé`;
      const res = await ctx.request('/api/auth/change-password', {
        method: 'POST',
        headers: { cookie: u.cookie, 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
        body: JSON.stringify({ currentPassword: password, newPassword: next }),
      });
      expect(res.status).toBe(200);
      password = next;
    }
  });
});
