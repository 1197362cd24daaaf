// Issue 19, items 8 and 9, on a 360 px phone with and without JavaScript: "My work" opens on what needs the
// person now (their two assigned parts on the first screens, as cards), the rest paged; the dashboard shows
// each role its panels (staff: my work and unit progress; focal point: units behind schedule; administrator:
// background jobs). axe 0 on every page visited.
import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
  signInOnPhone,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const STAFF = 'thuvien.nhanvien@demo.suotdoi.vn';
const OFFICER = 'qlvhgd@demo.suotdoi.vn';
const ADMIN = 'admin@demo.suotdoi.vn';

for (const javaScript of [true, false]) {
  test.describe(`back office on a phone, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;

    test('My work opens on the parts assigned to me, as cards, and pages the rest', async ({ browser }) => {
      const page = await signInOnPhone(browser, STAFF, javaScript);
      await page.goto('/admin/plan/my-work');
      const assigned = page.getByRole('region', { name: /^Giao cho tôi/ });
      await expect(assigned.getByRole('heading', { level: 2 })).toHaveText('Giao cho tôi (2)');
      // The admin menu is folded away: my first assignment is within the first two screens.
      const first = assigned.getByRole('rowheader').first();
      const box = await first.boundingBox();
      expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(2 * PHONE.height);
      // A card, not a table row squeezed to one word per line: the cell takes the card's width.
      expect(box?.width ?? 0).toBeGreaterThan(250);
      await expectNoHorizontalOverflow(page);
      await checkA11y(page);
      const rest = page.getByRole('region', { name: /^Các phần việc khác/ });
      if (await rest.getByRole('navigation').count()) {
        await rest.getByRole('link', { name: 'Trang sau' }).click();
        await expect(page.getByText(/Trang 2\//)).toBeVisible();
        await checkA11y(page);
      }
    });

    test('the dashboard shows staff their work and unit, the focal point late units, the admin the jobs', async ({
      browser,
    }) => {
      const staff = await signInOnPhone(browser, STAFF, javaScript);
      await staff.goto('/admin');
      await expect(staff.getByRole('heading', { level: 2, name: 'Việc của tôi' })).toBeVisible();
      await expect(staff.getByRole('link', { name: /2 Giao cho tôi/ })).toBeVisible();
      await expect(
        staff.getByRole('heading', { level: 2, name: /^Tiến độ của đơn vị năm \d{4}$/ }),
      ).toBeVisible();
      await expect(staff.getByRole('heading', { name: /Tác vụ nền/ })).toHaveCount(0);
      await expectNoHorizontalOverflow(staff);
      await checkA11y(staff);

      const officer = await signInOnPhone(browser, OFFICER, javaScript);
      await officer.goto('/admin');
      await expect(officer.getByRole('heading', { level: 2, name: /^Đơn vị chậm tiến độ/ })).toBeVisible();
      await checkA11y(officer);

      const admin = await signInOnPhone(browser, ADMIN, javaScript);
      await admin.goto('/admin');
      await expect(admin.getByRole('heading', { level: 2, name: 'Tác vụ nền cần chú ý' })).toBeVisible();
      await expect(admin.getByRole('heading', { level: 2, name: 'Sự kiện tuần này' })).toBeVisible();
      await checkA11y(admin);
    });
  });
}
