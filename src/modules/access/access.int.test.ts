// User administration over the real HTTP app: API and pages, signed-in users with real sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from './access.grants.server.ts';
import type { GrantableRole } from './access.schemas.server.ts';

interface Person {
  userId: string;
  email: string;
  cookie: string;
}

describe('user administration', () => {
  let ctx: TestContext;
  const units: Record<string, string> = {};
  let admin: Person;
  let librarian: Person;
  let libraryManager: Person;

  const api = (path: string, who: Person | null, init: { method?: string; body?: unknown } = {}) =>
    ctx.request(`/api/v1/access${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(who ? { cookie: who.cookie } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });

  const person = async (name: string, role?: GrantableRole, unitCode?: string): Promise<Person> => {
    const p = await signUpAndSignIn(ctx, { name });
    if (role && unitCode)
      await grantRoleAsSystem(ctx.deps, { userId: p.userId, role, unitId: unit(unitCode) });
    return p;
  };
  const unit = (code: string) => {
    const id = units[code];
    if (!id) throw new Error(`unit ${code} not seeded`);
    return id;
  };
  const auditRows = (action: string, entityId?: string) =>
    ctx.dbh.query<{ actor_id: string | null; before: unknown; after: unknown; unit_id: string | null }>(
      `SELECT actor_id, before, after, unit_id FROM audit_log WHERE action = $1 ${entityId ? 'AND entity_id = $2' : ''}`,
      entityId ? [action, entityId] : [action],
    );
  const page = (path: string, who: Person) =>
    ctx.request(path, { headers: { cookie: who.cookie }, redirect: 'manual' });

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const code of ['so-vhttdl', 'thu-vien-tinh', 'bao-tang-tinh', 'phong-qlvhgd']) {
      const row = await ctx.deps.repos.units.byCode(ctx.deps.db, code);
      if (row) units[code] = row.id;
    }
    admin = await person('Quản Trị Viên', 'administrator', 'so-vhttdl');
    librarian = await person('Nguyễn Thị Thư', 'unit_staff', 'thu-vien-tinh');
    libraryManager = await person('Trần Văn Quản', 'unit_manager', 'thu-vien-tinh');
  });
  afterAll(() => ctx.close());

  it('invites a user: an account, an invitation mail with a set-password link, and audit rows', async () => {
    const res = await api('/users', admin, {
      method: 'POST',
      body: {
        email: 'Moi.Nguoi@Example.VN',
        name: 'Lê Văn Mới',
        grant: { role: 'unit_staff', unitId: unit('bao-tang-tinh') },
      },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^usr_/);
    const mails = await ctx.deps.repos.outbox.latest(5, 'moi.nguoi@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.purpose).toBe('invitation');
    expect(mails[0]?.body_text).toMatch(/\/reset-password\?token=[\w-]+/);
    const invite = await auditRows('access.user.invite', id);
    expect(invite).toHaveLength(1);
    expect(invite[0]?.actor_id).toBe(admin.userId);
    const detail = await api(`/users/${id}`, admin);
    const body = (await detail.json()) as { invitedAt: string | null; grants: Array<{ role: string }> };
    expect(body.invitedAt).not.toBeNull();
    expect(body.grants.map((g) => g.role)).toEqual(['unit_staff']);
    const again = await api('/users', admin, {
      method: 'POST',
      body: { email: 'moi.nguoi@example.vn', name: 'X' },
    });
    expect(again.status).toBe(409);
  });

  it('lets only a root administrator invite an account without a role (a citizen account)', async () => {
    const body = { email: 'cong.dan@example.vn', name: 'Công Dân Mới' };
    expect((await api('/users', libraryManager, { method: 'POST', body })).status).toBe(403);
    expect((await api('/users', admin, { method: 'POST', body })).status).toBe(201);
  });

  it('documents the access routes in the OpenAPI description', async () => {
    const res = await ctx.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/access/users',
        '/access/users/{userId}/grants',
        '/access/grants/{grantId}/revoke',
      ]),
    );
  });

  it('lets the granted user into the back office on their very next request', async () => {
    const citizen = await person('Phạm Thị Dân');
    expect((await page('/admin', citizen)).status).toBe(403);
    const res = await api(`/users/${citizen.userId}/grants`, admin, {
      method: 'POST',
      body: { role: 'unit_staff', unitId: unit('bao-tang-tinh') },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await page('/admin', citizen)).status).toBe(200);
    const rows = await auditRows('access.grant.create', id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.unit_id).toBe(unit('bao-tang-tinh'));
    expect(rows[0]?.after).toMatchObject({ userId: citizen.userId, role: 'unit_staff' });
  });

  it('refuses unit staff every way of granting roles, including with guessed ids (403)', async () => {
    const target = await person('Võ Văn Đích');
    const attempts: Array<[string, string, unknown]> = [
      ['POST', `/users/${target.userId}/grants`, { role: 'unit_staff', unitId: unit('thu-vien-tinh') }],
      ['POST', `/users/${librarian.userId}/grants`, { role: 'administrator', unitId: unit('so-vhttdl') }],
      ['POST', '/users/usr_aaaaaaaaaaaaaaaa/grants', { role: 'unit_staff', unitId: 'unit_aaaaaaaaaaaaaaaa' }],
      ['POST', '/grants/grt_aaaaaaaaaaaaaaaa/revoke', {}],
      [
        'POST',
        '/users',
        { email: 'ai@example.vn', name: 'Ai', grant: { role: 'unit_staff', unitId: unit('thu-vien-tinh') } },
      ],
      ['POST', `/users/${target.userId}/disable`, {}],
      ['GET', '/users', undefined],
      ['GET', '/users/usr_aaaaaaaaaaaaaaaa', undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await api(path, librarian, { method, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await page('/admin/users', librarian)).status).toBe(403);
    expect((await page(`/admin/users/${target.userId}`, librarian)).status).toBe(403);
    expect((await auditRows('access.grant.create')).some((r) => r.actor_id === librarian.userId)).toBe(false);
  });

  it('lets a unit manager grant unit_staff in their own unit, and nothing else', async () => {
    const newcomer = await person('Đỗ Thị Mới');
    const ok = await api(`/users/${newcomer.userId}/grants`, libraryManager, {
      method: 'POST',
      body: { role: 'unit_staff', unitId: unit('thu-vien-tinh') },
    });
    expect(ok.status).toBe(201);
    const higher = await api(`/users/${newcomer.userId}/grants`, libraryManager, {
      method: 'POST',
      body: { role: 'unit_manager', unitId: unit('thu-vien-tinh') },
    });
    expect(higher.status).toBe(403);
    const elsewhere = await api(`/users/${newcomer.userId}/grants`, libraryManager, {
      method: 'POST',
      body: { role: 'unit_staff', unitId: unit('bao-tang-tinh') },
    });
    expect(elsewhere.status).toBe(403);
    const list = (await (await api('/users?limit=100', libraryManager)).json()) as {
      users: Array<{ id: string }>;
    };
    const ids = list.users.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([newcomer.userId, librarian.userId, libraryManager.userId]));
    expect(ids).not.toContain(admin.userId);
  });

  it('answers a duplicate grant, even two at once, with one success and a clear 409', async () => {
    const p = await person('Hồ Thị Trùng');
    const grant = () =>
      api(`/users/${p.userId}/grants`, admin, {
        method: 'POST',
        body: { role: 'leader', unitId: unit('so-vhttdl') },
      });
    const statuses = (await Promise.all([grant(), grant()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const third = await grant();
    expect(third.status).toBe(409);
    const problem = (await third.json()) as { code: string; title: string };
    expect(problem.code).toBe('access.grant.duplicate');
    expect(problem.title).toBe(t('vi', 'access.error.grantDuplicate'));
  });

  it('revokes a grant (kept as history, audited); the user loses access at once', async () => {
    const p = await person('Lý Thị Thu Hồi', 'unit_staff', 'bao-tang-tinh');
    expect((await page('/admin', p)).status).toBe(200);
    const detail = (await (await api(`/users/${p.userId}`, admin)).json()) as {
      grants: Array<{ id: string }>;
    };
    const grantId = detail.grants[0]?.id as string;
    const res = await api(`/grants/${grantId}/revoke`, admin, { method: 'POST' });
    expect(res.status).toBe(204);
    expect((await page('/admin', p)).status).toBe(403);
    expect((await api(`/grants/${grantId}/revoke`, admin, { method: 'POST', body: {} })).status).toBe(409);
    const after = (await (await api(`/users/${p.userId}`, admin)).json()) as {
      grants: Array<{ id: string; revokedAt: string | null }>;
    };
    expect(after.grants.find((g) => g.id === grantId)?.revokedAt).not.toBeNull();
    const rows = await auditRows('access.grant.revoke', grantId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.before).toMatchObject({ userId: p.userId, role: 'unit_staff', revokedAt: null });
  });

  it('refuses to let an administrator revoke their own administrator grant', async () => {
    const detail = (await (await api(`/users/${admin.userId}`, admin)).json()) as {
      grants: Array<{ id: string; role: string }>;
    };
    const own = detail.grants.find((g) => g.role === 'administrator');
    const res = await api(`/grants/${own?.id}/revoke`, admin, { method: 'POST' });
    expect(res.status).toBe(422);
  });

  it('rejects unknown JSON fields and bad values with 400 problem+json', async () => {
    const cases: Array<[string, unknown]> = [
      [`/users/${librarian.userId}/grants`, { role: 'unit_staff', unitId: unit('thu-vien-tinh'), extra: 1 }],
      [`/users/${librarian.userId}/grants`, { role: 'citizen', unitId: unit('thu-vien-tinh') }],
      ['/users', { email: 'x@example.vn', name: 'X', isAdmin: true }],
      ['/users', { email: 'not-an-email', name: 'X' }],
      ['/grants/grt_aaaaaaaaaaaaaaaa/revoke', { reason: 'because' }],
    ];
    for (const [path, body] of cases) {
      const res = await api(path, admin, { method: 'POST', body });
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await api('/users?unknown=1', admin)).status).toBe(400);
  });

  it('answers 422 for a grant on a unit that does not exist', async () => {
    const res = await api(`/users/${librarian.userId}/grants`, admin, {
      method: 'POST',
      body: { role: 'unit_staff', unitId: 'unit_aaaaaaaaaaaaaaaa' },
    });
    expect(res.status).toBe(422);
  });

  it('finds people by name without diacritics, and filters by unit and role', async () => {
    const search = (await (await api('/users?q=nguyen%20thi%20thu', admin)).json()) as {
      users: Array<{ id: string }>;
    };
    expect(search.users.map((u) => u.id)).toContain(librarian.userId);
    const byUnit = (await (
      await api(`/users?unit=${unit('thu-vien-tinh')}&role=unit_manager`, admin)
    ).json()) as {
      users: Array<{ id: string }>;
    };
    expect(byUnit.users.map((u) => u.id)).toEqual([libraryManager.userId]);
  });

  it('disables an account: signed out at once, audited, and enabled again', async () => {
    const p = await person('Mai Văn Khóa', 'unit_staff', 'bao-tang-tinh');
    expect((await api(`/users/${p.userId}/disable`, admin, { method: 'POST' })).status).toBe(204);
    expect((await page('/admin', p)).status).toBe(302);
    expect(await auditRows('access.user.disable', p.userId)).toHaveLength(1);
    expect((await api(`/users/${admin.userId}/disable`, admin, { method: 'POST' })).status).toBe(422);
    expect((await api(`/users/${p.userId}/enable`, admin, { method: 'POST' })).status).toBe(204);
    expect(await auditRows('access.user.enable', p.userId)).toHaveLength(1);
  });
});
