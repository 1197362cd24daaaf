// Learning record journey on a 360 px phone: staff publishes a talk, a signed-in citizen registers for it
// (no JavaScript), staff checks them in, and the attendance appears on the citizen's record — timeline,
// hours chart and table — without the citizen logging anything. The staff aggregates page and the xAPI
// clients page (issue a credential, shown once) pass axe too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const TITLE = `Nói chuyện: Văn hóa đọc trong gia đình — ${Date.now().toString(36)}`;
const SHOTS = process.env.E2E_SCREENSHOTS;

function demo(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(demo().password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, '\\$&')));
}

async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
  return context.newPage();
}

test("a citizen's check-in shows on their learning record without self-logging", async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await phone(browser, true);
  await signIn(staff, demo().email, '/admin/events');
  await staff.goto('/admin/events/new');
  const unit = staff.getByLabel('Đơn vị tổ chức');
  const unitValue = await unit.locator('option', { hasText: 'Thư viện' }).first().getAttribute('value');
  await unit.selectOption(unitValue ?? '');
  await staff.getByLabel('Tên sự kiện').fill(TITLE);
  await staff.getByLabel('Loại hoạt động').selectOption('talk');
  await staff.getByLabel('Địa điểm').selectOption({ index: 1 });
  await staff.getByLabel('Ngày (buổi đầu)').fill('2027-04-21');
  await staff.getByLabel('Giờ bắt đầu').fill('08:00');
  await staff.getByLabel('Giờ kết thúc').fill('10:00');
  await staff.getByLabel('Trạng thái').selectOption('published');
  await staff.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await expect(staff).toHaveURL(/\/admin\/events\/evt_[a-z2-9]{16}\?done=created/);
  const eventId = /evt_[a-z2-9]{16}/.exec(staff.url())?.[0] as string;

  // The citizen, signed in on a phone without JavaScript, registers and has an empty record.
  const citizen = await phone(browser, false);
  await signIn(citizen, 'hocvien@demo.suotdoi.vn', '/hoc-tap');
  await expect(citizen.getByRole('heading', { level: 1 })).toContainText('Nguyễn Văn An');
  await expect(citizen.getByText('Chưa có hoạt động nào được ghi nhận.')).toBeVisible();
  // Personal learning analytics are opt-in (ADR 0015): off until the citizen turns them on.
  await expect(citizen.getByText(/im lặng không phải là đồng ý/)).toBeVisible();
  await citizen.getByRole('button', { name: 'Bật thống kê học tập cá nhân' }).click();
  await expect(citizen.getByRole('button', { name: 'Tắt thống kê học tập cá nhân' })).toBeVisible();
  await citizen.goto(`/events/${eventId}`);
  await citizen.getByRole('button', { name: /Đăng ký/ }).click();
  await expect(citizen).toHaveURL(/\/events\/tickets\/[A-Z2-9-]+\?new=1$/);
  const code = (await citizen.locator('.ticket-code').textContent())?.trim() as string;

  // Staff checks them in at the door.
  await staff.goto(`/admin/events/${eventId}/check-in`);
  await staff.getByRole('textbox', { name: 'Mã vé' }).fill(code);
  await staff.getByRole('button', { name: 'Điểm danh', exact: true }).click();
  await expect(staff.getByText(/Đã điểm danh: Nguyễn Văn An/)).toBeVisible();

  // The record now shows the talk, two hours in the chart and table, and a streak.
  await citizen.goto('/hoc-tap');
  const timeline = citizen.getByRole('region', { name: 'Dòng thời gian' });
  await expect(timeline).toContainText(TITLE);
  await expect(timeline).toContainText('Tham dự');
  await expect(timeline).toContainText('Nền tảng ghi nhận');
  await expect(citizen.getByRole('img', { name: /Biểu đồ cột/ })).toBeVisible();
  const table = citizen.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'Nói chuyện chuyên đề' })).toContainText('2');
  await expect(citizen.getByText('Chuỗi hiện tại: 1 ngày')).toBeVisible();
  await expectNoAxeViolationsWithoutJs(citizen);
  await expectNoHorizontalOverflow(citizen);
  if (SHOTS) await citizen.screenshot({ path: join(SHOTS, 'learning-record.png'), fullPage: true });

  // A goal, set without JavaScript.
  await citizen.getByLabel(/Số giờ muốn học/).fill('20');
  await citizen.getByRole('button', { name: 'Lưu mục tiêu' }).click();
  await expect(citizen.getByText('Đã lưu mục tiêu.')).toBeVisible();
  await expect(citizen.getByText(/Đã học 2 \/ 20 giờ/)).toBeVisible();

  await citizen.goto('/hoc-tap/in');
  await expect(citizen.getByRole('heading', { level: 1 })).toContainText('Nguyễn Văn An');
  await expectNoAxeViolationsWithoutJs(citizen);
  if (SHOTS) await citizen.screenshot({ path: join(SHOTS, 'learning-record-print.png'), fullPage: true });

  // Staff see aggregates only, and issue an xAPI client credential.
  await staff.goto('/admin/learning-record');
  await expect(staff.getByRole('row').filter({ hasText: 'Thư viện' }).first()).toBeVisible();
  await expectNoAxeViolations(staff);
  if (SHOTS) await staff.screenshot({ path: join(SHOTS, 'learning-record-aggregates.png'), fullPage: true });
  await staff.goto('/admin/xapi-clients');
  await staff.getByLabel('Tên ứng dụng hoặc cơ sở').fill('Phần mềm E-learning trường THCS');
  const lib = await staff
    .locator('#client-unit option', { hasText: 'Thư viện tỉnh' })
    .first()
    .getAttribute('value');
  await staff.getByLabel('Đơn vị', { exact: true }).selectOption(lib ?? '');
  await staff.getByRole('button', { name: 'Cấp thông tin xác thực' }).click();
  await expect(staff.getByTestId('client-secret')).toBeVisible();
  await expectNoAxeViolations(staff);
  if (SHOTS) await staff.screenshot({ path: join(SHOTS, 'xapi-clients.png'), fullPage: true });
  await staff.goto('/admin/xapi-clients');
  await expect(staff.getByTestId('client-secret')).toHaveCount(0);
});
