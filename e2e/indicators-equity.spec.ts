// The equity view and its small-cell threshold form (focal point), and a unit's evidence files on its report
// (upload a file to a manual value, see it listed, open it): no JavaScript, axe 0 violations, at 360 px and on a
// desktop, no sideways scrolling; screenshots in test-results/.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsWithoutJs, expectNoHorizontalOverflow, signedInWithoutJs } from './fixtures.ts';

const YEAR = new Date().getFullYear();
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

for (const width of [360, 1280]) {
  test(`the equity view and its threshold form pass axe at ${width} px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await signedInWithoutJs(
      browser,
      'qlvhgd@demo.suotdoi.vn',
      `/admin/indicators/equity?year=${YEAR}`,
      width,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Công bằng tiếp cận theo xã, phường');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `test-results/equity-${width}.png`, fullPage: true });

    await page.getByRole('link', { name: 'Đổi ngưỡng ẩn ô nhỏ' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Ngưỡng ẩn ô nhỏ/);
    const field = page.getByLabel('Ngưỡng (số người)');
    await expect(field).toHaveValue('10');
    await field.fill('1');
    await page.getByRole('button', { name: 'Lưu ngưỡng' }).click();
    await expect(page.getByRole('alert')).toContainText('Nhập một số nguyên từ 2 đến 100.');
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `test-results/equity-threshold-error-${width}.png`, fullPage: true });
    // Saved as it was (10): the other journeys see the default.
    await page.getByLabel('Ngưỡng (số người)').fill('10');
    await page.getByRole('button', { name: 'Lưu ngưỡng' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu ngưỡng mới.');
    await expectNoAxeViolationsWithoutJs(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `test-results/equity-threshold-${width}.png`, fullPage: true });
  });
}

test('a unit adds an evidence file to a manual value and sees it listed, axe at 360 px and desktop', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await signedInWithoutJs(browser, 'baotang.nhanvien@demo.suotdoi.vn', '/admin/reports', 360);
  await page.goto(`/admin/reports/nam-${YEAR}`);
  await page
    .getByRole('table', { name: /Tình trạng báo cáo/ })
    .getByRole('link', { name: 'Bảo tàng tỉnh' })
    .click();
  const evidence = page.getByRole('region', { name: 'Tệp minh chứng cho số liệu đơn vị nhập' });
  await expect(evidence).toBeVisible();
  await evidence
    .locator('#ev-file')
    .setInputFiles({ name: 'cong-van-bao-tang.pdf', mimeType: 'application/pdf', buffer: PDF });
  await evidence.getByRole('button', { name: 'Tải lên minh chứng' }).click();
  const link = page
    .getByRole('region', { name: 'Tệp minh chứng cho số liệu đơn vị nhập' })
    .getByRole('link', {
      name: 'cong-van-bao-tang.pdf',
    });
  await expect(link).toBeVisible();
  const file = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectNoAxeViolationsWithoutJs(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'test-results/report-evidence-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expectNoAxeViolationsWithoutJs(page);
  await page.screenshot({ path: 'test-results/report-evidence-desktop.png', fullPage: true });
});
