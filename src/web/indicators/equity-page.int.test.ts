// The equity view as staff meet it: the Department's officer opens it from the indicators dashboard; a unit's
// staff member sees no link to it on the same dashboard and is refused the page itself. The suppression
// threshold's form (no JavaScript): validated, versioned, audited, refused to a unit's staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../../modules/access/access.grants.server.ts';
import { equityView } from '../../modules/indicators/indicators.equity.server.ts';
import { auditCount, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
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

  it('lets the focal point change the threshold on a plain form: validated, versioned, audited', async () => {
    const path = '/admin/indicators/equity/threshold';
    const page = await get(path, 'officer');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="threshold"');
    const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    expect((await (await get('/admin/indicators/equity', 'officer')).text()).includes(path)).toBe(true);
    const post = (fields: Record<string, string>, who = 'officer') =>
      postForm(ctx, path, fields, { cookie: cookies[who] ?? '' });
    for (const bad of ['abc', '1', '101', '2.5', '', '-3']) {
      const r = await post({ threshold: bad, version });
      expect(r.status, bad).toBe(422);
      expect(await r.text()).toContain('Nhập một số nguyên từ 2 đến 100.');
    }
    expect((await equityView(ctx.deps, 2026)).threshold).toBe(10);
    const ok = await post({ threshold: '5', version });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain(`${path}?done=saved`);
    expect((await equityView(ctx.deps, 2026)).threshold).toBe(5);
    expect(await auditCount(ctx, 'indicators.equityThreshold.set', 'indicators.equity.min_cell')).toBe(1);
    // The same (now stale) version again: refused, nothing saved.
    const stale = await post({ threshold: '7', version });
    expect(stale.status).toBe(409);
    expect((await equityView(ctx.deps, 2026)).threshold).toBe(5);
    // A unit's staff member: neither the page nor the save.
    expect((await get(path, 'libStaff')).status).toBe(403);
    expect((await post({ threshold: '20', version: String(+version + 1) }, 'libStaff')).status).toBe(403);
    expect((await equityView(ctx.deps, 2026)).threshold).toBe(5);
  });
});
