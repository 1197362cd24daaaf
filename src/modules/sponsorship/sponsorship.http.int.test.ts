// The training and sponsorship pages as a browser without JavaScript uses them: forms create once per token,
// the library enrols staff, takes attendance and uploads a certificate (checked by content); a donor's books
// become catalogue records from the donation page; the letter downloads as DOCX; exports need a session; the
// public thank-you page names only consenting sponsors; other units get nothing they may not see.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { tinyPdf } from '../../test/zip.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { unitIdOf } from '../units/units.test-helpers.ts';

describe('training and sponsorship pages', () => {
  let ctx: TestContext;
  let library = '';
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const get = (path: string, who?: string) =>
    ctx.request(path, { headers: who ? { cookie: cookies[who] ?? '' } : {}, redirect: 'manual' });
  const tokenOf = async (path: string, who: string) =>
    /name="formToken" value="([^"]+)"/.exec(await (await get(path, who)).text())?.[1] ?? '';
  const post = (path: string, who: string, fields: URLSearchParams) =>
    ctx.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who] ?? '' },
      body: fields.toString(),
      redirect: 'manual',
    });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const people: Array<[string, 'unit_staff' | 'unit_manager', string]> = [
      ['manager', 'unit_manager', 'thu-vien-tinh'],
      ['staff', 'unit_staff', 'thu-vien-tinh'],
      ['museum', 'unit_staff', 'bao-tang-tinh'],
    ];
    for (const [who, role, code] of people) {
      const u = await signUpAndSignIn(ctx, { name: `Cán bộ ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      cookies[who] = u.cookie;
      ids[who] = u.userId;
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  it('registers a course once per form, enrols staff, takes attendance and stores a certificate', async () => {
    const fields = new URLSearchParams({
      formToken: await tokenOf('/admin/training/new', 'manager'),
      unitId: library,
      organiserLevel: 'ministry',
      organiser: 'Bộ Văn hóa, Thể thao và Du lịch',
      title: 'Bồi dưỡng nghiệp vụ thư viện số',
      topic: '',
      startsOn: '12/06/2026',
      endsOn: '2026-06-13',
      placeId: '',
      onlineUrl: '',
    });
    const first = await post('/admin/training/new', 'manager', fields);
    expect(first.status).toBe(303);
    const location = first.headers.get('location') ?? '';
    const courseId = /\/admin\/training\/(trc_[a-z2-9]{16})/.exec(location)?.[1] ?? '';
    expect(courseId).not.toBe('');
    expect((await post('/admin/training/new', 'manager', fields)).headers.get('location')).toBe(location);
    const page = `/admin/training/${courseId}`;
    const session = new URLSearchParams({
      formToken: await tokenOf(page, 'manager'),
      intent: 'session',
      heldOn: '2026-06-12',
      hours: '3,5',
      title: 'Buổi sáng',
    });
    expect((await post(page, 'manager', session)).status).toBe(303);
    const enrol = new URLSearchParams({ formToken: await tokenOf(page, 'manager'), intent: 'participants' });
    enrol.append('userIds', ids.staff as string);
    enrol.append('userIds', ids.manager as string);
    expect((await post(page, 'manager', enrol)).status).toBe(303);
    const html = await (await get(page, 'manager')).text();
    const sessionId = /name="sessionId" value="(trs_[a-z2-9]{16})"/.exec(html)?.[1] ?? '';
    const attend = new URLSearchParams({ intent: 'attendance', sessionId, userIds: ids.staff as string });
    expect((await post(page, 'manager', attend)).status).toBe(303);
    const form = new FormData();
    form.set('userId', ids.staff as string);
    form.set('certificateNo', 'CN 01');
    form.set('file', new Blob([new Uint8Array(tinyPdf())]), 'chung-nhan.pdf');
    const up = await ctx.request(`${page}/certificate`, {
      method: 'POST',
      body: form,
      headers: { cookie: cookies.manager ?? '' },
      redirect: 'manual',
    });
    expect(up.status).toBe(303);
    const record = await (await get(`/admin/training/people/${ids.staff}`, 'staff')).text();
    expect(record).toContain('Bồi dưỡng nghiệp vụ thư viện số');
    const cert = await get(`/admin/training/${courseId}/certificates/${ids.staff}`, 'staff');
    expect(cert.status).toBe(200);
    expect(cert.headers.get('content-type')).toBe('application/pdf');
    expect((await get(`/admin/training/${courseId}/certificates/${ids.staff}`, 'museum')).status).toBe(404);
    expect((await get(page, 'museum')).status).toBe(404);
    const edit = new URLSearchParams(fields);
    edit.delete('formToken');
    edit.set('title', 'Bồi dưỡng nghiệp vụ thư viện số (đợt 2)');
    edit.set('version', '1');
    expect((await post(`${page}/edit`, 'manager', edit)).status).toBe(303);
    expect((await post(`${page}/edit`, 'manager', edit)).status).toBe(409);
    expect((await post(`${page}/edit`, 'museum', edit)).status).toBe(404);
    const xlsx = await get('/admin/training/export/xlsx?q=thu%20vien%20so', 'manager');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0]?.getRow(2).getCell(2).value).toBe('Bồi dưỡng nghiệp vụ thư viện số (đợt 2)');
    expect((await get('/admin/training/export/csv')).status).toBe(401);
  });

  it('turns a donor’s books into catalogue records and thanks only consenting sponsors in public', async () => {
    const sponsorFields = (name: string, consent: boolean) =>
      new URLSearchParams({
        unitId: library,
        kind: 'person',
        name,
        email: '',
        phone: '',
        address: '',
        ...(consent ? { publicConsent: 'on', consentOn: '2026-02-01' } : { consentOn: '' }),
      });
    const f1 = sponsorFields('Trần Văn Sách', true);
    f1.set('formToken', await tokenOf('/admin/sponsorship/sponsors/new', 'staff'));
    const created = await post('/admin/sponsorship/sponsors/new', 'staff', f1);
    expect(created.status).toBe(303);
    const sponsorId = /(spn_[a-z2-9]{16})/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    const f2 = sponsorFields('Lê Thị Kín Đáo', false);
    f2.set('formToken', await tokenOf('/admin/sponsorship/sponsors/new', 'staff'));
    expect((await post('/admin/sponsorship/sponsors/new', 'staff', f2)).status).toBe(303);
    const d = new URLSearchParams({
      formToken: await tokenOf(`/admin/sponsorship/donations/new?sponsorId=${sponsorId}`, 'staff'),
      sponsorId,
      agreementId: '',
      unitId: library,
      kind: 'books',
      description: 'Sách thiếu nhi tặng thư viện',
      valueVnd: '1.200.000',
      receivedOn: '2026-06-01',
      purpose: '',
      eventId: '',
      books: 'Dế Mèn phiêu lưu ký | Tô Hoài | | 2020 | 2\nKính vạn hoa | Nguyễn Nhật Ánh',
    });
    const made = await post('/admin/sponsorship/donations/new', 'staff', d);
    expect(made.status).toBe(303);
    const page = (made.headers.get('location') ?? '').replace(/\?.*$/, '');
    const donationId = /(don_[a-z2-9]{16})/.exec(page)?.[1] ?? '';
    expect((await post(page, 'museum', new URLSearchParams())).status).toBe(404);
    const catalogued = await post(page, 'staff', new URLSearchParams());
    expect(catalogued.status).toBe(303);
    const html = await (await get(page, 'staff')).text();
    const recordIds = [...html.matchAll(/href="\/records\/(rec_[a-z2-9]{16})"/g)].map((m) => m[1]);
    expect(recordIds).toHaveLength(2);
    expect(await (await get(`/records/${recordIds[0]}`)).text()).toContain('Dế Mèn phiêu lưu ký');
    expect((await post(page, 'staff', new URLSearchParams())).status).toBe(409);
    const letter = await get(`/admin/sponsorship/donations/${donationId}/letter.docx`, 'staff');
    expect(letter.headers.get('content-type')).toContain('wordprocessingml');
    expect((await letter.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await get(`/admin/sponsorship/donations/${donationId}/letter.docx`, 'museum')).status).toBe(404);
    const csv = await (await get('/admin/sponsorship/export/csv?kind=books', 'staff')).text();
    expect(csv).toContain('Sách thiếu nhi tặng thư viện');
    const thanks = await (await get('/sponsors')).text();
    expect(thanks).toContain('Trần Văn Sách');
    expect(thanks).not.toContain('Lê Thị Kín Đáo');
  });

  it('answers bad input with the form, never a 500', async () => {
    const bad = new URLSearchParams({
      formToken: await tokenOf('/admin/sponsorship/donations/new', 'staff'),
      sponsorId: 'x',
      unitId: library,
      kind: 'money',
      description: '',
      valueVnd: '12,5',
      receivedOn: 'hôm qua',
      books: '',
    });
    expect((await post('/admin/sponsorship/donations/new', 'staff', bad)).status).toBe(422);
    const consent = new URLSearchParams({
      formToken: await tokenOf('/admin/sponsorship/sponsors/new', 'staff'),
      unitId: library,
      kind: 'organisation',
      name: 'Quỹ Đọc',
      publicConsent: 'on',
      consentOn: '',
    });
    expect((await post('/admin/sponsorship/sponsors/new', 'staff', consent)).status).toBe(422);
  });
});
