// The harvest back-office page over HTTP, without JavaScript: forms post, redirect with a notice, errors
// are shown with the fields they belong to; who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';

describe('harvest page', () => {
  let ctx: TestContext;
  let adminCookie: string;
  let staffCookie: string;
  let library: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const root = await unitIdOf(ctx, 'so-vhttdl');
    const admin = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: admin.userId, role: 'administrator', unitId: root });
    adminCookie = admin.cookie;
    const staff = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: staff.userId, role: 'unit_staff', unitId: library });
    staffCookie = staff.cookie;
  }, 180_000);
  afterAll(() => ctx.close());

  const page = async (cookie: string, query = '') => {
    const res = await ctx.request(`/admin/catalogue/harvest${query}`, { headers: { cookie } });
    return { status: res.status, html: await res.text() };
  };

  it('lets a root administrator add hosts and sources and start a run', async () => {
    const first = await page(adminCookie);
    expect(first.status).toBe(200);
    expect(first.html).toContain('Máy chủ được phép truy cập');
    expect(first.html).toContain('href="/admin/catalogue/harvest"');

    const bad = await postForm(
      ctx,
      '/admin/catalogue/harvest',
      { intent: 'allow-add', pattern: 'http://x/' },
      {
        cookie: adminCookie,
      },
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#allow-pattern"');
    expect(badHtml).toContain('Tên máy chủ không hợp lệ');

    const add = await postForm(
      ctx,
      '/admin/catalogue/harvest',
      { intent: 'allow-add', pattern: 'opac.example.vn', note: 'Thư viện bạn' },
      { cookie: adminCookie },
    );
    expect(add.status).toBe(302);
    expect(add.headers.get('location')).toBe('/admin/catalogue/harvest?done=hostAdded');

    const notAllowed = await postForm(
      ctx,
      '/admin/catalogue/harvest',
      {
        intent: 'source-add',
        name: 'Nguồn lạ',
        baseUrl: 'https://other.example.org/oai',
        metadataPrefix: 'marcxml',
        unitId: library,
        schedule: 'daily',
      },
      { cookie: adminCookie },
    );
    expect(notAllowed.status).toBe(422);
    expect(await notAllowed.text()).toContain('href="#source-url"');

    const source = await postForm(
      ctx,
      '/admin/catalogue/harvest',
      {
        intent: 'source-add',
        name: 'OPAC bạn',
        baseUrl: 'https://opac.example.vn/oai',
        metadataPrefix: 'oai_dc',
        setSpec: 'type:book',
        unitId: library,
        schedule: 'weekly',
        publish: 'on',
      },
      { cookie: adminCookie },
    );
    expect(source.headers.get('location')).toBe('/admin/catalogue/harvest?done=sourceAdded');
    const [row] = await ctx.deps.repos.catalogueHarvest.listSources(ctx.deps.db);
    expect(row).toMatchObject({ name: 'OPAC bạn', schedule: 'weekly', publish: true, setSpec: 'type:book' });

    const run = await postForm(
      ctx,
      '/en/admin/catalogue/harvest',
      { intent: 'run', sourceId: row?.id ?? '' },
      { cookie: adminCookie },
    );
    expect(run.headers.get('location')).toBe('/en/admin/catalogue/harvest?done=runStarted');
    const en = await page(adminCookie, '?done=runStarted');
    expect(en.html).toContain('Đã xếp lịch thu thập');
    expect(en.html).toContain('Đang chờ');
  });

  it('shows unit staff their sources read-only (no allow-list changes, no source form)', async () => {
    const { status, html } = await page(staffCookie);
    expect(status).toBe(200);
    expect(html).toContain('OPAC bạn');
    expect(html).toContain('Chỉ quản trị viên cấp Sở được sửa danh sách này.');
    expect(html).not.toContain('name="intent" value="source-add"');
    expect(html).not.toContain('name="intent" value="allow-add"');
    const denied = await postForm(
      ctx,
      '/admin/catalogue/harvest',
      { intent: 'allow-add', pattern: 'evil.vn' },
      {
        cookie: staffCookie,
      },
    );
    expect(denied.status).toBe(403);
  });

  it('is not for citizens', async () => {
    const citizen = await signUpAndSignIn(ctx);
    const { status } = await page(citizen.cookie);
    expect([302, 403]).toContain(status);
  });
});
