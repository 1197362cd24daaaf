// The instance page, "My work", the export and evidence uploads, through HTTP as real signed-in users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../lib/i18n.server.ts';
import { postForm, signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { docxBomb, tinyPdf } from '../../../test/zip.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('plan work pages', () => {
  let ctx: TestContext;
  let library: string;
  let museum: string;
  let instanceId: string;
  let page: string;
  const cookies: Record<string, string> = {};

  const get = (path: string, who: string) => ctx.request(path, { headers: { cookie: cookies[who] ?? '' } });
  const post = (who: string, fields: Record<string, string>, path = page) =>
    postForm(ctx, path, fields, { cookie: cookies[who] ?? '' });
  const report = () => ctx.deps.repos.planWork.getReport(ctx.deps.db, instanceId, library);
  const counts = async () => {
    const [files] = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');
    const [evidence] = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_evidence');
    return { files: files?.n, evidence: evidence?.n };
  };
  const upload = (who: string, unitId: string, name: string, bytes: Buffer) => {
    const form = new FormData();
    form.set('unitId', unitId);
    form.set('file', new Blob([new Uint8Array(bytes)]), name);
    return ctx.request(`${page}/evidence`, {
      method: 'POST',
      body: form,
      headers: { cookie: cookies[who] ?? '' },
      redirect: 'manual',
    });
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const people: Array<[string, 'department_officer' | 'unit_staff' | 'unit_manager', string]> = [
      ['officer', 'department_officer', await unitIdOf(ctx, 'phong-qlvhgd')],
      ['libStaff', 'unit_staff', library],
      ['libManager', 'unit_manager', library],
      ['museumStaff', 'unit_staff', museum],
    ];
    for (const [who, role, unitId] of people) {
      const u = await signUpAndSignIn(ctx, { name: `Người ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId });
      cookies[who] = u.cookie;
      cookies[`${who}Id`] = u.userId;
    }
    const task = await ctx.deps.repos.plan.getBySourceKey(ctx.deps.db, 'PL1-III-1');
    instanceId = task?.instances.find((i) => i.year === 2025)?.id ?? '';
    page = `/admin/plan/instances/${instanceId}`;
  }, 180_000);
  afterAll(() => ctx?.close());

  it('lets the officer assign and the library staff save progress without JavaScript', async () => {
    const assigned = await post('officer', {
      intent: 'assign',
      unitId: library,
      assigneeId: cookies.libStaffId ?? '',
      version: '0',
    });
    expect(assigned.status).toBe(303);
    expect(assigned.headers.get('location')).toContain('done=assign');
    const saved = await post('libStaff', {
      intent: 'progress',
      unitId: library,
      version: String((await report())?.version),
      status: 'in_progress',
      statusReason: '',
      percent: '30',
      narrative: 'Tổ chức ngày hội đọc sách tại 5 trường',
    });
    expect(saved.status).toBe(303);
    const html = await (await get(`${page}?done=progress`, 'libStaff')).text();
    expect(html).toContain('Tổ chức ngày hội đọc sách tại 5 trường');
    expect(html).toContain(esc(t('vi', 'planwork.done.progress')).slice(0, 10));
  });

  it('hides the library’s part from museum staff and refuses their writes on it (404, nothing changed)', async () => {
    const before = await report();
    const html = await (await get(page, 'museumStaff')).text();
    expect(html).not.toContain('Tổ chức ngày hội đọc sách');
    const write = await post('museumStaff', {
      intent: 'progress',
      unitId: library,
      version: String(before?.version),
      status: 'done',
      percent: '100',
      narrative: 'ghi đè',
      statusReason: '',
    });
    expect(write.status).toBe(404);
    const submit = await post('museumStaff', {
      intent: 'submit',
      unitId: library,
      version: String(before?.version),
    });
    expect(submit.status).toBe(404);
    expect(await report()).toEqual(before);
    expect((await get('/admin/plan/instances/ins_aaaaaaaaaaaaaaaa', 'museumStaff')).status).toBe(404);
    expect((await get('/admin/plan/instances/not-an-id', 'museumStaff')).status).toBe(404);
  });

  it('answers a stale save with 409, the Vietnamese message and the user’s input kept', async () => {
    const current = await report();
    const stale = await post('libManager', {
      intent: 'progress',
      unitId: library,
      version: String((current?.version ?? 1) - 1),
      status: 'in_progress',
      statusReason: '',
      percent: '45',
      narrative: 'Nội dung của thủ trưởng chưa lưu',
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain(esc(t('vi', 'planwork.error.stale')));
    expect(html).toContain('Nội dung của thủ trưởng chưa lưu');
    expect(await report()).toEqual(current);
  });

  it('stores a PDF evidence and serves it only to those who may read the unit’s report', async () => {
    const res = await upload('libStaff', library, 'Báo cáo kết quả.pdf', tinyPdf());
    expect(res.status).toBe(303);
    const html = await (await get(page, 'libStaff')).text();
    const link = new RegExp(`${page}/evidence/(evd_[a-z2-9]{16})`).exec(html);
    expect(link).not.toBeNull();
    const download = await get(link?.[0] ?? '', 'libStaff');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(link?.[0] ?? '', 'museumStaff')).status).toBe(404);
    expect((await get(link?.[0] ?? '', 'officer')).status).toBe(200);
  });

  it('rejects a renamed executable, a zip bomb, a path-like name and another unit’s upload; stores nothing', async () => {
    const before = await counts();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 1)]);
    const renamed = await upload('libStaff', library, 'bao-cao.pdf', exe);
    expect(renamed.status).toBe(422);
    expect(await renamed.text()).toContain(esc(t('vi', 'files.error.type.evidence')).slice(0, 30));
    const bomb = await upload('libStaff', library, 'bao-cao.docx', docxBomb(50));
    expect(bomb.status).toBe(422);
    expect(await bomb.text()).toContain(esc(t('vi', 'files.error.zipBomb')).slice(0, 30));
    const traversal = await upload('libStaff', library, '../../etc/passwd.pdf', tinyPdf());
    expect(traversal.status).toBe(422);
    expect(await traversal.text()).toContain(esc(t('vi', 'files.error.badName')).slice(0, 20));
    const other = await upload('museumStaff', library, 'x.pdf', tinyPdf());
    expect(other.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('stops reading a 1 GB upload at the limit and answers 413', async () => {
    const before = await counts();
    const boundary = 'xxBOUNDARYxx';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n${library}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
    );
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(head));
      },
      pull(c) {
        if (sent >= 1024) return c.close();
        sent++;
        c.enqueue(chunk);
      },
    });
    const res = await ctx.request(`${page}/evidence`, {
      method: 'POST',
      body,
      headers: {
        cookie: cookies.libStaff ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      redirect: 'manual',
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(40);
    expect(await counts()).toEqual(before);
  });

  it('shows the work on "My work" and exports the filtered list as CSV (BOM, formula-safe) and XLSX', async () => {
    const mine = await (await get('/admin/plan/my-work', 'libStaff')).text();
    expect(mine).toContain(`${page}#part-${library}`);
    const museumWork = await (await get('/admin/plan/my-work', 'museumStaff')).text();
    expect(museumWork).not.toContain(`#part-${library}`);
    const csv = await get('/admin/plan/tasks/export/csv?year=2025&status=in_progress', 'officer');
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"Đang triển khai"');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    // "- Thư viện tỉnh …" style cells would start with '-': every such cell is prefixed.
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
    const xlsx = await get('/admin/plan/tasks/export/xlsx', 'libStaff');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await get('/admin/plan/tasks/export/pdf', 'libStaff')).status).toBe(404);
  });
});
