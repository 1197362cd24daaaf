// The equity view as staff meet it: the Department's officer opens it from the indicators dashboard; a unit's
// staff member sees no link to it on the same dashboard and is refused the page itself. The suppression
// threshold's form (no JavaScript): validated, versioned, audited, refused to a unit's staff. The population
// upload's clear errors, with nothing left in the upload directory.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

  it('refuses a population file that is missing, too large or not UTF-8 clearly, leaving no temporary file', async () => {
    const upload = (file: Uint8Array | null) => {
      const form = new FormData();
      form.set(
        'file',
        file ? new Blob([new Uint8Array(file)], { type: 'text/csv' }) : new Blob([]),
        file ? 'dan-so.csv' : '',
      );
      return ctx.request('/admin/indicators/equity', {
        method: 'POST',
        body: form,
        headers: { cookie: cookies.officer ?? '' },
        redirect: 'manual',
      });
    };
    const tmp = join(ctx.deps.config.dataDir, 'files', 'tmp');
    const left = () => (existsSync(tmp) ? readdirSync(tmp) : []);
    const refusals: Array<[Uint8Array | null, number, string]> = [
      [null, 422, 'Hãy chọn một tệp.'],
      [new Uint8Array(520 * 1024).fill(0x61), 413, 'Tệp quá lớn (tối đa 512 KB).'],
      [Uint8Array.from([0x63, 0x6f, 0xff, 0x0a]), 422, 'Tệp phải mã hóa UTF-8.'],
      [
        new TextEncoder().encode('commune,year,population\nXã Không Có,2025,100\n'),
        422,
        'không có xã, phường',
      ],
    ];
    for (const [file, status, message] of refusals) {
      const res = await upload(file);
      expect(res.status, message).toBe(status);
      expect(await res.text()).toContain(message);
      expect(left()).toEqual([]);
    }
  });
});
