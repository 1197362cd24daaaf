// /api/v1/plan/instances/… and /api/v1/plan/my-work: the same rules as the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';

describe('plan work API', () => {
  let ctx: TestContext;
  let library: string;
  let museum: string;
  let base: string;
  const cookies: Record<string, string> = {};

  const call = (who: string, method: string, path: string, body?: unknown) =>
    ctx.request(`/api/v1${path}`, {
      method,
      headers: {
        cookie: cookies[who] ?? '',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const people: Array<[string, 'department_officer' | 'unit_staff' | 'unit_manager' | 'leader', string]> = [
      ['officer', 'department_officer', await unitIdOf(ctx, 'phong-qlvhgd')],
      ['leader', 'leader', await unitIdOf(ctx, 'ban-giam-doc')],
      ['libStaff', 'unit_staff', library],
      ['libManager', 'unit_manager', library],
      ['museumStaff', 'unit_staff', museum],
    ];
    for (const [who, role, unitId] of people) {
      const u = await signUpAndSignIn(ctx, { name: `API ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId });
      cookies[who] = u.cookie;
      cookies[`${who}Id`] = u.userId;
    }
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL2-III-1');
    const id =
      task?.instances[0]?.id ??
      (await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1'))?.instances[0]?.id;
    base = `/plan/instances/${id}`;
  }, 180_000);
  afterAll(() => ctx?.close());

  it('runs the workflow over the API, with 409 on a stale version and strict bodies', async () => {
    const assigned = await call('officer', 'PUT', `${base}/units/${library}/assignee`, {
      assigneeId: cookies.libStaffId,
      version: 0,
    });
    expect(assigned.status).toBe(200);
    const a = (await assigned.json()) as { version: number; assignee: { id: string } };
    expect(a.assignee.id).toBe(cookies.libStaffId);

    const body = { version: a.version, status: 'in_progress', percent: 20, narrative: 'Qua API' };
    const saved = await call('libStaff', 'PUT', `${base}/units/${library}/progress`, body);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { version: number }).version).toBe(a.version + 1);

    const stale = await call('libManager', 'PUT', `${base}/units/${library}/progress`, body);
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(((await stale.json()) as { code: string }).code).toBe('plan.report_stale');

    const extra = await call('libStaff', 'PUT', `${base}/units/${library}/progress`, {
      ...body,
      hacked: true,
    });
    expect([400, 422]).toContain(extra.status);

    const ev = await call('libStaff', 'POST', `${base}/units/${library}/evidence`, {
      kind: 'record',
      title: 'Sự kiện Ngày Sách',
      recordType: 'event',
      recordId: 'evt_abcdefghijkmnpqr',
    });
    expect(ev.status).toBe(201);
    const badUrl = await call('libStaff', 'POST', `${base}/units/${library}/evidence`, {
      kind: 'link',
      title: 'x',
      url: 'javascript:alert(1)',
    });
    expect([400, 422]).toContain(badUrl.status);

    const v = a.version + 1;
    expect((await call('libManager', 'POST', `${base}/units/${library}/submit`, { version: v })).status).toBe(
      200,
    );
    const ret = await call('officer', 'POST', `${base}/units/${library}/return`, {
      version: v + 1,
      comment: 'Thiếu số liệu',
    });
    expect(ret.status).toBe(200);
    expect(await ret.json()).toMatchObject({ state: 'returned', returnComment: 'Thiếu số liệu' });
    expect(
      (await call('leader', 'POST', `${base}/comments`, { comment: 'Đề nghị khẩn trương' })).status,
    ).toBe(204);
    expect(
      (await call('leader', 'POST', `${base}/units/${library}/approve`, { version: v + 2 })).status,
    ).toBe(403);

    const view = (await (await call('leader', 'GET', base)).json()) as {
      reports: Array<{ unit: { id: string } }>;
      timeline: Array<{ kind: string; toState: string | null }>;
    };
    expect(view.timeline.filter((e) => e.kind === 'transition').map((e) => e.toState)).toEqual([
      'submitted',
      'returned',
    ]);
  });

  it('keeps another unit’s part out of reach: hidden on read, 404 on write, nothing changed', async () => {
    const before = await ctx.deps.repos.planWork.getReport(ctx.deps.db, base.split('/')[3] ?? '', library);
    const view = (await (await call('museumStaff', 'GET', base)).json()) as {
      reports: Array<{ unit: { id: string } }>;
    };
    expect(view.reports.map((r) => r.unit.id)).toEqual([museum]);
    const write = await call('museumStaff', 'PUT', `${base}/units/${library}/progress`, {
      version: before?.version ?? 0,
      status: 'done',
      percent: 100,
      narrative: 'ghi đè',
    });
    expect(write.status).toBe(404);
    expect((await call('museumStaff', 'GET', '/plan/instances/ins_aaaaaaaaaaaaaaaa')).status).toBe(404);
    expect(
      (await call('museumStaff', 'PUT', `${base}/due-date`, { dueDate: '2025-10-01', version: 1 })).status,
    ).toBe(403);
    expect(await ctx.deps.repos.planWork.getReport(ctx.deps.db, base.split('/')[3] ?? '', library)).toEqual(
      before,
    );
  });

  it('lists my work and documents the routes in OpenAPI', async () => {
    const mine = (await (await call('libStaff', 'GET', '/plan/my-work')).json()) as {
      items: Array<{ unitId: string; assignedToMe: boolean }>;
    };
    expect(mine.items.some((i) => i.unitId === library && i.assignedToMe)).toBe(true);
    expect(mine.items.every((i) => i.unitId !== museum)).toBe(true);
    const doc = (await (await ctx.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/plan/instances/{instanceId}',
        '/plan/instances/{instanceId}/units/{unitId}/progress',
        '/plan/instances/{instanceId}/units/{unitId}/return',
        '/plan/my-work',
      ]),
    );
  });
});
