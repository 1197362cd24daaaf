// A citizen on a phone finds the service points near coordinates they type, without JavaScript, opens the
// nearest one and reads its opening hours; then a mobile-library route's next stops. Every page passes axe,
// with and without JavaScript. Demo data (src/modules/places/places.demo-data.ts) is on the server.
import { expect, type Page, test } from '@playwright/test';
import {
  demoAdmin,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

async function nearMeJourney(page: Page, javaScript: boolean) {
  const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;
  await page.goto('/places');
  await expect(page.getByRole('heading', { level: 1, name: 'Điểm phục vụ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trường Sa', exact: true })).toBeVisible();
  await checkA11y(page);
  await expectNoHorizontalOverflow(page);

  // Near the provincial library in Nha Trang, typed with a Vietnamese decimal comma.
  await page.getByLabel('Vĩ độ').fill('12,2430');
  await page.getByLabel('Kinh độ').fill('109,1940');
  await page.getByRole('button', { name: 'Tìm điểm gần tọa độ này' }).click();
  await expect(page).toHaveURL(/lat=12%2C2430/);
  await expect(page.getByRole('heading', { level: 2, name: /gần nhất trước/ })).toBeVisible();
  const first = page.locator('.place-result').first();
  await expect(first.getByRole('link')).toHaveText('Thư viện tỉnh Khánh Hòa');
  await expect(first.locator('.place-distance')).toHaveText(/Cách \d+ m/);
  await checkA11y(page);
  await expectNoHorizontalOverflow(page);

  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thư viện tỉnh Khánh Hòa' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Giờ mở cửa' })).toBeVisible();
  const hours = page.locator('.hours-table');
  await expect(hours.getByRole('row', { name: /Thứ Hai/ })).toContainText('07:30–11:30');
  await expect(hours.getByRole('row', { name: /Chủ nhật/ })).toContainText('07:30–11:30');
  await expect(page.getByText('Hôm nay:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mở trong ứng dụng bản đồ' })).toHaveAttribute('href', /^geo:/);
  await expect(page.getByRole('heading', { level: 2, name: 'Sự kiện sắp diễn ra tại đây' })).toBeVisible();
  await checkA11y(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({
    path: test.info().outputPath(`place-${javaScript ? 'js' : 'nojs'}-360.png`),
    fullPage: true,
  });

  // Near a commune chosen from a list: no coordinates to type, no location permission; a drawn map.
  await page.goto('/places');
  const commune = page.getByLabel('Xã/phường bạn đang ở');
  const option = await commune.locator('option', { hasText: 'Nha Trang' }).first().getAttribute('value');
  await commune.selectOption(option ?? '');
  await page.getByRole('button', { name: 'Tìm điểm phục vụ gần xã/phường này' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /, gần .+ nhất trước/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Sơ đồ vị trí/ })).toBeVisible();
  await checkA11y(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({
    path: test.info().outputPath(`places-commune-${javaScript ? 'js' : 'nojs'}-360.png`),
    fullPage: true,
  });

  await page.goto('/places');
  await page.getByRole('link', { name: /Xe thư viện lưu động số 1/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Các điểm dừng sắp tới' })).toBeVisible();
  await expect(page.getByText(/Đã hủy: Xe bảo dưỡng định kỳ/).first()).toBeVisible();
  await checkA11y(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({
    path: test.info().outputPath(`route-${javaScript ? 'js' : 'nojs'}-360.png`),
    fullPage: true,
  });
}

test.describe('places near me on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('finds places near typed coordinates and reads opening hours', async ({ page }) => {
      await nearMeJourney(page, false);
    });
  });

  test('with JavaScript', async ({ page }) => {
    await nearMeJourney(page, true);
    // The enhancement adds a "use my location" button to the near-me form.
    await page.goto('/places');
    await expect(page.getByRole('button', { name: 'Dùng vị trí hiện tại của tôi' })).toBeVisible();
  });
});

test.describe('places back office without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an administrator opens the places, a place and a route; every page passes axe', async ({ page }) => {
    const { email, password } = demoAdmin();
    await page.goto('/admin/places');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Điểm phục vụ và thư viện lưu động' }),
    ).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole('link', { name: 'Thư viện tỉnh Khánh Hòa' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Giờ mở cửa hằng tuần' })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.goto('/admin/places');
    await page.getByRole('link', { name: /Xe thư viện lưu động số 1/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Lịch 5 tuần tới' })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
  });
});
