// Circulation journey on a 360 px phone: the librarian (demo administrator) opens the desk of the provincial
// library, registers a walk-in reader (the card shows its Code 128 and QR), lends a demo copy, renews it and
// takes it back; lends a second copy, then — as a reader with a card of their own — places a hold on that title
// from its record page and sees their place in the queue; the return fills the hold. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const TRIP_DAY = '2027-05-19';
const EVENT = `Giờ đọc sách bên xe thư viện — ${Date.now().toString(36)}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function signIn(page: Page) {
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/circulation');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/circulation/);
}

/** A guest's ticket for an event, registered from its public page without JavaScript; the ticket code. */
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

async function deskAction(page: Page, section: string, fields: Record<string, string>, submit: string) {
  const region = page.getByRole('region', { name: section, exact: true });
  for (const [label, value] of Object.entries(fields)) await region.getByLabel(label).fill(value);
  await region.getByRole('button', { name: submit, exact: true }).click();
}

test('the desk lends, renews, takes back, and a hold from the record page is filled by a return', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page);
  // The provincial library's desk.
  const unit = page.getByLabel('Đơn vị', { exact: true });
  const libraryId = await unit.locator('option', { hasText: 'Thư viện tỉnh' }).first().getAttribute('value');
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('desk-360.png'), fullPage: true });

  // The library's loan rules read as sentences; the default is edited in place.
  await page.getByRole('link', { name: 'Quy định mượn' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Quy định chung' })).toBeVisible();
  await page.getByText('Sửa: Quy định chung').click();
  await page.getByLabel('Số ngày mượn (1–365)').first().fill('0');
  await page.getByRole('button', { name: 'Lưu quy định' }).first().click();
  await expect(page.getByRole('alert')).toContainText('Số ngày mượn phải là số nguyên từ 1 đến 365.');
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('rules-360.png'), fullPage: true });
  await page.goto(`/admin/circulation?unit=${libraryId}`);

  // A walk-in reader gets a card.
  await page.getByRole('link', { name: 'Đăng ký bạn đọc mới' }).click();
  await page.getByLabel('Họ và tên', { exact: true }).fill('Phạm Thị Mai');
  await page.getByLabel('Năm sinh', { exact: true }).fill('1988');
  await page.getByLabel(/đồng ý để thư viện lưu/).check();
  await page.getByRole('button', { name: 'Cấp thẻ' }).click();
  const created = page.getByRole('status');
  await expect(created).toContainText('Đã cấp thẻ số');
  await expect(page.getByRole('img', { name: /^Code 128: \d{12}$/ })).toBeVisible();
  const card = /(\d{12})/.exec((await created.textContent()) ?? '')?.[1] ?? '';
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('reader-card-360.png'), fullPage: true });

  // Lend, renew, return.
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000021' }, 'Cho mượn');
  await expect(page.getByRole('status')).toContainText('Đã cho Phạm Thị Mai mượn');
  await deskAction(page, 'Gia hạn', { 'Mã vạch bản sách': 'TV000021' }, 'Gia hạn');
  await expect(page.getByRole('status')).toContainText('Đã gia hạn');
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000021' }, 'Nhận trả');
  await expect(page.getByRole('status')).toContainText('Đã nhận trả');
  // A clear refusal: the same copy returned twice is not on loan.
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000021' }, 'Nhận trả');
  await expect(page.getByRole('alert')).toContainText('không có ai mượn');
  await expectNoAxeViolations(page);

  // A second copy goes out; the signed-in reader (with their own card) holds that title from its record page.
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000022' }, 'Cho mượn');
  // The desk's outcome links to the title's record (a search by title could find a namesake record).
  const recordHref =
    (await page
      .getByRole('status')
      .getByRole('link', { name: 'Xem biểu ghi của tài liệu này' })
      .getAttribute('href')) ?? '';
  expect(recordHref).toMatch(/^\/records\//);
  await page.goto('/my/library');
  await page.getByText('Đăng ký thẻ', { exact: true }).first().click();
  await page.getByLabel('Thư viện', { exact: true }).selectOption({ label: 'Thư viện tỉnh' });
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Đăng ký thẻ' }).click();
  await expect(page.locator('.card-number').first()).toHaveText(/^\d{12}$/);
  await page.goto(recordHref);
  const borrow = page.getByRole('region', { name: 'Mượn tài liệu' });
  await expect(borrow).toContainText('bản có sẵn');
  await expectNoAxeViolations(page);
  await borrow.getByRole('button', { name: 'Đặt trước' }).first().click();
  await expect(page).toHaveURL(/\/my\/library/);
  await expect(page.getByText('Thứ tự chờ: 1')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('my-library-360.png'), fullPage: true });

  // The return fills the hold (on the shelf here, or in transit to the chosen pickup).
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000022' }, 'Nhận trả');
  await expect(page.getByRole('status')).toContainText(/kệ giữ sách|chuyển về/);
  await context.close();
});

test('the van lends 20, takes back 5 and registers a reader offline; sync applies each once, a return made elsewhere meanwhile is flagged', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: PHONE });
  // The check-ins the van's page sends that the server answers: the guest is checked in once, so one, whatever
  // the timing of the online event, a reload or the sync button (a resend would be hidden by its idempotency key).
  const checkInsAnswered: string[] = [];
  context.on('requestfinished', (r) => {
    if (r.method() === 'POST' && /\/check-ins$/.test(new URL(r.url()).pathname))
      checkInsAnswered.push(r.url());
  });
  const page = await context.newPage();
  await signIn(page);
  const libraryId = await page
    .getByLabel('Đơn vị', { exact: true })
    .locator('option', { hasText: 'Thư viện tỉnh' })
    .first()
    .getAttribute('value');
  // Online, at the desk: a reader for the van, and copy TV000030 lent to them (they will bring it to the van).
  await page.goto(`/admin/circulation/readers/new?unit=${libraryId}`);
  await page.getByLabel('Họ và tên', { exact: true }).fill('Võ Văn Xe');
  await page.getByLabel(/đồng ý để thư viện lưu/).check();
  await page.getByRole('button', { name: 'Cấp thẻ' }).click();
  const card = /(\d{12})/.exec((await page.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000030' }, 'Cho mượn');
  await expect(page.getByRole('status')).toContainText('Đã cho Võ Văn Xe mượn');

  // A hold for the van to hand over: copy TV000031 is out; the librarian, as a reader, holds its title for pickup
  // at one of the van's stops; the copy comes back on the van (the desk working as the route) and waits on the
  // van's hold shelf.
  await page.goto(`/admin/circulation/van?unit=${libraryId}`);
  const routeSelect = page.getByLabel('Địa điểm hoặc tuyến xe');
  const routeId = await routeSelect.inputValue();
  const routeName = ((await routeSelect.locator('option:checked').textContent()) ?? '').trim();
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000031' }, 'Cho mượn');
  const recordHref =
    (await page
      .getByRole('status')
      .getByRole('link', { name: 'Xem biểu ghi của tài liệu này' })
      .getAttribute('href')) ?? '';
  await page.goto('/my/library');
  if ((await page.locator('.card-number').count()) === 0) {
    await page.getByText('Đăng ký thẻ', { exact: true }).first().click();
    await page.getByLabel('Thư viện', { exact: true }).selectOption({ label: 'Thư viện tỉnh' });
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Đăng ký thẻ' }).click();
  }
  await expect(page.locator('.card-number').first()).toHaveText(/^\d{12}$/);
  await page.goto(recordHref);
  const borrow = page.getByRole('region', { name: 'Mượn tài liệu' });
  const pickup = borrow.getByLabel('Nơi nhận').first();
  const stopOption = pickup.locator('option', { hasText: routeName }).first();
  const stopPlace = ((await stopOption.textContent()) ?? '').split(' — ').pop()?.trim() ?? '';
  await pickup.selectOption((await stopOption.getAttribute('value')) ?? '');
  await borrow.getByRole('button', { name: 'Đặt trước' }).first().click();
  await expect(page).toHaveURL(/\/my\/library/);
  await page.goto(`/admin/circulation?unit=${libraryId}&at=route:${routeId}`);
  await deskAction(page, 'Nhận trả', { 'Mã vạch bản sách': 'TV000031' }, 'Nhận trả');
  await expect(page.getByRole('status')).toContainText('kệ giữ sách');

  // An event at that stop on the day of the trip, with a guest's ticket.
  await page.goto('/admin/events/new');
  const organiser = page.getByLabel('Đơn vị tổ chức');
  await organiser.selectOption(
    (await organiser.locator('option', { hasText: 'Thư viện tỉnh' }).first().getAttribute('value')) ?? '',
  );
  await page.getByLabel('Tên sự kiện').fill(EVENT);
  await page.getByLabel('Loại hoạt động').selectOption('reading');
  const venue = page.getByLabel('Địa điểm');
  await venue.selectOption(
    (await venue.locator('option', { hasText: stopPlace }).first().getAttribute('value')) ?? '',
  );
  await page.getByLabel('Ngày (buổi đầu)').fill(TRIP_DAY);
  await page.getByLabel('Giờ bắt đầu').fill('08:00');
  await page.getByLabel('Giờ kết thúc').fill('09:30');
  await page.getByLabel('Số chỗ', { exact: true }).fill('30');
  await page.getByLabel('Trạng thái').selectOption('published');
  await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/evt_[a-z2-9]{16}\?done=created/);
  const eventId = /evt_[a-z2-9]{16}/.exec(page.url())?.[0] as string;
  const ticket = await guestTicket(browser, `/events/${eventId}`, 'Nguyễn Thị Lan');

  // The van loads its pack for the day of the trip (readers, copies, the hold, the event), then loses the network.
  await page.goto(`/admin/circulation/van?unit=${libraryId}&route=${routeId}&day=${TRIP_DAY}`);
  const handOver = page.getByRole('button', { name: /^Giao sách: bản TV000031 cho / });
  await expect(handOver).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: EVENT })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Giao dịch chờ đồng bộ' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Installable: a manifest, and once the page has saved itself (worker scoped to the van page), it opens again
  // with no network.
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    '/admin/circulation/van.webmanifest',
  );
  await expect(page.locator('#van')).toHaveAttribute('data-offline-ready', 'true');
  await expect(page.locator('#van-status')).toContainText('mở lại được ở điểm dừng khi mất mạng');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Giao dịch chờ đồng bộ' })).toBeVisible();
  await expect(page.getByText(/Đã tải \d+ bạn đọc/)).toBeVisible();
  const lend = page.getByRole('region', { name: 'Cho mượn', exact: true });
  for (let i = 1; i <= 20; i++) {
    await lend.getByLabel('Số thẻ bạn đọc').fill(card);
    await lend.getByLabel('Mã vạch bản sách').fill(`TV${String(i).padStart(6, '0')}`);
    await lend.getByRole('button', { name: 'Cho mượn' }).click();
    await expect(page.locator('#van-queue li')).toHaveCount(i);
  }
  const back = page.getByRole('region', { name: 'Nhận trả', exact: true });
  for (const code of ['TV000001', 'TV000002', 'TV000003', 'TV000004', 'TV000030']) {
    await back.getByLabel('Mã vạch bản sách').fill(code);
    await back.getByRole('button', { name: 'Nhận trả' }).click();
  }
  const reg = page.getByRole('region', { name: 'Đăng ký bạn đọc', exact: true });
  await reg.getByLabel('Họ và tên').fill('Bạn đọc ở điểm dừng');
  await reg.getByRole('checkbox').check();
  await reg.getByRole('button', { name: 'Cấp thẻ' }).click();
  // The card number comes from the block reserved for this device: written on the card at the stop.
  await expect(page.locator('#van-status')).toContainText(/thẻ số \d{12}/);
  const given = /thẻ số (\d{12})/.exec((await page.locator('#van-status').textContent()) ?? '')?.[1] ?? '';
  // The held copy handed over to its holder; the guest checked in at the event.
  await handOver.click();
  await expect(page.locator('[data-hold-row]', { has: handOver })).toHaveAttribute('data-state', 'queued');
  const door = page.getByRole('form', { name: EVENT });
  await door.getByRole('textbox', { name: 'Mã vé' }).fill(ticket);
  await door.getByRole('button', { name: 'Điểm danh' }).click();
  await expect(page.locator('#van-ci-0-status')).toHaveText(
    'Đã lưu trên máy, sẽ đồng bộ khi có mạng: Nguyễn Thị Lan (1 người).',
  );
  await expect(page.locator('#van-queue li[data-state="queued"]')).toHaveCount(27);
  // A reload at the stop, still offline: the queues are on the device, nothing lost.
  await page.reload();
  await expect(page.locator('#van-queue li[data-state="queued"]')).toHaveCount(27);
  await expect(page.locator('#van-ci-0-log li[data-state="queued"]')).toHaveCount(1);
  await expect(handOver).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('van-offline-360.png'), fullPage: true });

  // Meanwhile a second device (the desk, online) takes back TV000030.
  const desk = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
  const deskPage = await desk.newPage();
  await deskPage.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(deskPage, 'Nhận trả', { 'Mã vạch bản sách': 'TV000030' }, 'Nhận trả');
  await expect(deskPage.getByRole('status')).toContainText('Đã nhận trả');
  await desk.close();

  // Back online: everything syncs; nothing refused; the return made elsewhere is flagged, not applied twice.
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect(page.locator('#van-queue li[data-state="queued"]')).toHaveCount(0);
  await expect(page.locator('#van-queue li[data-state="refused"]')).toHaveCount(0);
  await expect(page.locator('#van-queue li', { hasText: 'TV000030' })).toHaveAttribute(
    'data-state',
    'flagged',
  );
  await expect(page.locator('#van-queue li', { hasText: /thẻ số \d{12}/ })).toHaveCount(1);
  const newReader = page.locator('#van-queue li', { hasText: 'Bạn đọc ở điểm dừng' });
  await expect(newReader).toHaveAttribute('data-state', 'applied');
  await expect(newReader).toContainText(`(thẻ số ${given})`);
  // The hold was handed over (applied: the hold is fulfilled), and the guest is checked in.
  await expect(page.locator('#van-queue li', { hasText: 'TV000031' })).toHaveAttribute(
    'data-state',
    'applied',
  );
  await expect(page.locator('#van-ci-0-log li[data-state="ok"]')).toHaveText(/đã điểm danh Nguyễn Thị Lan/);
  await expect(page.locator('#van-ci-0-log li[data-state="dup"]')).toHaveCount(0);
  expect(checkInsAnswered).toHaveLength(1);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('van-synced-360.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('van-synced-desktop.png'), fullPage: true });
  await page.setViewportSize(PHONE);
  // A second sync sends nothing again; the desk sees TV000005 on loan (applied once).
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await page.goto(`/admin/circulation?unit=${libraryId}`);
  await deskAction(page, 'Cho mượn', { 'Số thẻ bạn đọc': card, 'Mã vạch bản sách': 'TV000005' }, 'Cho mượn');
  await expect(page.getByRole('alert')).toContainText('Bạn đọc này đang mượn bản sách “TV000005” rồi');
  await context.close();
});

test('the public page of a mobile-library route opens again with no network once visited', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto('/places');
  await page.getByRole('link', { name: /Xe thư viện lưu động số 1/ }).click();
  const next = page.getByRole('heading', { level: 2, name: 'Các điểm dừng sắp tới' });
  await expect(next).toBeVisible();
  const stops = await page.locator('.stop-list li').allTextContents();
  expect(stops.length).toBeGreaterThan(0);
  // The one inline line registered the worker and kept the page.
  await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true');
  await context.setOffline(true);
  await page.reload();
  await expect(next).toBeVisible();
  await expect(page.locator('.stop-list li')).toHaveText(stops);
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath('route-offline-360.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('route-offline-desktop.png'), fullPage: true });
  await context.close();
});
