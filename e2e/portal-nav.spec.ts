// Issue 19, items 1 and 7: on a 360 px phone, with and without JavaScript, a citizen reaches every public
// service from the header menu (a <details> that opens without JavaScript) and the footer; every link in the
// header, the footer and the home page's cards answers 200 (no dead entry points); axe 0 on every page.
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };

const MENU = [
  { name: 'Tra cứu tài liệu', url: /\/search$/ },
  { name: 'Triển lãm', url: /\/exhibitions$/ },
  { name: 'Điểm phục vụ, thư viện lưu động', url: /\/places$/ },
  { name: 'Sự kiện, lớp học', url: /\/events$/ },
  { name: 'Lịch sự kiện', url: /\/events\/calendar$/ },
];

async function hrefsIn(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

for (const javaScript of [true, false]) {
  test.describe(`site menu and footer, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: javaScript });
    const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;

    test('the header menu opens on a phone and reaches every service in one tap', async ({ page }) => {
      test.setTimeout(180_000);
      for (const item of MENU) {
        await page.goto('/');
        const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
        // Closed on a phone: the links are hidden until the menu opens.
        await expect(nav.getByRole('link', { name: item.name })).toBeHidden();
        await nav.getByText('Danh mục').click();
        await nav.getByRole('link', { name: item.name }).click();
        await expect(page).toHaveURL(item.url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoHorizontalOverflow(page);
        await checkA11y(page);
      }
    });

    test('the footer links to the services and to contact, accessibility and privacy pages', async ({
      page,
    }) => {
      await page.goto('/');
      const footer = page.getByRole('navigation', { name: 'Liên kết cuối trang' });
      for (const [name, heading] of [
        ['Liên hệ', 'Liên hệ'],
        ['Tuyên bố hỗ trợ tiếp cận', 'Tuyên bố hỗ trợ tiếp cận'],
        ['Thông báo xử lý dữ liệu cá nhân', 'Thông báo xử lý dữ liệu cá nhân'],
      ] as const) {
        await page.goto('/');
        await footer.getByRole('link', { name }).click();
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await checkA11y(page);
      }
      // The same pages in English, with English text.
      await page.goto('/en/privacy');
      await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
      await expect(page.getByText('91/2025/QH15')).toBeVisible();
      await checkA11y(page);
    });
  });
}

test('no dead entry points: every header, footer and home-card link answers 200, in both languages', async ({
  page,
  request,
}) => {
  for (const home of ['/', '/en']) {
    await page.goto(home);
    const hrefs = new Set([
      ...(await hrefsIn(page, 'header a')),
      ...(await hrefsIn(page, 'footer a')),
      ...(await hrefsIn(page, '.card-grid a')),
    ]);
    expect(hrefs.size).toBeGreaterThan(8);
    for (const href of hrefs) {
      const res = await request.get(href);
      expect(res.status(), `${href} from ${home}`).toBe(200);
    }
    // Each of the service cards links somewhere; the learning record's card leads a visitor to sign-up.
    const cards = page.locator('.card-grid > li');
    await expect(cards).toHaveCount(4);
    for (const i of [0, 1, 2, 3]) await expect(cards.nth(i).getByRole('link').first()).toBeVisible();
    await expect(cards.nth(3).getByRole('link').first()).toHaveAttribute(
      'href',
      home === '/' ? '/join' : '/en/join',
    );
  }
});

test('on a wide screen the menu is a row of links without opening anything', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByText('Danh mục')).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Sự kiện, lớp học' })).toBeVisible();
  await nav.getByRole('link', { name: 'Sự kiện, lớp học' }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(nav.getByRole('link', { name: 'Sự kiện, lớp học' })).toHaveAttribute('aria-current', 'page');
});
