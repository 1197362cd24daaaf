// Issue 19, items 10 and 11, on a 360 px phone with and without JavaScript: the plan budget shows approved and
// spent amounts without sideways scrolling (its tables become cards); the timeline's chart reaches every year of
// the plan (2023–2030) and its scroll box takes the keyboard; the admin menu is folded; an event's back-office
// page and an overdue instance pass axe, the instance says "Quá hạn". axe 0 on every page visited.
import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
  signInOnPhone,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };

for (const javaScript of [true, false]) {
  test.describe(`plan tables on a phone, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;

    test('budget cards show approved and spent; the admin menu is folded', async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await signInOnPhone(browser, 'khtc@demo.suotdoi.vn', javaScript);
      await page.goto('/admin/plan/budget');
      // The admin menu is a closed <details>: its links are hidden until "Điều hướng quản trị" is opened.
      await expect(page.locator('details.admin-menu')).not.toHaveAttribute('open');
      await expect(page.locator('.admin-menu ul')).toBeHidden();
      const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(h1?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(PHONE.height / 2);

      const byUnit = page.getByRole('table', { name: /theo đơn vị/i });
      const card = byUnit.getByRole('row').nth(1);
      for (const label of ['Được duyệt', 'Đã chi']) {
        const cell = card.locator(`td[data-label="${label}"]`);
        await expect(cell).toBeVisible();
        const box = await cell.boundingBox();
        // Inside the screen: nothing to scroll sideways to.
        expect((box?.x ?? 0) + (box?.width ?? PHONE.width + 1)).toBeLessThanOrEqual(PHONE.width);
      }
      const lines = page.getByRole('table', { name: /Các dòng dự toán/ });
      const firstLine = lines.getByRole('row').nth(1);
      await expect(firstLine.locator('td[data-label="Đã chi"]')).toBeVisible();
      const spent = await firstLine.locator('td[data-label="Đã chi"]').boundingBox();
      expect((spent?.x ?? 0) + (spent?.width ?? PHONE.width + 1)).toBeLessThanOrEqual(PHONE.width);
      await expectNoHorizontalOverflow(page);
      await checkA11y(page);
    });

    test('the timeline reaches 2030 by keyboard; event and overdue instance pages pass axe', async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      const page = await signInOnPhone(browser, 'qlvhgd@demo.suotdoi.vn', javaScript);
      await page.goto('/admin/plan/timeline');
      const box = page.locator('section.timeline-scroll');
      await expect(box).toHaveAttribute('tabindex', '0');
      // Every year of the plan is drawn.
      for (const year of ['2023', '2025', '2026', '2030']) {
        await expect(box.locator('svg text', { hasText: new RegExp(`^${year}$`) }).first()).toBeAttached();
      }
      const year2030 = box.locator('svg text', { hasText: /^2030$/ }).first();
      await expect.poll(async () => ((await year2030.boundingBox())?.x ?? 0) > PHONE.width).toBe(true);
      // Keyboard: the box takes the focus and the arrow keys scroll it until 2030 is on screen.
      await box.focus();
      await expect(box).toBeFocused();
      for (let i = 0; i < 60; i++) {
        const x = (await year2030.boundingBox())?.x ?? 0;
        if (x + 30 <= PHONE.width) break;
        await page.keyboard.press('ArrowRight');
      }
      const seen = await year2030.boundingBox();
      expect((seen?.x ?? PHONE.width) + (seen?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      await expect(page.locator('#timeline-table')).toHaveAttribute('tabindex', '0');
      await expectNoHorizontalOverflow(page);
      await checkA11y(page);

      // An overdue instance says so on its own page.
      await page.goto('/admin/plan/tasks?overdue=1');
      await checkA11y(page);
      await expect(page.locator('main .tag-danger').first()).toContainText('Quá hạn');
      await page
        .locator('main table tbody tr', { has: page.locator('.tag-danger') })
        .first()
        .locator('th a')
        .click();
      const late = page.locator('main table tbody tr', {
        has: page.locator('.tag-danger', { hasText: 'Quá hạn' }),
      });
      await expect(late.first()).toBeVisible();
      await checkA11y(page);
      await late.first().locator('th a').click();
      await expect(page).toHaveURL(/\/admin\/plan\/instances\//);
      await expect(page.locator('main dd .tag-danger')).toHaveText('Quá hạn');
      await checkA11y(page);

      const admin = await signInOnPhone(browser, 'admin@demo.suotdoi.vn', javaScript);
      await admin.goto('/admin/events');
      await admin.locator('main table a[href^="/admin/events/evt"]').first().click();
      await expect(admin).toHaveURL(/\/admin\/events\/evt/);
      for (const region of await admin.locator('main section.table-wrap').all()) {
        await expect(region).toHaveAttribute('tabindex', '0');
      }
      await expectNoHorizontalOverflow(admin);
      await checkA11y(admin);
    });
  });
}
