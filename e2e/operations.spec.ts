// Operations journey (issue 16), news: the press office (Văn phòng Sở) drafts an article linked to an event on a
// phone-sized screen, publishes it, and a citizen without JavaScript finds it in the public list, on its page
// and in the RSS feed. Every page passes axe; screenshots of each page go to test-results/operations/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const TITLE = `Khai mạc Tuần lễ hưởng ứng học tập suốt đời — ${Date.now().toString(36)}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/operations/${name}.png`, fullPage: true });
}

test.use({ viewport: PHONE });

test('the press office drafts and publishes an article linked to an event; it is listed and in the RSS feed', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/news');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/news/);
  await expectNoAxeViolations(page);
  await shot(page, 'admin-list');

  await page.goto('/admin/news/new');
  await expectNoAxeViolations(page);
  // Saving with nothing filled in lists every problem at the top.
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy chọn đơn vị');
  await expectNoAxeViolations(page);
  const unit = page.getByLabel('Đơn vị');
  const office = await unit.locator('option', { hasText: 'Văn phòng Sở' }).first().getAttribute('value');
  await unit.selectOption(office ?? '');
  await page.getByLabel('Tiêu đề').fill(TITLE);
  await page.getByLabel('Tóm tắt').fill('Sở phát động Tuần lễ với chuỗi hoạt động đọc sách và tọa đàm.');
  await page
    .getByLabel('Nội dung')
    .fill('<p>Tuần lễ diễn ra tại các <strong>thư viện</strong>.</p><script>alert(1)</script>');
  await page.getByLabel('Chuyên mục').selectOption('event_report');
  await page.getByLabel('Thẻ').fill('tuần lễ, học tập suốt đời');
  const events = page.getByLabel('Sự kiện liên kết');
  const eventTitle = ((await events.locator('option').first().textContent()) ?? '').trim();
  await events.selectOption({ index: 0 });
  await shot(page, 'admin-new');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page).toHaveURL(/\/admin\/news\/art_[a-z2-9]{16}\?done=created/);
  const articleId = /art_[a-z2-9]{16}/.exec(page.url())?.[0] as string;
  await expect(page.getByRole('status')).toContainText('Đã lưu bản nháp');
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await shot(page, 'admin-edit');

  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByRole('status')).toContainText('Đã gửi duyệt');
  await page.getByRole('button', { name: 'Đăng ngay' }).click();
  await expect(page.getByRole('status')).toContainText('Đã đăng tin bài');
  await expect(page.getByText('Đã đăng', { exact: true })).toBeVisible();

  // A campaign for the theme and a media product with its reach.
  await page.goto('/admin/news/campaigns');
  await expectNoAxeViolations(page);
  const campaignForm = page.locator('form', { has: page.getByRole('button', { name: 'Tạo chiến dịch' }) });
  await campaignForm.getByLabel('Đơn vị').selectOption(office ?? '');
  await campaignForm.getByLabel('Tiêu đề').fill(`Tuần lễ 2026 — ${articleId}`);
  await campaignForm.getByLabel('Ngày bắt đầu').fill('2026-10-01');
  await campaignForm.getByLabel('Ngày kết thúc').fill('2026-10-07');
  await campaignForm.getByRole('button', { name: 'Tạo chiến dịch' }).click();
  await expect(page.getByRole('status')).toContainText('Đã tạo chiến dịch');
  const mediaForm = page.locator('form', { has: page.getByRole('button', { name: 'Lưu sản phẩm' }) });
  await mediaForm.getByLabel('Đơn vị').selectOption(office ?? '');
  await mediaForm.getByLabel('Loại').selectOption('online_talk');
  await mediaForm.getByLabel('Tiêu đề').fill('Tọa đàm trực tuyến: học tập suốt đời');
  await mediaForm.getByLabel('Ngày phát hành').fill('2026-10-02');
  await mediaForm.getByLabel('Lượt tiếp cận').fill('12.500');
  await mediaForm.getByRole('button', { name: 'Lưu sản phẩm' }).click();
  await expect(page.getByRole('status')).toContainText('Đã ghi nhận sản phẩm truyền thông');
  await expect(page.getByRole('cell', { name: '12500' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await shot(page, 'admin-campaigns');
  await page.getByRole('link', { name: `Tuần lễ 2026 — ${articleId}` }).click();
  await expectNoAxeViolations(page);
  await shot(page, 'public-campaign');

  await page.goto(`/admin/news/${articleId}/image`);
  await expectNoAxeViolations(page);
  await shot(page, 'admin-image');

  // A citizen on a phone, JavaScript off.
  const citizen = await (await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })).newPage();
  await citizen.goto('/news');
  await expectNoAxeViolationsWithoutJs(citizen);
  await expectNoHorizontalOverflow(citizen);
  await citizen.getByLabel('Tìm kiếm').fill('tuan le huong ung');
  await citizen.getByRole('button', { name: 'Lọc' }).click();
  await shot(citizen, 'public-list');
  await citizen.getByRole('link', { name: TITLE }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(citizen.getByRole('link', { name: eventTitle })).toBeVisible();
  await expect(citizen.locator('.prose')).not.toContainText('alert');
  await expectNoAxeViolationsWithoutJs(citizen);
  await expectNoHorizontalOverflow(citizen);
  await shot(citizen, 'public-detail');

  const rss = await citizen.request.get('/feeds/news.rss');
  expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
  const xml = await rss.text();
  expect(xml).toContain(`/news/${articleId}</link>`);
  expect(xml).toContain(TITLE);
});

test('an officer files a guidance document for the library; it is searchable and records who read it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/guidance');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/guidance/);
  await page.getByRole('link', { name: 'Thêm văn bản' }).click();
  await expectNoAxeViolations(page);
  const number = `${Date.now() % 100000}/SVHTTDL-VP`;
  await page.getByLabel('Đơn vị lưu văn bản').selectOption({ label: 'Văn phòng Sở' });
  await page.getByLabel('Loại văn bản').selectOption('huong_dan');
  await page.getByLabel('Cơ quan ban hành').fill('Sở Văn hóa, Thể thao và Du lịch');
  await page.getByLabel('Số, ký hiệu').fill(number);
  await page.getByLabel('Ngày ban hành').fill('2026-03-15');
  await page.getByLabel('Trích yếu').fill('Hướng dẫn hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam');
  await page.getByLabel('Thư viện tỉnh', { exact: true }).check();
  await shot(page, 'guidance-new');
  await page.getByRole('button', { name: 'Lưu và thông báo' }).click();
  await expect(page.getByRole('status')).toContainText('Đã lưu văn bản');
  await expect(page.getByText('đã đọc').or(page.getByText('chưa đọc')).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  await shot(page, 'guidance-detail');
  await page.goto('/admin/guidance?q=ngay sach van hoa doc');
  await expect(page.getByRole('cell', { name: number })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'guidance-list');
});
