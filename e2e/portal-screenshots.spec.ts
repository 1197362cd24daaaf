// Screenshots of the portal's main pages on a 360 px phone, for the issue-19 note (docs/screenshots/).
// Runs only when SHOTS names the set (`before` or `after`): `SHOTS=after npx playwright test e2e/portal-screenshots`.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { demoPassword } from './fixtures.ts';

const SET = process.env.SHOTS;
const PHONE = { width: 360, height: 740 };

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `docs/screenshots/${SET}-${name}.png`, fullPage: false, scale: 'css' });

test.skip(!SET, 'screenshots only when SHOTS is set');

test('portal screenshots', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await shot(page, 'home');
  await page.goto('/search?q=lich+su');
  await shot(page, 'search');
  await page.goto('/events');
  await shot(page, 'events');
  const first = page.locator('main a[href^="/events/"]').filter({ hasNotText: /lịch/i });
  const href = await first.first().getAttribute('href');
  await page.goto(href ?? '/events');
  await shot(page, 'event');
  await page.goto('/places');
  await shot(page, 'places');
  // A ticket for the demo Book Day festival (open registration, one session).
  await page.goto('/events?day=2027-04-21');
  await page.getByRole('link', { name: 'Ngày hội Sách và Văn hóa đọc Việt Nam 2027' }).first().click();
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Ảnh');
  await page.getByLabel('Email', { exact: true }).fill(`shot-${Date.now()}@example.vn`);
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page).toHaveURL(/tickets/);
  await shot(page, 'ticket');
  const staff = await signedIn(browser, 'thuvien.nhanvien@demo.suotdoi.vn');
  await staff.goto('/admin/plan/my-work');
  await shot(staff, 'my-work');
  await staff.goto('/admin');
  await shot(staff, 'dashboard');
  const finance = await signedIn(browser, 'khtc@demo.suotdoi.vn');
  await finance.goto('/admin/plan/budget');
  await finance.getByRole('table', { name: /theo đơn vị/i }).scrollIntoViewIfNeeded();
  await shot(finance, 'budget');
  await finance.goto('/admin/plan/timeline');
  await finance.locator('section.timeline-scroll').evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await finance.locator('section.timeline-scroll').scrollIntoViewIfNeeded();
  await shot(finance, 'timeline');
});
