// Check-in at a door with no network (issue 15): the staff member opens the check-in page online (the session's
// ticket list is kept on the device), loses the network, checks tickets in ("saved, will sync"; a code scanned
// twice is said at once), and when the network is back the queue syncs: a ticket another device checked in
// meanwhile comes back as a duplicate, an unknown code as invalid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const TITLE = `Giờ đọc sách ở điểm dừng xe thư viện — ${Date.now().toString(36)}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function guestTicket(browser: Browser, eventPath: string, name: string): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(eventPath);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Email', { exact: true }).fill(`${Date.now()}-${name.length}@example.vn`);
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  const code = (await page.locator('.ticket-code').textContent())?.trim() as string;
  await context.close();
  return code;
}

async function checkInByCode(page: Page, code: string) {
  await page.getByRole('textbox', { name: 'Mã vé' }).fill(code);
  await page.getByRole('button', { name: 'Điểm danh', exact: true }).click();
}

test('staff check tickets in with no network; the sync reports a duplicate and an invalid ticket', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/events');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/events/);
  await page.goto('/admin/events/new');
  const unit = page.getByLabel('Đơn vị tổ chức');
  const unitValue = await unit.locator('option', { hasText: 'Thư viện' }).first().getAttribute('value');
  await unit.selectOption(unitValue ?? '');
  await page.getByLabel('Tên sự kiện').fill(TITLE);
  await page.getByLabel('Loại hoạt động').selectOption('reading');
  await page.getByLabel('Địa điểm').selectOption({ index: 1 });
  await page.getByLabel('Ngày (buổi đầu)').fill('2027-05-12');
  await page.getByLabel('Giờ bắt đầu').fill('08:00');
  await page.getByLabel('Giờ kết thúc').fill('10:00');
  await page.getByLabel('Số chỗ', { exact: true }).fill('10');
  await page.getByLabel('Trạng thái').selectOption('published');
  await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/evt_[a-z2-9]{16}\?done=created/);
  const eventId = /evt_[a-z2-9]{16}/.exec(page.url())?.[0] as string;
  const lan = await guestTicket(browser, `/events/${eventId}`, 'Nguyễn Thị Lan');
  const binh = await guestTicket(browser, `/events/${eventId}`, 'Trần Văn Bình');

  // Online: the page keeps the session's tickets on the device.
  await page.goto(`/admin/events/${eventId}/check-in`);
  await expect(page.getByText('Đã lưu 2 vé của buổi này trên máy')).toBeVisible();
  await expectNoAxeViolations(page);

  // The network goes; check-ins are saved on the device.
  await context.setOffline(true);
  await checkInByCode(page, lan.toLowerCase());
  await expect(page.locator('#ci-offline-status')).toHaveText(
    'Đã lưu trên máy, sẽ đồng bộ khi có mạng: Nguyễn Thị Lan (1 người).',
  );
  await checkInByCode(page, lan);
  await expect(page.locator('#ci-offline-status')).toContainText('đã được điểm danh trên máy này rồi');
  await checkInByCode(page, 'ABCD-EFGH-JKLM');
  await expect(page.locator('#ci-offline-status')).toContainText('không có trong danh sách đã lưu');

  // Meanwhile another device, online, checks Bình in; this one (offline) scans Bình too.
  // Its own device: the staff member's cookies, not this device's storage.
  const { cookies } = await context.storageState();
  const other = await browser.newContext({ viewport: PHONE, storageState: { cookies, origins: [] } });
  const otherPage = await other.newPage();
  await otherPage.goto(`/admin/events/${eventId}/check-in`);
  await checkInByCode(otherPage, binh);
  await expect(otherPage.getByText('Đã điểm danh: Trần Văn Bình (1 người).')).toBeVisible();
  await other.close();
  await checkInByCode(page, binh);
  await expect(page.locator('#ci-offline-log li[data-state="queued"]')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('check-in-offline-360.png'), fullPage: true });

  // Back online: the queue syncs by itself; each outcome is listed.
  await context.setOffline(false);
  await expect(page.locator('#ci-offline-status')).toHaveText(
    'Đã đồng bộ: 1 vé điểm danh xong, 1 vé trùng, 1 vé không hợp lệ.',
  );
  await expect(page.locator('#ci-offline-log li[data-state="ok"]')).toContainText('Nguyễn Thị Lan');
  await expect(page.locator('#ci-offline-log li[data-state="dup"]')).toContainText(binh);
  await expect(page.locator('#ci-offline-log li[data-state="bad"]')).toContainText('ABCD-EFGH-JKLM');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByText('Có mặt: 2 người đăng ký')).toBeVisible();
  await context.close();
});
