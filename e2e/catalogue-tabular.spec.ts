// A museum cataloguer imports a spreadsheet: uploads a CSV, maps its columns, previews the first rows, starts
// the import and reads the validation report, with and without JavaScript; every page passes axe.
import { expect, type Page, test } from '@playwright/test';
import {
  demoAdmin,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

function spreadsheet(): Buffer {
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const rows = [
    'Tên hiện vật;Số kiểm kê;Niên đại;Chất liệu;Vị trí',
    `Trống đồng Đông Sơn;BT.${tag}.1;khoảng 500 TCN;Đồng;Phòng trưng bày 1`,
    `;BT.${tag}.2;1930;Gốm;Kho`,
    `Bình gốm Chăm;BT.${tag}.3;thế kỷ XII;Gốm;Kho`,
  ];
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

async function importJourney(page: Page, javaScript: boolean) {
  const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/catalogue/import/tabular');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/catalogue\/import\/tabular$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập biểu ghi từ bảng tính (CSV, Excel)');
  await checkA11y(page);

  await page
    .getByLabel('Tệp bảng tính')
    .setInputFiles({ name: 'hien-vat.csv', mimeType: 'text/csv', buffer: spreadsheet() });
  await page.getByLabel('Đơn vị giữ tài liệu').selectOption({ label: 'Bảo tàng tỉnh' });
  await page.getByRole('button', { name: 'Tải lên và chọn cột' }).click();

  // The mapping screen: one select per column, suggested from the header names.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chọn cột: hien-vat.csv');
  await expect(page.getByLabel('Cột 1: Tên hiện vật')).toHaveValue('title');
  await expect(page.getByLabel('Cột 2: Số kiểm kê')).toHaveValue('inventoryNo');
  await expect(page.getByLabel('Cột 3: Niên đại')).toHaveValue('date');
  await expect(page.getByLabel('Cột 4: Chất liệu')).toHaveValue('extent');
  await expect(page.getByLabel('Cột 5: Vị trí')).toHaveValue('location');
  await checkA11y(page);

  await page.getByLabel('Loại tài liệu khi tệp không ghi rõ').selectOption('museum_object');
  await page.getByLabel('Cột 5: Vị trí').selectOption('ignore');
  await page.getByRole('button', { name: 'Xem trước với các lựa chọn này' }).click();
  await expect(page.getByRole('status')).toContainText('Đã lưu lựa chọn.');
  const preview = page.getByRole('table', { name: '3 dòng đầu tiên như sẽ được nhập' });
  await expect(preview.getByRole('row', { name: /Trống đồng Đông Sơn/ })).toContainText('Hiện vật bảo tàng');
  await expect(preview.getByRole('row').filter({ hasText: 'Thiếu nhan đề.' })).toContainText('3');
  await expect(preview).not.toContainText('Phòng trưng bày 1');
  await checkA11y(page);
  await expectNoHorizontalOverflow(page);

  await page.getByRole('button', { name: 'Bắt đầu nhập' }).click();
  await expect(page).toHaveURL(/\/progress$/);
  // The background job runs on the server's queue; the page says so until it is done.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Xong', { exact: false }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.locator('dl')).toContainText('Biểu ghi mới');
  const report = page.getByRole('table', { name: 'Mỗi dòng lỗi hoặc cần chú ý: số dòng trong tệp và lý do' });
  await expect(report.getByRole('row').filter({ hasText: 'Thiếu nhan đề.' })).toContainText('3');
  await checkA11y(page);
}

test.describe('spreadsheet import', () => {
  // Upload, a background job and five axe runs (twice a page without JavaScript): more than the default minute
  // on a busy machine.
  test.setTimeout(180_000);

  test('with JavaScript', async ({ page }) => {
    await importJourney(page, true);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('without JavaScript', async ({ page }) => {
      await importJourney(page, false);
    });
  });
});
