// The plan as live work, without JavaScript: the focal point assigns the library's part of an instance; the
// library's staff records progress with a PDF and sends it to the manager, who submits it; the focal point
// returns it with a comment; staff fix it, the manager resubmits, the focal point approves; the timeline
// shows every step. axe checks the pages on the way.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoAxeViolationsWithoutJs, expectNoHorizontalOverflow } from './fixtures.ts';

const OFFICER = 'qlvhgd@demo.suotdoi.vn';
const STAFF = 'thuvien.nhanvien@demo.suotdoi.vn';
const MANAGER = 'thuvien.giamdoc@demo.suotdoi.vn';

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function as(browser: Browser, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(path.replace(/[/?]/g, '\\$&')));
  return page;
}

const libraryPart = (page: Page) => page.getByRole('region', { name: /^Thư viện tỉnh/ });

test('assign, report with a PDF, submit, return, fix, resubmit, approve — with a timeline', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The focal point finds the task (search without diacritics) and opens its 2026 instance.
  const officer = await as(browser, OFFICER, '/admin/plan/tasks');
  await officer.getByLabel('Từ khóa (không cần dấu)').fill('long ghep to chuc cac hoat dong hoc tap');
  await officer.getByRole('button', { name: 'Lọc' }).click();
  await officer.getByRole('table').getByRole('link').first().click();
  await officer.getByRole('link', { name: '2026', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText('năm 2026');
  const instanceUrl = officer.url();
  await expectNoAxeViolationsWithoutJs(officer);
  await libraryPart(officer)
    .getByLabel('Người phụ trách')
    .selectOption({ label: 'Nguyễn Thị Thu (demo) (thuvien.nhanvien@demo.suotdoi.vn)' });
  await libraryPart(officer).getByRole('button', { name: 'Giao việc' }).click();
  await expect(officer.getByText('Đã cập nhật người phụ trách.')).toBeVisible();
  await expect(libraryPart(officer)).toContainText('Nguyễn Thị Thu (demo)');

  // Staff: "My work" lists it; progress, a PDF, then to the manager.
  const staff = await as(browser, STAFF, '/admin/plan/my-work');
  await expectNoAxeViolationsWithoutJs(staff);
  await staff.goto(instanceUrl);
  const part = libraryPart(staff);
  await part.getByLabel('Tiến độ', { exact: true }).selectOption('in_progress');
  await part.getByLabel('Tỷ lệ hoàn thành (%)').fill('60');
  await part.getByLabel('Kết quả thực hiện').fill('Tổ chức 4 buổi giới thiệu sách tại trường học');
  await part.getByRole('button', { name: 'Lưu tiến độ' }).click();
  await expect(staff.getByText('Đã lưu tiến độ.')).toBeVisible();
  await libraryPart(staff)
    .getByLabel('Tệp minh chứng')
    .setInputFiles({ name: 'bao-cao-tuan-le.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
  await libraryPart(staff).getByRole('button', { name: 'Tải tệp lên' }).click();
  await expect(staff.getByText('Đã thêm minh chứng.')).toBeVisible();
  await expect(libraryPart(staff).getByRole('link', { name: 'bao-cao-tuan-le.pdf' })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(staff);
  await expectNoHorizontalOverflow(staff);
  await libraryPart(staff).getByRole('button', { name: 'Gửi thủ trưởng đơn vị' }).click();
  await expect(staff.getByText('Đã gửi thủ trưởng đơn vị.')).toBeVisible();

  // The manager submits to the Department.
  const manager = await as(browser, MANAGER, new URL(instanceUrl).pathname);
  await libraryPart(manager).getByRole('button', { name: 'Gửi báo cáo lên Sở' }).click();
  await expect(manager.getByText('Đã gửi báo cáo lên Sở.')).toBeVisible();

  // The focal point returns it with a comment.
  await officer.goto(instanceUrl);
  await libraryPart(officer)
    .getByLabel('Lý do trả lại (bắt buộc)')
    .fill('Đề nghị bổ sung số lượt bạn đọc tham gia');
  await libraryPart(officer).getByRole('button', { name: 'Trả lại báo cáo' }).click();
  await expect(officer.getByText('Đã trả lại báo cáo kèm ý kiến.')).toBeVisible();

  // Staff see the comment, fix the report and send it again; the manager resubmits.
  await staff.goto(instanceUrl);
  await expect(libraryPart(staff)).toContainText('Đề nghị bổ sung số lượt bạn đọc tham gia');
  await libraryPart(staff).getByLabel('Tiến độ', { exact: true }).selectOption('done');
  await libraryPart(staff)
    .getByLabel('Kết quả thực hiện')
    .fill('Tổ chức 4 buổi, 1.250 lượt bạn đọc tham gia');
  await libraryPart(staff).getByRole('button', { name: 'Lưu tiến độ' }).click();
  await expect(staff.getByText('Đã lưu tiến độ.')).toBeVisible();
  await libraryPart(staff).getByRole('button', { name: 'Gửi thủ trưởng đơn vị' }).click();
  await manager.goto(instanceUrl);
  await libraryPart(manager).getByRole('button', { name: 'Gửi báo cáo lên Sở' }).click();
  await expect(manager.getByText('Đã gửi báo cáo lên Sở.')).toBeVisible();

  // The focal point approves; the timeline shows every step.
  await officer.goto(instanceUrl);
  await libraryPart(officer).getByRole('button', { name: 'Phê duyệt báo cáo' }).click();
  await expect(officer.getByText('Đã phê duyệt báo cáo.')).toBeVisible();
  await expect(libraryPart(officer)).toContainText('Đã duyệt');
  const timeline = officer.locator('ol.timeline');
  for (const step of [
    'giao cho Nguyễn Thị Thu (demo)',
    'thêm minh chứng “bao-cao-tuan-le.pdf”',
    'từ “Đang soạn” sang “Chờ thủ trưởng gửi”',
    'từ “Chờ thủ trưởng gửi” sang “Đã gửi Sở, chờ duyệt”',
    'từ “Đã gửi Sở, chờ duyệt” sang “Bị trả lại”',
    'từ “Bị trả lại” sang “Chờ thủ trưởng gửi”',
    'từ “Đã gửi Sở, chờ duyệt” sang “Đã duyệt”',
  ])
    await expect(timeline).toContainText(step);
  await expect(timeline).toContainText('Đề nghị bổ sung số lượt bạn đọc tham gia');
  await expectNoAxeViolationsWithoutJs(officer);
});
