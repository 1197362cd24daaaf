// Sponsorship journey (issue 16): on a phone-sized screen, staff register a donor who agreed to public thanks,
// record the donor's gift of books to the provincial library, and turn the books into catalogue records in one
// step; the record page shows the book, and the public thank-you page names the donor. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const SUFFIX = Date.now().toString(36);
const DONOR = `Công ty Sách Biển Xanh ${SUFFIX}`;
const BOOK = `Biển đảo quê hương ${SUFFIX}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function check(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `test-results/sponsorship/${name}.png`, fullPage: true });
}

test.use({ viewport: PHONE });

test('a donor’s book donation becomes catalogue records', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/sponsorship');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/sponsorship/);
  await check(page, 'list');

  await page.getByRole('link', { name: 'Thêm nhà tài trợ' }).click();
  await check(page, 'sponsor-new');
  const unit = page.getByLabel('Đơn vị theo dõi');
  const library = await unit.locator('option', { hasText: 'Thư viện tỉnh' }).first().getAttribute('value');
  await unit.selectOption(library ?? '');
  await page.getByLabel('Tên', { exact: true }).fill(DONOR);
  await page.getByLabel('Nhà tài trợ đồng ý được nêu tên trên trang cảm ơn').check();
  await page.getByLabel('Ngày đồng ý').fill('2026-03-01');
  await page.getByRole('button', { name: 'Lưu nhà tài trợ' }).click();
  await expect(page.getByRole('status')).toContainText('Đã thêm nhà tài trợ');
  await check(page, 'sponsor');

  await page.getByRole('link', { name: 'Ghi nhận tài trợ' }).click();
  await expect(page.getByLabel('Nhà tài trợ', { exact: true })).toHaveValue(/spn_/);
  await page.getByLabel('Đơn vị nhận').selectOption(library ?? '');
  await page.getByLabel('Hình thức').selectOption('books');
  await page.getByLabel('Nội dung tài trợ').fill('Tủ sách biển đảo cho bạn đọc thiếu nhi');
  await page.getByLabel('Giá trị quy đổi (đồng)').fill('3.500.000');
  await page.getByLabel('Ngày nhận').fill('2026-06-01');
  await page
    .getByLabel('Danh mục sách tặng')
    .fill(`${BOOK} | Nguyễn Văn Biển | | 2024 | 3\nTruyện Kiều | Nguyễn Du`);
  await check(page, 'donation-new');
  await page.getByRole('button', { name: 'Lưu khoản tài trợ' }).click();
  await expect(page.getByRole('status')).toContainText('Đã ghi nhận tài trợ');
  await check(page, 'donation');

  await page.getByRole('button', { name: 'Tạo biểu ghi thư mục cho sách tặng' }).click();
  await expect(page.getByRole('status')).toContainText('Đã tạo biểu ghi thư mục');
  await check(page, 'donation-catalogued');
  await page.getByRole('link', { name: BOOK }).click();
  await expect(page).toHaveURL(/\/records\/rec_[a-z2-9]{16}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(BOOK);
  await check(page, 'record');

  const visitor = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const anon = await visitor.newPage();
  await anon.goto('/sponsors');
  await expect(anon.getByRole('heading', { name: DONOR })).toBeVisible();
  await visitor.close();
  await page.goto('/sponsors');
  await check(page, 'public');
});
