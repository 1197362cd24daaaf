// The equity view as staff meet it: the Department's officer opens it from the indicators dashboard; a unit's
// staff member sees no link to it on the same dashboard and is refused the page itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../../modules/access/access.grants.server.ts';
import { unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

describe('equity view page', () => {
  let ctx: TestContext;
  const cookies: Record<string, string> = {};
  const get = (path: string, who: string) =>
    ctx.request(path, { headers: { cookie: cookies[who] ?? '' }, redirect: 'manual' });

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const [who, role, code] of [
      ['officer', 'department_officer', 'phong-qlvhgd'],
      ['libStaff', 'unit_staff', 'thu-vien-tinh'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Người ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      cookies[who] = u.cookie;
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('is linked from the dashboard for the officer and opens', async () => {
    const dash = await (await get('/admin/indicators', 'officer')).text();
    expect(dash).toContain('/admin/indicators/equity');
    const page = await get('/admin/indicators/equity', 'officer');
    expect(page.status).toBe(200);
  });

  it('is neither linked nor open for a unit staff member', async () => {
    const dash = await get('/admin/indicators', 'libStaff');
    expect(dash.status).toBe(200);
    expect(await dash.text()).not.toContain('/admin/indicators/equity');
    expect((await get('/admin/indicators/equity', 'libStaff')).status).toBe(403);
  });
});
