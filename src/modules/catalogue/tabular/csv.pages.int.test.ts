// Spreadsheet import through the back-office pages, as a browser without JavaScript uses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { grantRoleAsSystem } from '../../access/access.grants.server.ts';
import { runDueJobs } from '../../jobs/jobs.runner.server.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { TABULAR_JOB_KIND } from './csv.import.server.ts';

describe('spreadsheet import pages', () => {
  let ctx: TestContext;
  let museum: string;
  let cookie: string;
  let userId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const user = await signUpAndSignIn(ctx);
    await grantRoleAsSystem(ctx.deps, { userId: user.userId, role: 'unit_staff', unitId: museum });
    cookie = user.cookie;
    userId = user.userId;
  });
  afterAll(() => ctx.close());

  const upload = (body: string | Uint8Array, name = 'hien-vat.csv', who = cookie) => {
    const form = new FormData();
    form.set('unitId', museum);
    form.set('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
    return ctx.request('/admin/catalogue/import/tabular', {
      method: 'POST',
      body: form,
      headers: { cookie: who },
      redirect: 'manual',
    });
  };
  const post = (path: string, fields: Record<string, string>) =>
    ctx.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });

  it('uploads a CSV above the global body limit, maps its columns, previews, imports and reports', async () => {
    const filler = Array.from(
      { length: 6000 },
      (_, i) => `Hiện vật ${i},HV.${i},${'mô tả '.repeat(30)}`,
    ).join('\r\n');
    const csv = `Tên hiện vật,Số kiểm kê,Mô tả\r\n"=cmd|' /C calc'!A0",HV.X,\r\n,HV.Y,không tên\r\n${filler}\r\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1024 * 1024);
    const res = await upload(csv);
    expect(res.status).toBe(302);
    const mappingPath = res.headers.get('location') ?? '';
    expect(mappingPath).toMatch(/^\/admin\/catalogue\/import\/tabular\/imp_[a-z2-9]{16}$/);

    const page = await ctx.request(mappingPath, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="col-0">Cột 1: Tên hiện vật</label>');
    expect(html).toMatch(/<select id="col-0" name="col-0"[^>]*>[\s\S]*?<option value="title" selected="">/);
    expect(html).toMatch(
      /<select id="col-1" name="col-1"[^>]*>[\s\S]*?<option value="inventoryNo" selected="">/,
    );
    expect(html).toContain('Thiếu nhan đề.'); // row 3 in the preview
    expect(html).not.toContain('<script type="module"');

    const noTitle = await post(mappingPath, {
      'col-0': 'description',
      'col-1': 'inventoryNo',
      'col-2': 'ignore',
      unitId: museum,
      defaultType: 'museum_object',
      intent: 'preview',
    });
    expect(noTitle.status).toBe(422);
    expect(await noTitle.text()).toContain('Chưa có cột nào được chọn là “Nhan đề”');

    const fields = {
      'col-0': 'title',
      'col-1': 'inventoryNo',
      'col-2': 'description',
      unitId: museum,
      defaultType: 'museum_object',
      publish: 'on',
    };
    const preview = await post(mappingPath, { ...fields, intent: 'preview' });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Đã lưu lựa chọn.');

    const start = await post(mappingPath, { ...fields, intent: 'start' });
    expect(start.status).toBe(302);
    const progressPath = start.headers.get('location') ?? '';
    expect(progressPath).toBe(`${mappingPath}/progress`);
    // A started import's mapping screen sends staff to its progress page.
    expect((await ctx.request(mappingPath, { headers: { cookie }, redirect: 'manual' })).status).toBe(302);

    await runDueJobs(ctx.deps, { kinds: [TABULAR_JOB_KIND] });
    const notified = await ctx.dbh.query<{ message_key: string; link: string }>(
      'SELECT message_key, link FROM notifications WHERE user_id = $1',
      [userId],
    );
    expect(notified).toEqual([{ message_key: 'catalogueTabular.notify.done', link: progressPath }]);
    const progress = await (await ctx.request(progressPath, { headers: { cookie } })).text();
    expect(progress).toContain('Xong');
    expect(progress).toMatch(/<dt>Biểu ghi mới<\/dt><dd>6001<\/dd>/);
    expect(progress).toMatch(
      /<td class="num">3<\/td><td>Lỗi, không nhập<\/td><td class="cell-text">Thiếu nhan đề.<\/td>/,
    );
    expect(progress).toContain('trông như công thức bảng tính');

    const report = await ctx.request(`${mappingPath}/report.csv`, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(report.headers.get('content-disposition')).toMatch(/^attachment/);
    const text = await report.text();
    expect(text).toContain('3,"Lỗi, không nhập",Thiếu nhan đề.');
    expect(text).toContain('2,"Cảnh báo, đã nhập"');

    const en = await (await ctx.request(`/en${progressPath}`, { headers: { cookie } })).text();
    expect(en).toContain('The title is missing.');

    const list = await (await ctx.request('/admin/catalogue/import/tabular', { headers: { cookie } })).text();
    expect(list).toContain('hien-vat.csv');
  });

  it('answers refusals on the upload form, and keeps other people out', async () => {
    const notCsv = await upload(
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01]),
      'x.pdf',
    );
    expect(notCsv.status).toBe(422);
    expect(await notCsv.text()).toContain('Tệp không phải CSV hay Excel .xlsx.');
    const tooBig = await upload(`Nhan đề\r\n${'a'.repeat(21 * 1024 * 1024)}\r\n`);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain('Tệp lớn hơn 20 MB.');

    const ok = await upload('Nhan đề\r\nA\r\n');
    const path = ok.headers.get('location') ?? '';
    const anonymous = await ctx.request(path, { redirect: 'manual' });
    expect([302, 401]).toContain(anonymous.status);
    const outsider = await signUpAndSignIn(ctx);
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    await grantRoleAsSystem(ctx.deps, { userId: outsider.userId, role: 'unit_staff', unitId: library });
    // Another unit's import is never public: it answers like a missing one, not "forbidden".
    expect((await ctx.request(path, { headers: { cookie: outsider.cookie } })).status).toBe(404);
    expect((await ctx.request(`${path}/report.csv`, { headers: { cookie: outsider.cookie } })).status).toBe(
      404,
    );
  });
});
