// A staff member signs in with the demo administrator account, walks the back office and signs out, with and
// without JavaScript; every page passes axe. The password is the one the server printed on first start.
import { expect, type Page, test } from '@playwright/test';
import {
  demoAdmin,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

async function staffJourney(page: Page, javaScript: boolean) {
  const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;
  const { email, password } = demoAdmin();

  // An anonymous visitor asking for the back office is sent to sign-in, and back after it.
  await page.goto('/admin/plan/tasks');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await checkA11y(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/plan\/tasks/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(page);

  for (const path of ['/admin', '/admin/users', '/admin/audit', '/en/admin/plan/tasks']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkA11y(page);
  }

  await page.goto('/');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();
  const res = await page.goto('/admin');
  expect(page.url()).toMatch(/\/sign-in\?next=/);
  expect(res?.status()).toBe(200);
}

test.describe('staff sign-in and back office', () => {
  test('with JavaScript', async ({ page }) => {
    await staffJourney(page, true);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('without JavaScript', async ({ page }) => {
      await staffJourney(page, false);
    });
  });

  test.describe('on a 320px wide phone', () => {
    test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    test('the back office does not overflow sideways', async ({ page }) => {
      const { email, password } = demoAdmin();
      await page.goto('/sign-in?next=/admin/plan/tasks');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page).toHaveURL(/\/admin\/plan\/tasks/);
      for (const path of ['/admin', '/admin/plan/tasks', '/admin/users']) {
        await page.goto(path);
        await expectNoHorizontalOverflow(page);
      }
    });
  });
});
