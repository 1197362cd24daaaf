import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../app/seeds.server.ts';
import { cookieHeaderFrom, signIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { DEMO_ACCOUNTS, DEMO_ADMIN_EMAIL } from './access.seed.server.ts';

describe('demo accounts', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('are created once, with roles on their units, and the password is returned only then', async () => {
    const first = await seedDemo(ctx.deps);
    expect(first.created).toBe(true);
    expect(first.adminEmail).toBe(DEMO_ADMIN_EMAIL);
    expect(first.adminPassword).toMatch(/^demo-[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await seedDemo(ctx.deps)).toEqual({ created: false });

    for (const account of DEMO_ACCOUNTS) {
      const rows = await ctx.dbh.query<{ role: string; code: string }>(
        `SELECT g.role, un.code FROM role_grants g JOIN users u ON u.id = g.user_id JOIN units un ON un.id = g.unit_id
          WHERE u.email = $1 AND g.revoked_at IS NULL`,
        [account.email],
      );
      expect(rows, account.email).toEqual([{ role: account.role, code: account.unitCode }]);
    }

    const res = await signIn(ctx, DEMO_ADMIN_EMAIL, first.adminPassword ?? '');
    expect(res.status).toBe(200);
    const page = await ctx.request('/admin/users', { headers: { cookie: cookieHeaderFrom(res) } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const account of DEMO_ACCOUNTS) expect(html).toContain(account.name);
  });
});
