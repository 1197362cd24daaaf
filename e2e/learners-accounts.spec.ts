// Citizen accounts journey on a 360 px phone without JavaScript: a parent signs up with a phone number and a
// one-time code (read from the outbox, where notices land with no SMS gateway configured), completes her profile,
// is refused when adding her child without the guardian's consent, adds the child with both consents, and
// switches to the child in one tap. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function signInAsStaff(page: Page) {
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/outbox');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox/);
}

/** The latest code sent to this number, as an administrator reads it in the outbox. */
async function codeFromOutbox(staff: Page, e164: string): Promise<string> {
  await staff.goto(`/admin/outbox?to=${encodeURIComponent(e164)}`);
  const body = (await staff.locator('pre.mail-body').first().textContent()) ?? '';
  const m = /\b(\d{6})\b/.exec(body);
  if (!m?.[1]) throw new Error(`no code in the outbox for ${e164}`);
  return m[1];
}

async function phoneWithoutJs(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  return context.newPage();
}

async function check(page: Page, name: string) {
  await expectNoAxeViolationsWithoutJs(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `test-results/learners-${name}.png`, fullPage: true });
}

test('a parent signs up with a phone code, adds a child with consent and switches to the child', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAsStaff(page);
  const digits = String(Date.now() % 10_000_000).padStart(7, '0');
  const national = `091${digits}`;
  const e164 = `+8491${digits}`;
  const year = new Date().getFullYear();

  const parent = await phoneWithoutJs(browser);
  await parent.goto('/join');
  await check(parent, 'join');
  await parent.getByRole('link', { name: 'Đăng ký bằng số điện thoại' }).click();
  await expect(parent).toHaveURL(/\/sign-in\/phone$/);
  await check(parent, 'phone');

  // A number that is not a Vietnamese mobile is refused with the reason.
  await parent.getByLabel('Số điện thoại di động').fill('0258 3822 000');
  await parent.getByRole('button', { name: 'Gửi mã' }).click();
  await expect(parent.getByRole('alert')).toContainText('số di động Việt Nam');
  await check(parent, 'phone-error');

  await parent.getByLabel('Số điện thoại di động').fill(national);
  await parent.getByRole('button', { name: 'Gửi mã' }).click();
  await expect(parent.getByRole('status')).toContainText('+84 91••••');
  await check(parent, 'code');

  // A wrong code first, then the right one.
  const code = await codeFromOutbox(page, e164);
  await parent.getByLabel('Mã gồm 6 chữ số').fill(code === '000000' ? '111111' : '000000');
  await parent.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(parent.getByRole('alert')).toContainText('Mã không đúng');
  await parent.getByLabel('Mã gồm 6 chữ số').fill(code);
  await parent.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(parent).toHaveURL(/\/my\/profile\/usr_[a-z2-9]+\?welcome=1$/);
  await check(parent, 'profile-welcome');

  await parent.getByLabel('Tên hiển thị').fill('Chị Hoa');
  await parent.getByLabel('Năm sinh').fill('1988');
  await parent.getByLabel('Sở thích').fill('lịch sử, đọc sách');
  await parent.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await expect(parent.getByRole('status')).toContainText('Đã lưu hồ sơ');

  await parent.goto('/my');
  await check(parent, 'my');
  await parent.getByRole('link', { name: 'Thêm thành viên gia đình' }).click();
  await check(parent, 'family-new');
  await parent.getByLabel('Tên hiển thị').fill('Bé Minh');
  await parent.getByLabel('Năm sinh').fill(String(year - 9));
  await parent.getByRole('button', { name: 'Thêm', exact: true }).click();
  // Without the consents: refused, both reasons listed, what was typed kept.
  const alert = parent.getByRole('alert');
  await expect(alert).toContainText('người giám hộ');
  await expect(alert).toContainText('Trẻ từ 7 tuổi cần tự đồng ý');
  await expect(parent.getByLabel('Tên hiển thị')).toHaveValue('Bé Minh');
  await check(parent, 'family-refused');

  await parent.getByLabel(/cha, mẹ hoặc người giám hộ hợp pháp/).check();
  await parent.getByLabel(/trẻ đồng ý tham gia/).check();
  await parent.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(parent).toHaveURL(/\/my$/);
  await expect(parent.getByText('Đang dùng hồ sơ: Chị Hoa')).toBeVisible();

  await parent.getByRole('button', { name: 'Chuyển sang Bé Minh' }).click();
  await expect(parent).toHaveURL(/\/my$/);
  await expect(parent.getByText('Đang dùng hồ sơ: Bé Minh')).toBeVisible();
  await check(parent, 'switched');

  // And back, in one tap.
  await parent.getByRole('button', { name: 'Chuyển sang Chị Hoa' }).click();
  await expect(parent.getByText('Đang dùng hồ sơ: Chị Hoa')).toBeVisible();

  // The same page with JavaScript on passes axe too.
  const withJs = await browser.newContext({
    viewport: PHONE,
    storageState: await parent.context().storageState(),
  });
  const jsPage = await withJs.newPage();
  await jsPage.goto('/my');
  await expectNoAxeViolations(jsPage);
  await withJs.close();
});
