// Circulation journey on a 360 px phone: the librarian (demo administrator) opens the desk of the provincial
// library, registers a walk-in reader (the card shows its Code 128 and QR), lends a demo copy, renews it and
// takes it back; lends a second copy, then — as a reader with a card of their own — places a hold on that title
// from its record page and sees their place in the queue; the return fills the hold. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const PHONE = { width: 360, height: 740 };

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function signIn(page: Page) {
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/circulation');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/circulation/);
}

async function deskAction(page: Page, section: string, fields: Record<string, string>, submit: string) {
  const region = page.getByRole('region', { name: section, exact: true });
  for (const [label, value] of Object.entries(fields)) await region.getByLabel(label).fill(value);
  await region.getByRole('button', { name: submit, exact: true }).click();
}

test('the desk lends, renews, takes back, and a hold from the record page is filled by a return', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page);
  // The provincial library's desk.
  const unit = page.getByLabel('Đơn vị', { exact: true });
  const libraryId = await unit.locator('option', { hasText: 'Thư viện tỉnh' }).first().getAttribute('value');
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('desk-360.png'), fullPage: true });

  // A walk-in reader gets a card.
  await page.getByRole('link', { name: 'Đăng ký bạn đọc mới' }).click();
  await page.getByLabel('Họ và tên', { exact: true }).fill('Phạm Thị Mai');
  await page.getByLabel('Năm sinh', { exact: true }).fill('1988');
  await page.getByLabel(/đồng ý để thư viện lưu/).check();
  await page.getByRole('button', { name: 'Cấp thẻ' }).click();
  const created = page.getByRole('status');
  await expect(created).toContainText('Đã cấp thẻ số');
  await expect(page.getByRole('img', { name: /^Code 128: \d{12}$/ })).toBeVisible();
  const card = /(\d{12})/.exec((await created.textContent()) ?? '')?.[1] ?? '';
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('reader-card-360.png'), fullPage: true });

  // Lend, renew, return.
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000021' }, 'Cho mượn');
  await expect(page.getByRole('status')).toContainText('Đã cho Phạm Thị Mai mượn');
  await deskAction(page, 'Gia hạn', { 'Mã vạch bản sách': 'TV000021' }, 'Gia hạn');
  await expect(page.getByRole('status')).toContainText('Đã gia hạn');
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000021' }, 'Nhận trả');
  await expect(page.getByRole('status')).toContainText('Đã nhận trả');
  // A clear refusal: the same copy returned twice is not on loan.
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000021' }, 'Nhận trả');
  await expect(page.getByRole('alert')).toContainText('không có ai mượn');
  await expectNoAxeViolations(page);

  // A second copy goes out; the signed-in reader (with their own card) holds that title from its record page.
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000022' }, 'Cho mượn');
  const lent = (await page.getByRole('status').textContent()) ?? '';
  const title = /“(.+)”/.exec(lent)?.[1] ?? '';
  expect(title).not.toBe('');
  await page.goto('/my/library');
  await page.getByText('Đăng ký thẻ', { exact: true }).first().click();
  await page.getByLabel('Thư viện', { exact: true }).selectOption({ label: 'Thư viện tỉnh' });
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Đăng ký thẻ' }).click();
  await expect(page.locator('.card-number').first()).toHaveText(/^\d{12}$/);
  const recordHref = await page.evaluate(async (t) => {
    const res = await fetch(`/search?q=${encodeURIComponent(t)}`);
    const html = await res.text();
    return /href="(\/records\/[^"?#]+)"/.exec(html)?.[1] ?? '';
  }, title);
  expect(recordHref).toMatch(/^\/records\//);
  await page.goto(recordHref);
  const borrow = page.getByRole('region', { name: 'Mượn tài liệu' });
  await expect(borrow).toContainText('bản có sẵn');
  await expectNoAxeViolations(page);
  await borrow.getByRole('button', { name: 'Đặt trước' }).first().click();
  await expect(page).toHaveURL(/\/my\/library/);
  await expect(page.getByText('Thứ tự chờ: 1')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('my-library-360.png'), fullPage: true });

  // The return fills the hold (on the shelf here, or in transit to the chosen pickup).
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000022' }, 'Nhận trả');
  await expect(page.getByRole('status')).toContainText(/kệ giữ sách|chuyển về/);
  await context.close();
});
