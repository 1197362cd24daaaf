// Operations journey (issue 16), inspections: on a phone-sized screen an administrator plans an inspection of
// the provincial library, records the visit and its findings, adds a follow-up action whose deadline has
// passed (it shows as overdue), closes it with what was done (closed late), and closes the inspection. The
// public honour roll opens without JavaScript. Every page passes axe and nothing scrolls sideways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const TITLE = `Kiểm tra Thư viện tỉnh — ${Date.now().toString(36)}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function check(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `test-results/inspections/${name}.png`, fullPage: true });
}

test.use({ viewport: PHONE });

test('an inspection follow-up is closed', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const year = new Date().getFullYear();
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/inspections');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/inspections/);
  await check(page, 'list');

  await page.getByRole('link', { name: 'Lập kế hoạch kiểm tra' }).click();
  await check(page, 'new');
  // Saving with nothing filled in lists the problems at the top.
  await page.getByRole('button', { name: 'Lưu kế hoạch kiểm tra' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy chọn đơn vị chủ trì');
  await check(page, 'new-errors');
  await page
    .getByLabel('Đơn vị chủ trì kiểm tra')
    .selectOption({ label: 'Phòng Quản lý Văn hóa và Gia đình' });
  await page.getByLabel('Tên đợt kiểm tra').fill(TITLE);
  await page.getByLabel('Nội dung kiểm tra').fill('Việc triển khai Chương trình học tập suốt đời');
  await page.getByLabel('Từ ngày').fill(`${year}-01-10`);
  await page.getByLabel('Đến ngày').fill(`${year}-12-20`);
  await page.getByLabel('Thư viện tỉnh', { exact: true }).check();
  await page.getByRole('button', { name: 'Lưu kế hoạch kiểm tra' }).click();
  await expect(page).toHaveURL(/\/admin\/inspections\/insp_[a-z2-9]{16}\?done=created/);
  await expect(page.getByRole('status')).toContainText('Đã lưu kế hoạch kiểm tra');
  await check(page, 'plan');

  const visit = page.locator('form', { has: page.getByRole('button', { name: 'Lưu lần kiểm tra' }) });
  await visit.getByLabel('Đơn vị được kiểm tra').selectOption({ label: 'Thư viện tỉnh' });
  await visit.getByLabel('Ngày kiểm tra').fill(`${year}-02-03`);
  await visit.getByLabel('Kết quả, phát hiện').fill('Chưa có sổ theo dõi bạn đọc tham gia câu lạc bộ.');
  await visit.getByRole('button', { name: 'Lưu lần kiểm tra' }).click();
  await expect(page.getByRole('status')).toContainText('Đã ghi nhận lần kiểm tra');

  await page.getByText('Thêm việc cần khắc phục').click();
  const follow = page.locator('form', { has: page.getByRole('button', { name: 'Lưu việc cần khắc phục' }) });
  await follow.getByLabel('Việc cần khắc phục').fill('Lập sổ theo dõi bạn đọc câu lạc bộ');
  await follow.getByLabel('Hạn hoàn thành').fill(`${year - 1}-12-31`);
  await follow.getByRole('button', { name: 'Lưu việc cần khắc phục' }).click();
  await expect(page.getByRole('status')).toContainText('Đã thêm việc cần khắc phục');
  await expect(page.getByText('Quá hạn', { exact: true })).toBeVisible();
  await check(page, 'followup-overdue');

  const close = page.locator('form', { has: page.getByRole('button', { name: 'Xác nhận đã khắc phục' }) });
  await close.getByRole('button', { name: 'Xác nhận đã khắc phục' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy ghi kết quả khắc phục');
  await close.getByLabel('Kết quả khắc phục').fill('Đã lập sổ và cập nhật hằng tuần.');
  await close.getByRole('button', { name: 'Xác nhận đã khắc phục' }).click();
  await expect(page.getByRole('status')).toContainText('Đã xác nhận hoàn thành việc khắc phục');
  await expect(page.getByText(/Đã hoàn thành ngày .*, trễ hạn\./)).toBeVisible();
  await check(page, 'followup-closed');

  await page.getByRole('button', { name: 'Kết thúc đợt kiểm tra' }).click();
  await expect(page.getByRole('status')).toContainText('Đã kết thúc đợt kiểm tra');
  await expect(page.getByText('Đã kết thúc', { exact: true })).toBeVisible();
  await check(page, 'plan-closed');

  await page.goto(`/admin/inspections?q=${encodeURIComponent(TITLE)}`);
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();

  const citizen = await (await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })).newPage();
  await citizen.goto('/honour-roll');
  await expect(citizen.getByRole('heading', { level: 1 })).toContainText('Bảng vinh danh');
  await expectNoAxeViolationsWithoutJs(citizen);
  await expectNoHorizontalOverflow(citizen);
});
