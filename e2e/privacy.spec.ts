// A guest (no account) asks about their personal data on a phone: chooses the request, gives the mobile number
// they used, types the code sent there (read from the outbox, where notices land with no SMS gateway) and gets
// the request number and its legal deadlines; an administrator sees it in the queue with its due dates.
// Every page passes axe and fits 360 px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const PHONE = { width: 360, height: 760 };
test.use({ viewport: PHONE });

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function staffSignIn(page: Page) {
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/outbox');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/outbox/);
}

test('a guest asks for their data with a code sent to their phone', async ({ page, browser }) => {
  const national = `091${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const e164 = `+84${national.slice(1)}`;

  await page.goto('/privacy/request');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Yêu cầu về dữ liệu cá nhân (không cần tài khoản)',
  );
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.getByLabel('Loại yêu cầu').selectOption('access');
  await page.getByLabel('Số điện thoại di động hoặc email bạn đã dùng').fill(national);
  await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
  await expect(page.getByRole('status')).toContainText('mã 6 chữ số');
  await expectNoAxeViolations(page);

  const staff = await (await browser.newContext({ viewport: PHONE })).newPage();
  await staffSignIn(staff);
  await staff.goto(`/admin/outbox?to=${encodeURIComponent(e164)}`);
  const body = (await staff.locator('pre.mail-body').first().textContent()) ?? '';
  const code = /\b(\d{6})\b/.exec(body)?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);

  await page.getByLabel('Mã xác nhận').fill(code);
  await page.getByRole('button', { name: 'Xác nhận và gửi yêu cầu' }).click();
  await expect(page.getByRole('status')).toContainText(/Đã nhận yêu cầu số dsr_\w+\. Trả lời chậm nhất ngày/);
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);

  await staff.goto('/admin/privacy');
  await expect(staff.getByText(`liên hệ đã xác minh: ${e164}`)).toBeVisible();
  await expect(staff.getByRole('link', { name: 'Tải dữ liệu của khách (JSON)' }).first()).toBeVisible();
  await expectNoAxeViolations(staff);
});
