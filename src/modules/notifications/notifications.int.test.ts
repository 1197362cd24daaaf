import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('notifications page', () => {
  it('lists only my notifications, in my language, and marks them read', async () => {
    const me = await signUpAndSignIn(ctx, { email: 'notif-me@example.vn' });
    const other = await signUpAndSignIn(ctx, { email: 'notif-other@example.vn' });
    const repo = ctx.deps.repos.notifications;
    await repo.create(ctx.deps.db, {
      userId: me.userId,
      kind: 'test',
      messageKey: 'notifications.count',
      params: { count: 7 },
      link: '/account',
      dedupeKey: 'n-1',
    });
    expect(
      await repo.create(ctx.deps.db, {
        userId: me.userId,
        kind: 'test',
        messageKey: 'notifications.count',
        dedupeKey: 'n-1',
      }),
    ).toBeNull();
    await repo.create(ctx.deps.db, {
      userId: other.userId,
      kind: 'test',
      messageKey: 'notifications.empty',
      link: '//evil.example/x',
    });
    const page = await ctx.request('/account/notifications', { headers: { cookie: me.cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('7 thông báo chưa đọc');
    expect(html).not.toContain('Chưa có thông báo nào');
    const en = await (
      await ctx.request('/en/account/notifications', { headers: { cookie: me.cookie } })
    ).text();
    expect(en).toContain('7 unread notifications');
    const post = await ctx.request('/account/notifications', {
      method: 'POST',
      headers: { cookie: me.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(post.status).toBeLessThan(400);
    expect(await repo.unreadCount(ctx.deps.db, me.userId)).toBe(0);
    expect(await repo.unreadCount(ctx.deps.db, other.userId)).toBe(1);
    const [stored] = await repo.list(ctx.deps.db, other.userId);
    expect(stored?.link).toBeNull();
  });

  it('requires sign-in', async () => {
    const res = await ctx.request('/account/notifications', { redirect: 'manual' });
    expect([302, 303, 401]).toContain(res.status);
  });
});
