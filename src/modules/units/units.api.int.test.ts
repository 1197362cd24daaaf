// The units API and pages through the real app: sign-in cookie, role grants, problem+json answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRole } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from './units.test-helpers.ts';

describe('units over HTTP', () => {
  let ctx: TestContext;
  let admin: string;
  let staff: string;
  let officer: string;
  let rootId: string;
  let libraryId: string;

  const asUser = (cookie: string, method: string, body?: unknown): RequestInit => ({
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const form = (cookie: string, fields: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    rootId = await unitIdOf(ctx, 'so-vhttdl');
    libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
    const bootstrap = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const grant = async (role: 'administrator' | 'unit_staff' | 'department_officer', unitId: string) => {
      const user = await signUpAndSignIn(ctx);
      await grantRole(ctx.deps, bootstrap, { userId: user.userId, role, unitId });
      return user.cookie;
    };
    admin = await grant('administrator', rootId);
    staff = await grant('unit_staff', libraryId);
    officer = await grant('department_officer', await unitIdOf(ctx, 'phong-qlvhgd'));
  });
  afterAll(() => ctx.close());

  const valid = () => ({
    code: `tv-xa-${Math.random().toString(36).slice(2, 8)}`,
    name: 'Thư viện xã Cam Hải Đông',
    kind: 'community_library',
    parentId: libraryId,
    validFrom: '2025-07-01',
  });

  it('creates a unit from the documented JSON contract and audits it', async () => {
    const res = await ctx.request('/api/v1/units', asUser(admin, 'POST', valid()));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; parentId: string; status: string };
    expect(body).toMatchObject({ parentId: libraryId, status: 'active' });
    expect(await auditCount(ctx, 'units.unit.create', body.id)).toBe(1);
    const audit = await ctx.dbh.query<{ request_id: string | null }>(
      'SELECT request_id FROM audit_log WHERE entity_id = $1',
      [body.id],
    );
    expect(audit[0]?.request_id).toBeTruthy();
  });

  it.each([
    ['a bad code', { ...valid(), code: 'Thư Viện!' }, 'code'],
    ['an unknown field', { ...valid(), extra: 1 }, '(body)'],
    ['an unknown kind', { ...valid(), kind: 'castle' }, 'kind'],
    ['a bad date', { ...valid(), validFrom: '31/02/2025' }, 'validFrom'],
    ['a malformed parent id', { ...valid(), parentId: '1; DROP TABLE units' }, 'parentId'],
  ])('answers 400 problem+json for %s', async (_what, body, path) => {
    const res = await ctx.request('/api/v1/units', asUser(admin, 'POST', body));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; errors: Array<{ path: string }> };
    expect(problem.code).toBe('request.invalid');
    expect(problem.errors.map((e) => e.path)).toContain(path);
  });

  it('answers 400 for malformed JSON and 409 for a code in use', async () => {
    const broken = await ctx.request('/api/v1/units', asUser(admin, 'POST', '{"code":'));
    expect(broken.status).toBe(400);
    const taken = await ctx.request(
      '/api/v1/units',
      asUser(admin, 'POST', { ...valid(), code: 'bao-tang-tinh' }),
    );
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { code: string }).code).toBe('units.code_taken');
  });

  it('refuses anonymous callers (401) and unit staff (403)', async () => {
    const anon = await ctx.request('/api/v1/units', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(valid()),
    });
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    expect((await ctx.request('/api/v1/units', asUser(staff, 'POST', valid()))).status).toBe(403);
    expect((await ctx.request('/api/v1/units', asUser(staff, 'GET'))).status).toBe(403);
    const rename = await ctx.request(
      `/api/v1/units/${libraryId}`,
      asUser(staff, 'PATCH', { name: 'Tên khác', version: 1 }),
    );
    expect(rename.status).toBe(403);
  });

  it('lets a department officer read the tree but not change it', async () => {
    const res = await ctx.request('/api/v1/units?asOf=2025-06-30', asUser(officer, 'GET'));
    expect(res.status).toBe(200);
    const tree = (await res.json()) as {
      asOf: string;
      units: Array<{ code: string; name: string; depth: number }>;
    };
    expect(tree.asOf).toBe('2025-06-30');
    expect(tree.units[0]).toMatchObject({
      code: 'so-vhttdl',
      name: 'Sở Văn hóa và Thể thao tỉnh Khánh Hòa',
      depth: 0,
    });
    const close = await ctx.request(`/api/v1/units/${libraryId}/close`, asUser(officer, 'POST', {}));
    expect(close.status).toBe(403);
  });

  it('renames, moves, merges and closes through the API, with history', async () => {
    const create = async (code: string, parentId: string) => {
      const res = await ctx.request('/api/v1/units', asUser(admin, 'POST', { ...valid(), code, parentId }));
      return ((await res.json()) as { id: string }).id;
    };
    const a = await create('api-a', rootId);
    const b = await create('api-b', rootId);
    const child = await create('api-a-con', a);
    const renamed = await ctx.request(
      `/api/v1/units/${a}`,
      asUser(admin, 'PATCH', {
        name: 'Đơn vị A mới',
        effectiveOn: '2025-08-01',
        note: 'QĐ số 1',
        version: 1,
      }),
    );
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { version: number }).version).toBe(2);
    // A second editor who loaded version 1 is refused and shown the unit as it is now.
    const stale = await ctx.request(
      `/api/v1/units/${a}`,
      asUser(admin, 'PATCH', { name: 'Tên cũ hơn', version: 1 }),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      code: 'units.unit.version_conflict',
      current: { unit: { name: 'Đơn vị A mới', version: 2 } },
    });
    const cycle = await ctx.request(
      `/api/v1/units/${a}`,
      asUser(admin, 'PATCH', { parentId: child, version: 2 }),
    );
    expect(cycle.status).toBe(422);
    expect(((await cycle.json()) as { code: string; title: string }).code).toBe('units.cycle');
    const merged = await ctx.request(`/api/v1/units/${a}/merge`, asUser(admin, 'POST', { intoId: b }));
    expect(merged.status).toBe(200);
    expect(await merged.json()).toMatchObject({ status: 'merged', mergedIntoId: b });
    const detail = await ctx.request(`/api/v1/units/${child}`, asUser(admin, 'GET'));
    const body = (await detail.json()) as { unit: { parentId: string }; history: Array<{ change: string }> };
    expect(body.unit.parentId).toBe(b);
    expect(body.history.map((h) => h.change)).toEqual(['create', 'move']);
    const closed = await ctx.request(
      `/api/v1/units/${child}/close`,
      asUser(admin, 'POST', { note: 'Giải thể' }),
    );
    expect(closed.status).toBe(200);
    const unknown = await ctx.request(`/api/v1/units/${child}/close`, asUser(admin, 'POST', { when: 'now' }));
    expect(unknown.status).toBe(400);
  });

  it('shows the tree page and adds a unit from the no-JS form', async () => {
    const page = await ctx.request('/admin/units', { headers: { cookie: admin } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa');
    expect(html).toContain('<caption>');

    const bad = await ctx.request(
      '/admin/units',
      form(admin, {
        code: 'Sai Mã',
        name: 'Nhà văn hóa thôn 1',
        kind: 'commune_cultural_centre',
        parentId: rootId,
      }),
    );
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Mã đơn vị chỉ gồm chữ thường');
    expect(badHtml).toContain('value="Nhà văn hóa thôn 1"');
    expect(badHtml).toContain('aria-invalid="true"');

    const ok = await ctx.request(
      '/admin/units',
      form(admin, {
        code: 'nha-van-hoa-thon-1',
        name: 'Nhà văn hóa thôn 1',
        kind: 'commune_cultural_centre',
        parentId: rootId,
        validFrom: '01/07/2025',
        note: '',
        shortName: '',
      }),
    );
    expect(ok.status).toBe(303);
    const created = await ctx.deps.repos.units.byCode(ctx.deps.db, 'nha-van-hoa-thon-1');
    expect(created?.validFrom).toBe('2025-07-01');
    expect(ok.headers.get('location')).toBe(`/admin/units/${created?.id}?done=created`);
  });

  it('shows a unit with its history and refuses a cycle from the move form in English', async () => {
    const root = await ctx.request(`/en/admin/units/${rootId}`, { headers: { cookie: admin } });
    expect(root.status).toBe(200);
    const html = await root.text();
    expect(html).toContain('Sở Văn hóa và Thể thao tỉnh Khánh Hòa');
    expect(html).toContain('01/07/2025');
    const moved = await ctx.request(
      `/en/admin/units/${rootId}`,
      form(admin, {
        intent: 'move',
        version: html.match(/name="version" value="(\d+)"/)?.[1] ?? '',
        parentId: libraryId,
        effectiveOn: '',
        note: 'x',
      }),
    );
    expect(moved.status).toBe(422);
    expect(await moved.text()).toContain('A unit cannot be moved under itself');
  });

  it('keeps unit staff out of the pages', async () => {
    const res = await ctx.request('/admin/units', { headers: { cookie: staff }, redirect: 'manual' });
    expect(res.status).toBe(403);
  });
});
