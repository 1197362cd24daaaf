// The loan-rules page through the real app, as a library manager without JavaScript uses it: the rules read as
// sentences, a save changes what the desk applies, bad numbers are refused with every problem named, a save
// based on an old version loses nothing, and staff who are not managers cannot change rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { unitRules } from './circulation.views.server.ts';

let ctx: TestContext;
let libraryId: string;
let manager: string;
let staff: string;

beforeAll(async () => {
  ctx = await createTestContext();
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  const m = await signUpAndSignIn(ctx, { name: 'Trưởng Thư Viện' });
  await grantRoleAsSystem(ctx.deps, { userId: m.userId, role: 'unit_manager', unitId: libraryId });
  manager = m.cookie;
  const s = await signUpAndSignIn(ctx, { name: 'Nhân Viên' });
  await grantRoleAsSystem(ctx.deps, { userId: s.userId, role: 'unit_staff', unitId: libraryId });
  staff = s.cookie;
}, 180_000);
afterAll(() => ctx.close());

const rule = (over: Record<string, string> = {}) => ({
  unit: libraryId,
  itemKind: '*',
  loanDays: '21',
  maxItems: '3',
  maxRenewals: '1',
  holdShelfDays: '5',
  remindDaysBefore: '2',
  blockWhenOverdueDays: '',
  finePerDayVnd: '0',
  holdsAllowed: 'on',
  version: '',
  ...over,
});
const page = `/admin/circulation/rules?unit=`;

describe('the loan-rules page', () => {
  it('shows the platform default as sentences until the unit sets its own', async () => {
    const html = await (await ctx.request(page + libraryId, { headers: { cookie: manager } })).text();
    expect(html).toContain('Quy định mượn');
    expect(html).toContain('Mượn 14 ngày, tối đa 5 tài liệu một lúc.');
    expect(html).toContain('đang theo mặc định của hệ thống');
    expect(html).toContain('Không phạt tiền.');
  });

  it('saves the default rule, which every kind without its own then follows', async () => {
    const res = await postForm(ctx, page + libraryId, rule(), { cookie: manager });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã lưu quy định mượn.');
    const rules = await unitRules(ctx.deps, await actorOn(ctx, 'unit_manager', 'thu-vien-tinh'), libraryId);
    expect(rules.find((r) => r.itemKind === '*')?.own).toMatchObject({
      loanDays: 21,
      maxItems: 3,
      version: 1,
    });
    expect(rules.find((r) => r.itemKind === 'periodical')).toMatchObject({
      own: null,
      effective: { loanDays: 21, blockWhenOverdueDays: null, holdsAllowed: true, finesEnabled: false },
    });
  });

  it('names every bad number at once, keeps what was typed and saves nothing', async () => {
    const res = await postForm(
      ctx,
      page + libraryId,
      rule({ itemKind: 'book', loanDays: '0', maxRenewals: 'nhiều', finePerDayVnd: '-5' }),
      { cookie: manager },
    );
    const html = await res.text();
    expect(html).toContain('Số ngày mượn phải là số nguyên từ 1 đến 365.');
    expect(html).toContain('Số lần gia hạn phải là số nguyên từ 0 đến 20.');
    expect(html).toContain('Mức phạt phải là số nguyên từ 0 đến 1.000.000 đồng.');
    expect(html).toContain('href="#rule-book-loanDays"');
    expect(html).toContain('value="nhiều"');
    const rules = await unitRules(ctx.deps, await actorOn(ctx, 'unit_manager', 'thu-vien-tinh'), libraryId);
    expect(rules.find((r) => r.itemKind === 'book')?.own).toBeNull();
  });

  it('refuses a save based on an old version and keeps the newer rule', async () => {
    expect(
      (await postForm(ctx, page + libraryId, rule({ version: '1', loanDays: '30' }), { cookie: manager }))
        .status,
    ).toBe(200);
    const stale = await postForm(ctx, page + libraryId, rule({ version: '1', loanDays: '7' }), {
      cookie: manager,
    });
    expect(await stale.text()).toContain('Người khác đã lưu mục này');
    const rules = await unitRules(ctx.deps, await actorOn(ctx, 'unit_manager', 'thu-vien-tinh'), libraryId);
    expect(rules.find((r) => r.itemKind === '*')?.own).toMatchObject({ loanDays: 30, version: 2 });
  });

  it('does not let staff who are not managers see or change the rules', async () => {
    expect((await ctx.request(page + libraryId, { headers: { cookie: staff } })).status).toBe(403);
    const res = await postForm(ctx, page + libraryId, rule({ version: '2', loanDays: '3' }), {
      cookie: staff,
    });
    expect(res.status).toBe(403);
  });
});
