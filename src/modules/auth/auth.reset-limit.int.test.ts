// The forgot-password form cannot be used to flood a mailbox: 3 reset mails an hour per address, 10 per IP,
// and the page answers the same whether a mail went out or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

describe('password-reset mail throttling', () => {
  let ctx: TestContext;
  let email: string;
  const resetMails = async (to: string) =>
    (await ctx.deps.repos.outbox.latest(100, to)).filter((m) => m.purpose === 'password-reset').length;

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ email } = await signUpAndSignIn(ctx, { name: 'Người Quên Mật Khẩu' }));
  });
  afterAll(() => ctx.close());

  it('sends at most 3 reset mails an hour to one address, with the same answer every time', async () => {
    const sent = t('vi', 'auth.forgot.sent');
    for (let i = 0; i < 5; i++) {
      const res = await postForm(ctx, '/forgot-password', { email });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(sent);
    }
    expect(await resetMails(email)).toBe(3);
  });

  it('refuses the reset endpoint of the auth library, which would bypass the limit', async () => {
    const res = await ctx.request('/api/auth/request-password-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, redirectTo: '/reset-password' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await resetMails(email)).toBe(3);
  });
});
