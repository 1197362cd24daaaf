// The cooperation, inspection and commendation pages as a browser without JavaScript uses them: a double
// submit creates one activity; a document is uploaded through the page and served only to its unit; exports
// (CSV, XLSX) follow the list's scope and query; an overdue follow-up shows on its owner's dashboard until it
// is closed on the plan page; the plan instance page lists the linked activity; the public honour roll shows
// decided nominations only; anonymous visitors get none of the back office.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { createNomination, decideNomination } from '../commendations/commendations.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';

describe('cooperation, inspection and commendation pages', () => {
  let ctx: TestContext;
  let library = '';
  let instanceV = '';
  let activityId = '';
  let planId = '';
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const year = new Date().getFullYear();

  const get = (path: string, who?: string) =>
    ctx.request(path, { headers: who ? { cookie: cookies[who] ?? '' } : {}, redirect: 'manual' });
  const tokenOf = async (path: string, who: string) =>
    /name="formToken" value="([^"]+)"/.exec(await (await get(path, who)).text())?.[1] ?? '';

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    for (const [who, role, code] of [
      ['libStaff', 'unit_staff', 'thu-vien-tinh'],
      ['museumStaff', 'unit_staff', 'bao-tang-tinh'],
      ['inspector', 'unit_manager', 'phong-qlvhgd'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Người ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      cookies[who] = u.cookie;
      ids[who] = u.userId;
    }
    const [row] = await ctx.dbh.query<{ id: string }>(
      `SELECT i.id FROM plan_task_instances i JOIN plan_tasks t ON t.id = i.task_id
        WHERE t.section = 'V' ORDER BY i.year LIMIT 1`,
    );
    instanceV = row?.id ?? '';
  }, 180_000);
  afterAll(() => ctx?.close());

  it('keeps the back office from anonymous visitors and shows the honour roll to everyone', async () => {
    expect((await get('/admin/cooperation')).status).not.toBe(200);
    expect((await get('/admin/inspections/export/csv')).status).toBe(401);
    expect((await get('/honour-roll')).status).toBe(200);
  });

  it('creates one activity for a double submit, linked to a section V plan task', async () => {
    const formToken = await tokenOf('/admin/cooperation/new', 'libStaff');
    expect(formToken).toMatch(/^ftk_/);
    const fields = new URLSearchParams({
      formToken,
      intent: 'save',
      unitId: library,
      kind: 'delegation_received',
      title: 'Đón đoàn Thư viện Quốc gia Hàn Quốc',
      country: 'KR',
      startsOn: `${year}-05-04`,
      endsOn: `${year}-05-05`,
      externalNames: 'Kim Min-jun\nPark Ji-woo',
      outcomes: 'Ký biên bản trao đổi sách <b>tiếng Hàn</b>.',
    });
    fields.append('planInstanceIds', instanceV);
    const post = () =>
      ctx.request('/admin/cooperation/new', {
        method: 'POST',
        headers: { cookie: cookies.libStaff ?? '', 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
        redirect: 'manual',
      });
    const a = await post();
    const b = await post();
    expect(a.status).toBe(303);
    expect(b.headers.get('location')).toBe(a.headers.get('location'));
    activityId = /\/admin\/cooperation\/(cact_[a-z2-9]{16})/.exec(a.headers.get('location') ?? '')?.[1] ?? '';
    const rows = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM coop_activities');
    expect(rows[0]?.n).toBe(1);
    const page = await (await get(`/admin/cooperation/${activityId}`, 'libStaff')).text();
    expect(page).toContain('Hàn Quốc');
    expect(page).toContain('Ký biên bản trao đổi sách &lt;b&gt;tiếng Hàn&lt;/b&gt;.');
    expect((await get(`/admin/cooperation/${activityId}`, 'museumStaff')).status).toBe(404);
    const instance = await (await get(`/admin/plan/instances/${instanceV}`, 'libStaff')).text();
    expect(instance).toContain(`/admin/cooperation/${activityId}`);
    expect(instance).toContain('id="linked-cooperation"');
  });

  it('adds a partner and edits it with its version; a stale save is refused', async () => {
    const send = (path: string, who: string, fields: Record<string, string>) =>
      ctx.request(path, {
        method: 'POST',
        headers: { cookie: cookies[who] ?? '', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    const fields = {
      unitId: library,
      name: 'Thư viện Thành phố Yokohama',
      country: 'JP',
      website: '',
      note: '',
    };
    const created = await send('/admin/cooperation/partners', 'libStaff', {
      ...fields,
      formToken: await tokenOf('/admin/cooperation/partners', 'libStaff'),
    });
    expect(created.status).toBe(200);
    const [p] = await ctx.dbh.query<{ id: string }>(`SELECT id FROM coop_partners WHERE country = 'JP'`);
    const page = `/admin/cooperation/partners/${p?.id}`;
    expect(await (await get('/admin/cooperation/partners?q=yokohama', 'libStaff')).text()).toContain(page);
    expect((await get(page, 'museumStaff')).status).toBe(404);
    const saved = await send(page, 'libStaff', { ...fields, name: 'Thư viện Yokohama', version: '1' });
    expect(saved.status).toBe(200);
    expect((await send(page, 'libStaff', { ...fields, version: '1' })).status).toBe(409);
    const [row] = await ctx.dbh.query<{ name: string; version: number }>(
      'SELECT name, version FROM coop_partners WHERE id = $1',
      [p?.id],
    );
    expect(row).toEqual({ name: 'Thư viện Yokohama', version: 2 });
  });

  it('uploads a document through the page and serves it to the unit only', async () => {
    const form = new FormData();
    form.set('title', 'Biên bản trao đổi');
    form.set('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')]), 'bien-ban.pdf');
    const res = await ctx.request(`/admin/cooperation/${activityId}/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie: cookies.libStaff ?? '' },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const [doc] = await ctx.dbh.query<{ id: string }>('SELECT id FROM coop_documents');
    const file = await get(`/admin/cooperation/documents/${doc?.id}`, 'libStaff');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect((await get(`/admin/cooperation/documents/${doc?.id}`, 'museumStaff')).status).toBe(404);
    const bad = new FormData();
    bad.set('file', new Blob([new TextEncoder().encode('MZ not a document')]), 'x.pdf');
    const refused = await ctx.request(`/admin/cooperation/${activityId}/documents`, {
      method: 'POST',
      body: bad,
      headers: { cookie: cookies.libStaff ?? '' },
      redirect: 'manual',
    });
    expect(refused.status).toBe(422);
  });

  it('exports the list as CSV and XLSX with the same scope and query', async () => {
    const csv = await get('/admin/cooperation/export/csv?q=han%20quoc', 'libStaff');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Đón đoàn Thư viện Quốc gia Hàn Quốc');
    expect(text).toContain('Kim Min-jun; Park Ji-woo');
    expect(await (await get('/admin/cooperation/export/csv', 'museumStaff')).text()).not.toContain(
      'Đón đoàn',
    );
    const xlsx = await get('/admin/cooperation/export/xlsx', 'libStaff');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws?.getRow(2).getCell(3).value).toBe('Đón đoàn Thư viện Quốc gia Hàn Quốc');
    expect((await get('/admin/cooperation/export/pdf', 'libStaff')).status).toBe(404);
  });

  it('shows an overdue follow-up on its owner’s dashboard until it is closed on the plan page', async () => {
    const body = new URLSearchParams({
      formToken: await tokenOf('/admin/inspections/new', 'inspector'),
      intent: 'save',
      unitId: await unitIdOf(ctx, 'phong-qlvhgd'),
      title: 'Kiểm tra thư viện tỉnh',
      subject: 'Phục vụ học tập suốt đời',
      plannedFrom: `${year}-01-10`,
      plannedTo: `${year}-12-10`,
      targetUnitIds: library,
    });
    const send = (path: string, who: string, fields: URLSearchParams) =>
      ctx.request(path, {
        method: 'POST',
        headers: { cookie: cookies[who] ?? '', 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
        redirect: 'manual',
      });
    const created = await send('/admin/inspections/new', 'inspector', body);
    expect(created.status).toBe(303);
    planId = /(insp_[a-z2-9]{16})/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    const page = `/admin/inspections/${planId}`;
    const visit = new URLSearchParams({
      formToken: await tokenOf(page, 'inspector'),
      intent: 'visit',
      unitId: library,
      visitedOn: `${year}-02-01`,
      findings: 'Thiếu sổ theo dõi bạn đọc.',
    });
    expect((await send(page, 'inspector', visit)).status).toBe(200);
    const [v] = await ctx.dbh.query<{ id: string }>('SELECT id FROM insp_visits');
    const follow = new URLSearchParams({
      formToken: await tokenOf(page, 'inspector'),
      intent: 'followup',
      visitId: v?.id ?? '',
      action: 'Lập sổ theo dõi bạn đọc',
      ownerId: ids.libStaff ?? '',
      dueOn: `${year - 1}-12-31`,
    });
    expect((await send(page, 'inspector', follow)).status).toBe(200);
    const dash = await (await get('/admin', 'libStaff')).text();
    expect(dash).toContain('Việc khắc phục quá hạn: Lập sổ theo dõi bạn đọc');
    const [f] = await ctx.dbh.query<{ id: string }>('SELECT id FROM insp_followups');
    const empty = await send(
      page,
      'libStaff',
      new URLSearchParams({ intent: 'close', followUpId: f?.id ?? '', version: '1', note: '' }),
    );
    expect(empty.status).toBe(422);
    const close = new URLSearchParams({
      intent: 'close',
      followUpId: f?.id ?? '',
      version: '1',
      note: 'Đã lập sổ',
    });
    const closed = await send(page, 'libStaff', close);
    expect(closed.status).toBe(200);
    expect(await closed.text()).toContain('Đã xác nhận hoàn thành việc khắc phục.');
    expect(await (await get('/admin', 'libStaff')).text()).not.toContain('Việc khắc phục quá hạn');
    expect((await send(page, 'museumStaff', close)).status).toBe(404);
  });

  it('lists only decided nominations on the public honour roll', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const nomination = {
      unitId: library,
      nomineeKind: 'collective' as const,
      nomineeName: 'Câu lạc bộ Đọc sách Hoa Phượng',
      nomineeUnitId: library,
      category: 'practice' as const,
      title: 'Cách làm "Đọc sách qua loa phát thanh thôn"',
      achievements: 'Mỗi tối một chương sách trên loa thôn, 2.000 người nghe.',
      evidenceUrls: [],
      planInstanceIds: [],
    };
    const decided = await createNomination(ctx.deps, staff, nomination);
    await createNomination(ctx.deps, staff, { ...nomination, nomineeName: 'Chưa xét duyệt' });
    const officer = await actorOn(ctx, 'department_officer', 'so-vhttdl');
    await decideNomination(ctx.deps, officer, decided, { step: 'review', version: 1, note: '' });
    await decideNomination(ctx.deps, officer, decided, {
      step: 'decide',
      version: 2,
      note: '',
      decisionNumber: '7/QĐ-SVHTTDL',
      decisionDate: `${year}-06-01`,
      level: 'department',
    });
    const roll = await (await get('/honour-roll?q=loa phat thanh')).text();
    expect(roll).toContain('Câu lạc bộ Đọc sách Hoa Phượng');
    expect(roll).toContain('7/QĐ-SVHTTDL');
    expect(roll).not.toContain('Chưa xét duyệt');
    const list = await (await get('/admin/commendations?status=nominated', 'libStaff')).text();
    expect(list).toContain('Chưa xét duyệt');
    expect(list).not.toContain('Hoa Phượng');
  });
});
