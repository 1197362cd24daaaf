// The desk and reader pages through the real app, as a browser without JavaScript uses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { postForm, signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { insertRecord, lendableCopies } from './circulation.test-helpers.ts';

let ctx: TestContext;
let libraryId: string;
let staff: Actor;
let staffCookie: string;
let readerCookie: string;
let recordId: string;
let codes: string[];

beforeAll(async () => {
  ctx = await createTestContext();
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  const librarian = await signUpAndSignIn(ctx, { name: 'Trần Thủ Thư' });
  await grantRoleAsSystem(ctx.deps, { userId: librarian.userId, role: 'unit_staff', unitId: libraryId });
  staffCookie = librarian.cookie;
  readerCookie = (await signUpAndSignIn(ctx, { name: 'Lê Bạn Đọc' })).cookie;
  recordId = await insertRecord(ctx, libraryId, 'Đất rừng phương Nam');
  codes = await lendableCopies(ctx, staff, libraryId, recordId, 2);
}, 180_000);
afterAll(() => ctx.close());

const desk = (fields: Record<string, string>) =>
  postForm(ctx, '/admin/circulation', { unit: libraryId, at: '', ...fields }, { cookie: staffCookie });

describe('circulation pages', () => {
  it('keeps the desk from anonymous visitors and citizens', async () => {
    expect((await ctx.request('/admin/circulation', { redirect: 'manual' })).status).toBeGreaterThanOrEqual(
      300,
    );
    const citizen = await ctx.request('/admin/circulation', {
      headers: { cookie: readerCookie },
      redirect: 'manual',
    });
    expect(citizen.status).not.toBe(200);
  });

  it('a reader gets a card online, the desk lends on it, the reader sees the loan and renews it', async () => {
    const card = await postForm(
      ctx,
      '/my/library',
      { intent: 'card', unitId: libraryId, consent: 'yes' },
      { cookie: readerCookie },
    );
    expect(card.status).toBe(200);
    const page = await (await ctx.request('/my/library', { headers: { cookie: readerCookie } })).text();
    const number = /class="card-number">(\d{12})</.exec(page)?.[1];
    expect(number).toMatch(/^\d{12}$/);
    expect(page).toContain('data:image/svg+xml;base64,');
    const lent = await (
      await desk({ intent: 'checkout', card: number as string, barcode: codes[0] as string, txn: 'p1' })
    ).text();
    expect(lent).toContain('Đã cho Lê Bạn Đọc mượn “Đất rừng phương Nam”');
    const mine = await (await ctx.request('/my/library', { headers: { cookie: readerCookie } })).text();
    expect(mine).toContain('Đất rừng phương Nam');
    const loanId = /name="loanId" value="(loan_[a-z2-9]+)"/.exec(mine)?.[1] as string;
    const renewed = await (
      await postForm(ctx, '/my/library', { intent: 'renew', loanId }, { cookie: readerCookie })
    ).text();
    expect(renewed).toContain('Đã gia hạn đến');
  });

  it('says what is wrong at the desk in words, with no server error', async () => {
    const unknown = await desk({ intent: 'checkout', card: '000000000000', barcode: 'KHONG-CO', txn: 'p2' });
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain('role="alert"');
    const notLent = await (await desk({ intent: 'checkin', barcode: codes[1] as string })).text();
    expect(notLent).toContain('không có ai mượn');
    const junk = await desk({ intent: 'nonsense', barcode: 'x'.repeat(5000) });
    expect(junk.status).toBe(200);
  });

  it('shows availability on the record page and places a hold from there', async () => {
    const html = await (
      await ctx.request(`/records/${recordId}`, { headers: { cookie: readerCookie } })
    ).text();
    expect(html).toContain('1/2 bản có sẵn');
    const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await postForm(
      ctx,
      '/my/library/holds',
      { recordId, unitId: libraryId, pickup: 'unit:', formToken: token },
      { cookie: readerCookie },
    );
    expect(res.status).toBe(303);
    const mine = await (await ctx.request('/my/library', { headers: { cookie: readerCookie } })).text();
    expect(mine).toContain('Thứ tự chờ: 1');
  });
});
