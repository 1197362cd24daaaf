import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signIn, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn } from '../units/units.test-helpers.ts';
import { completeRequest, openRequests } from './privacy.usecases.server.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);
afterAll(() => ctx?.close());

describe('my personal data', () => {
  it('the account holder downloads everything as JSON and CSV; anonymous visitors get nothing', async () => {
    const me = await signUpAndSignIn(ctx, { name: 'Đặng Văn Tải' });
    const json = await ctx.request('/account/privacy/export.json', { headers: { cookie: me.cookie } });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toContain('attachment');
    const data = await json.json();
    expect(data.auth.users).toEqual([expect.objectContaining({ email: me.email, name: 'Đặng Văn Tải' })]);
    const bytes = Buffer.from(
      await (
        await ctx.request('/account/privacy/export.csv', { headers: { cookie: me.cookie } })
      ).arrayBuffer(),
    );
    // A byte-order mark first, so spreadsheet programs read the Vietnamese text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')).toContain('# auth,users');
    expect(csv).toContain('Đặng Văn Tải');
    expect((await ctx.request('/account/privacy/export.json')).status).toBe(401);
    expect(
      (await ctx.request('/account/privacy/export.xml', { headers: { cookie: me.cookie } })).status,
    ).toBe(404);
  });

  it('a deletion request is acknowledged with its deadlines, queued for staff, and when done the account is gone', async () => {
    const me = await signUpAndSignIn(ctx, { name: 'Bùi Thị Xoá' });
    const page = await (await ctx.request('/account/privacy', { headers: { cookie: me.cookie } })).text();
    expect(page).toContain('name="kind"');
    const res = await postForm(
      ctx,
      '/account/privacy',
      { kind: 'deletion', details: 'Xin xoá tài khoản' },
      { cookie: me.cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/Trả lời chậm nhất ngày \d{2}\/\d{2}\/\d{4}/);
    expect(
      (await postForm(ctx, '/account/privacy', { kind: 'nonsense' }, { cookie: me.cookie })).status,
    ).toBe(422);

    const admin = await actorOn(ctx, 'administrator', 'so-vhttdl');
    const open = (await openRequests(ctx.deps, admin)).filter((r) => r.userId === me.userId);
    expect(open).toHaveLength(1);
    expect(open[0]!.kind).toBe('deletion');
    await expect(
      openRequests(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh')),
    ).rejects.toMatchObject({ status: 403 });
    await completeRequest(ctx.deps, admin, open[0]!.id, { status: 'done', note: '' });
    expect((await signIn(ctx, me.email, me.password)).status).not.toBe(200);
    await expect(
      completeRequest(ctx.deps, admin, open[0]!.id, { status: 'done', note: '' }),
    ).rejects.toMatchObject({ status: 409 });
  });
});
