// The per-unit reporting page as a browser without JavaScript sees it: the unit's own periods (status, deadline)
// and its figures by year; another unit's staff are refused; the periods list links a unit's staff to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../../modules/access/access.grants.server.ts';
import { addEvent } from '../../modules/reports/reports.test-helpers.ts';
import { unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

describe('per-unit reporting page', () => {
  let ctx: TestContext;
  let library = '';
  let librarian = '';
  let curator = '';
  let officer = '';
  const get = (path: string, cookie: string) =>
    ctx.request(path, { headers: { cookie }, redirect: 'manual' });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const user = async (role: 'unit_manager' | 'unit_staff' | 'department_officer', code: string) => {
      const u = await signUpAndSignIn(ctx);
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      return u.cookie;
    };
    librarian = await user('unit_manager', 'thu-vien-tinh');
    curator = await user('unit_staff', 'bao-tang-tinh');
    officer = await user('department_officer', 'phong-qlvhgd');
    await addEvent(ctx, library, {
      sessions: [{ at: '2025-04-21T09:00:00+07:00', attendance: [200, 200, 200, 200, 200, 34] }],
    });
  });
  afterAll(() => ctx.close());

  it('shows the unit its periods and its figures by year', async () => {
    const res = await get(`/admin/reports/units/${library}`, librarian);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Báo cáo và số liệu của Thư viện tỉnh');
    expect(html).toContain(`/admin/reports/nam-2025/units/${library}`);
    const row = html.match(/\(SK-03\)<\/th>(.*?)<\/tr>/s)?.[1] ?? '';
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1]?.replace(/<!-- -->/g, ''));
    expect(cells.length).toBeGreaterThanOrEqual(3);
    // 2023, 2024, 2025, …: the attendance of 21/4/2025 (1,034) only in 2025.
    expect(cells.slice(0, 3)).toEqual(['0', '0', '1.034']);
  });

  it('refuses another unit’s staff and lets the focal point in', async () => {
    expect((await get(`/admin/reports/units/${library}`, curator)).status).toBe(403);
    expect((await get(`/admin/reports/units/${library}`, officer)).status).toBe(200);
    expect((await get('/admin/reports/units/unit_nope', officer)).status).toBe(404);
  });

  it('links a unit’s staff from the periods list to their unit’s page', async () => {
    const html = await (await get('/admin/reports', librarian)).text();
    expect(html).toContain(`href="/admin/reports/units/${library}"`);
  });
});
