// Periodic reports: the library's manager fills in and submits its yearly form, the focal point returns it with
// a comment, the library fixes and resubmits, the focal point accepts it, generates the annual report and
// downloads the DOCX and XLSX. The dashboards pass axe (no JavaScript) at 360 px and on a desktop.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolationsWithoutJs, expectNoHorizontalOverflow, signedInWithoutJs } from './fixtures.ts';

const YEAR = new Date().getFullYear();

async function openLibraryForm(page: Page) {
  await page.goto(`/admin/reports/nam-${YEAR}`);
  await page
    .getByRole('table', { name: /Tình trạng báo cáo/ })
    .getByRole('link', { name: 'Thư viện tỉnh' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Báo cáo của Thư viện tỉnh');
}

test('a unit submits, the focal point returns, the unit resubmits, the focal point accepts and generates', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const manager = await signedInWithoutJs(browser, 'thuvien.giamdoc@demo.suotdoi.vn', '/admin/reports');
  await openLibraryForm(manager);
  await manager
    .getByRole('group', { name: /TV-TINH/ })
    .getByLabel('Giá trị')
    .fill('100');
  await manager.getByRole('button', { name: 'Lưu báo cáo' }).click();
  // A value without evidence is refused, the form keeps what was typed.
  await expect(manager.getByRole('alert')).toContainText('Nhập minh chứng');
  await expect(manager.getByRole('group', { name: /TV-TINH/ }).getByLabel('Giá trị')).toHaveValue('100');
  await manager
    .getByRole('group', { name: /TV-TINH/ })
    .getByLabel(/Minh chứng/)
    .fill('Công văn 12/TVT');
  await manager.getByLabel(/^III\./).fill('Tổ chức Ngày Sách và Văn hóa đọc Việt Nam 21/4.');
  await manager.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await manager.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(manager.getByText('Đã gửi, chờ duyệt')).toBeVisible();

  const officer = await signedInWithoutJs(browser, 'qlvhgd@demo.suotdoi.vn', '/admin/reports');
  await openLibraryForm(officer);
  await officer.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(officer.getByRole('alert')).toContainText('Nhập ý kiến');
  await officer.getByLabel('Ý kiến của đầu mối').fill('Bổ sung mục VI (kiểm tra, đánh giá).');
  await officer.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(officer.getByText('Bị trả lại', { exact: true })).toBeVisible();

  await openLibraryForm(manager);
  await expect(manager.getByRole('note')).toContainText('Bổ sung mục VI');
  await manager.getByLabel(/^VI\./).fill('Tự kiểm tra việc thực hiện Kế hoạch tháng 11.');
  await manager.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await manager.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(manager.getByText('Đã gửi, chờ duyệt')).toBeVisible();

  await openLibraryForm(officer);
  await officer.getByRole('button', { name: 'Duyệt và chốt số liệu' }).click();
  await expect(officer.getByText('Đã duyệt (số liệu đã chốt)')).toBeVisible();
  await expect(officer.getByRole('columnheader', { name: 'Số liệu đã chốt khi duyệt' })).toBeVisible();

  await officer.goto(`/admin/reports/nam-${YEAR}`);
  await officer.getByRole('button', { name: /Tạo báo cáo tổng hợp/ }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText('Tạo báo cáo');
  await expectNoAxeViolationsWithoutJs(officer);
  for (let i = 0; i < 60 && !(await officer.getByText('Đã xong').isVisible()); i++) {
    await officer.waitForTimeout(1000);
    await officer.reload();
  }
  await expect(officer.getByText('Đã xong')).toBeVisible();
  for (const ext of ['docx', 'xlsx']) {
    const download = officer.waitForEvent('download');
    await officer.getByRole('link', { name: new RegExp(`\\.${ext} \\(${ext.toUpperCase()}`) }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^bao-cao-nam-${YEAR}-v1\\.${ext}$`));
    const bytes = readFileSync((await file.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }
  // The unit sees only its own report; the documents are the Department's.
  await manager.goto(`/admin/reports/nam-${YEAR}`);
  await expect(manager.getByRole('table', { name: /Tình trạng báo cáo/ }).getByRole('row')).toHaveCount(2);
  await expect(manager.getByText('Tài liệu đã tạo')).toHaveCount(0);
});

test('dashboards pass axe without JavaScript at 360 px and on a desktop', async ({ browser }) => {
  test.setTimeout(180_000);
  const phone = await signedInWithoutJs(browser, 'qlvhgd@demo.suotdoi.vn', `/admin/indicators?year=${YEAR}`);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Bảng điều khiển chỉ tiêu');
  await expect(phone.getByRole('img', { name: /Xu hướng theo năm/ })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(phone);
  await expectNoHorizontalOverflow(phone);
  await phone.screenshot({ path: 'test-results/reports-dashboard-360.png', fullPage: true });
  const unit = await signedInWithoutJs(
    browser,
    'thuvien.nhanvien@demo.suotdoi.vn',
    `/admin/indicators?year=${YEAR}`,
    1280,
  );
  await expect(unit.getByText(/Thư viện tỉnh — năm/)).toBeVisible();
  await expectNoAxeViolationsWithoutJs(unit);
  await unit.screenshot({ path: 'test-results/reports-dashboard-desktop.png', fullPage: true });
  const csv = await unit.request.get(`/admin/indicators/csv?year=${YEAR}&table=figures`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('SK-03');
  await phone.goto(`/admin/indicators/definitions`);
  await expectNoAxeViolationsWithoutJs(phone);
  await phone.screenshot({ path: 'test-results/reports-definitions-360.png', fullPage: true });
});

test('a unit’s own reporting page passes axe without JavaScript at 360 px', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInWithoutJs(browser, 'thuvien.nhanvien@demo.suotdoi.vn', '/admin/reports');
  await page.getByRole('main').getByRole('link', { name: 'Thư viện tỉnh', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo và số liệu của Thư viện tỉnh');
  await expect(page.getByRole('table', { name: /Các chỉ tiêu của Thư viện tỉnh theo năm/ })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'test-results/reports-unit-360.png', fullPage: true });
});
