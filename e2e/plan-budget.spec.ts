// Budget of the plan: a library staff member estimates the library's part of a task, the finance officer
// appraises the line; the timeline page passes axe with and without JavaScript.
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  demoPassword,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

async function signedIn(
  browser: Browser,
  email: string,
  next: string,
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, '\\$&')));
  return page;
}

test('a unit estimates its part of a task and the finance office appraises it', async ({ browser }) => {
  test.setTimeout(180_000); // two accounts, several axe runs
  // The library's staff member opens the budget and picks a yearly instance of one of its tasks.
  const staff = await signedIn(browser, 'thuvien.nhanvien@demo.suotdoi.vn', '/admin/plan/budget', false);
  await expectNoAxeViolationsWithoutJs(staff);
  await staff
    .getByRole('list', { name: /Lập dự toán năm/ })
    .getByRole('link')
    .first()
    .click();
  await expect(staff.getByRole('heading', { level: 1 })).toContainText('Dự toán nhiệm vụ');
  const instanceUrl = staff.url();
  await staff.getByLabel('Nội dung chi').fill('In tài liệu hướng dẫn bạn đọc');
  await staff.getByLabel('Số tiền dự toán (đồng)').fill('12,5 triệu');
  await staff.getByRole('button', { name: 'Thêm dòng dự toán' }).click();
  await expect(staff.getByRole('alert')).toContainText('Số tiền không hợp lệ');
  await expectNoAxeViolationsWithoutJs(staff);
  await staff.getByLabel('Số tiền dự toán (đồng)').fill('12.500.000');
  await staff.getByRole('button', { name: 'Thêm dòng dự toán' }).click();
  await expect(staff.getByRole('status')).toContainText('Đã thêm dòng dự toán.');
  await expect(staff.getByRole('table')).toContainText('12.500.000 ₫');
  await expect(staff.getByRole('table')).toContainText('Chờ thẩm định');
  await staff.context().close();

  // The finance officer finds the line in the budget and appraises it.
  const finance = await signedIn(browser, 'khtc@demo.suotdoi.vn', '/admin/plan/budget');
  await expect(finance.getByRole('table', { name: /Các dòng dự toán/ })).toContainText(
    'In tài liệu hướng dẫn bạn đọc',
  );
  await expectNoAxeViolations(finance);
  await finance.goto(instanceUrl);
  await finance.getByText('Thẩm định', { exact: true }).click();
  await finance.getByLabel('Số được duyệt (đồng)').fill('12.000.000');
  await finance.getByLabel('Ý kiến thẩm định').fill('Đồng ý, giảm chi phí in');
  await finance.getByRole('button', { name: 'Lưu thẩm định' }).click();
  await expect(finance.getByRole('status')).toContainText('Đã lưu kết quả thẩm định.');
  const table = finance.getByRole('table');
  await expect(table).toContainText('12.000.000 ₫');
  await expect(table).toContainText('Đồng ý, giảm chi phí in');
  await expect(table).toContainText('Đã thẩm định');
  await expectNoAxeViolations(finance);

  // The budget lists the appraised line; the export downloads an Excel file.
  await finance.goto('/admin/plan/budget');
  await expect(finance.getByRole('row').filter({ hasText: 'In tài liệu hướng dẫn bạn đọc' })).toContainText(
    '12.000.000 ₫',
  );
  const download = finance.waitForEvent('download');
  await finance.getByRole('link', { name: /Tải về tệp Excel/ }).click();
  expect((await download).suggestedFilename()).toBe('du-toan-kinh-phi.xlsx');
  await finance.context().close();
});

test.describe('timeline 2023–2030', () => {
  test('passes axe with JavaScript', async ({ browser }) => {
    const page = await signedIn(browser, 'qlvhgd@demo.suotdoi.vn', '/admin/plan/timeline');
    await expect(page.getByRole('img', { name: 'Biểu đồ tiến trình các nhiệm vụ 2023–2030' })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('Sơ kết');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  test('passes axe without JavaScript, and on a phone the chart scrolls inside its box', async ({
    browser,
  }) => {
    const page = await signedIn(browser, 'thuvien.nhanvien@demo.suotdoi.vn', '/admin/plan/timeline', false);
    await expect(page.getByRole('img', { name: /Biểu đồ tiến trình/ })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalOverflow(page);
    await page.goto('/admin/plan/units');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Thư viện tỉnh');
    await expectNoAxeViolationsWithoutJs(page);
    await page.context().close();
  });
});
