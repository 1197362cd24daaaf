// Issue 19, done-when: the number of taps from the home page to each citizen task, counted on the real pages
// on a 360 px phone without JavaScript (docs/portal.md quotes these numbers). Typing is not a tap; choosing
// from a list is not counted either; every link or button pressed is. axe 0 on each task's last page.
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolationsWithoutJs } from './fixtures.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });

/** Counts taps: each call presses one link or button. */
function tapper(page: Page) {
  let taps = 0;
  return {
    tap: async (target: ReturnType<Page['locator']>) => {
      taps += 1;
      await target.click();
    },
    count: () => taps,
  };
}

test('taps from home to each citizen task', async ({ page }) => {
  test.setTimeout(180_000);
  const main = page.getByRole('main');
  const counted: Record<string, number> = {};

  // Search the catalogue: type in the home search box, one tap.
  await page.goto('/');
  let t = tapper(page);
  await page.locator('#home-q').fill('lịch sử');
  await t.tap(main.getByRole('button', { name: 'Tìm', exact: true }));
  await expect(page).toHaveURL(/\/search\?q=/);
  counted.search = t.count();

  // Register for an event and get the ticket: card → event → submit.
  await page.goto('/');
  t = tapper(page);
  await t.tap(main.getByRole('link', { name: 'Sự kiện và lớp học' }));
  await t.tap(main.getByRole('link', { name: 'Ngày hội Sách và Văn hóa đọc Việt Nam 2027' }).first());
  await page.getByLabel('Họ và tên').fill('Lê Văn Đếm');
  await page.getByLabel('Email', { exact: true }).fill(`clicks-${Date.now()}@example.vn`);
  await page.getByLabel(/Tôi đồng ý/).check();
  counted.registrationBeforeSubmit = t.count();
  await t.tap(main.getByRole('button', { name: 'Đăng ký', exact: true }));
  await expect(page).toHaveURL(/\/events\/tickets\//);
  await expect(main.locator('.ticket-qr')).toBeVisible();
  counted.ticket = t.count();
  await expectNoAxeViolationsWithoutJs(page);

  // Places near me: card → choose the commune → one button.
  await page.goto('/');
  t = tapper(page);
  await t.tap(main.getByRole('link', { name: 'Điểm phục vụ gần bạn' }));
  const commune = page.getByLabel('Xã/phường bạn đang ở');
  const first = await commune.locator('option').nth(1).getAttribute('value');
  await commune.selectOption(first ?? '');
  await t.tap(main.getByRole('button', { name: 'Tìm điểm phục vụ gần xã/phường này' }));
  await expect(page).toHaveURL(/near=/);
  counted.placesNearMe = t.count();
  await expectNoAxeViolationsWithoutJs(page);

  // A mobile-library stop: card → a route → its next stops.
  await page.goto('/');
  t = tapper(page);
  await t.tap(main.getByRole('link', { name: 'Điểm phục vụ gần bạn' }));
  await t.tap(main.locator('a[href^="/places/mobile-routes/"]').first());
  await expect(page).toHaveURL(/\/places\/mobile-routes\//);
  counted.mobileLibraryStop = t.count();
  await expectNoAxeViolationsWithoutJs(page);

  // Exhibitions: the catalogue card's second link.
  await page.goto('/');
  t = tapper(page);
  await t.tap(main.getByRole('link', { name: 'Xem các triển lãm ảo' }));
  await expect(page).toHaveURL(/\/exhibitions/);
  counted.exhibitions = t.count();

  // Sign-up: the learning-record card opens the sign-up page for a visitor.
  await page.goto('/');
  t = tapper(page);
  await t.tap(main.getByRole('link', { name: 'Hồ sơ học tập của bạn' }));
  await expect(page).toHaveURL(/\/join/);
  counted.signUpPage = t.count();
  await expectNoAxeViolationsWithoutJs(page);

  test.info().annotations.push({ type: 'taps', description: JSON.stringify(counted) });
  console.log(`taps from home: ${JSON.stringify(counted)}`);
  expect(counted).toEqual({
    search: 1,
    registrationBeforeSubmit: 2,
    ticket: 3,
    placesNearMe: 2,
    mobileLibraryStop: 2,
    exhibitions: 1,
    signUpPage: 1,
  });
});
