// Roles in the back office: a library staff member sees only the library's plan tasks, and an administrator
// grants a role through the no-JavaScript forms, which the audit log then shows. axe checks every page.
import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from './fixtures.ts';

/** Every demo account shares the one-time password the server printed on first start. */

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/\//g, '\\/')));
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a library staff member sees only the tasks of the library', async ({ page }) => {
    await signIn(page, 'thuvien.nhanvien@demo.suotdoi.vn', '/admin/plan/tasks');
    const table = page.getByRole('table');
    // Phụ lục I, II.1: led by Phòng QLVH&GĐ and Thư viện tỉnh.
    await expect(table).toContainText('cho người sử dụng thư viện');
    // Phụ lục I, II.2 (museum) and II.3 (Phòng QLVH&GĐ alone) are not the library's.
    await expect(table).not.toContainText('Chương trình Giáo dục di sản trong bảo tàng');
    await expect(table).not.toContainText('chương trình mục tiêu quốc gia xây dựng nông thôn mới');
    await expectNoAxeViolationsWithoutJs(page);

    // No user administration for unit staff: not in the menu, and refused when typed in.
    await expect(page.getByRole('navigation', { name: 'Điều hướng quản trị' })).not.toContainText(
      'Người dùng',
    );
    const res = await page.goto('/admin/users');
    expect(res?.status()).toBe(403);
  });
});

test('an administrator grants a role, and the audit log records it', async ({ page }) => {
  await signIn(page, 'admin@demo.suotdoi.vn', '/admin/users');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Lê Thị Hoa (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lê Thị Hoa');
  await expectNoAxeViolations(page);

  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Thủ trưởng đơn vị' });
  const museum = await page.locator('#grant-unit option', { hasText: 'Bảo tàng tỉnh' }).getAttribute('value');
  await page.getByLabel('Tại đơn vị', { exact: true }).selectOption(museum ?? '');
  await page.getByRole('button', { name: 'Cấp vai trò' }).click();
  await expect(page.getByText('Đã cấp vai trò.')).toBeVisible();
  const grants = page.getByRole('table');
  await expect(grants.getByRole('row').filter({ hasText: 'Thủ trưởng đơn vị' })).toContainText(
    'Bảo tàng tỉnh',
  );
  await expectNoAxeViolations(page);

  await page.goto('/admin/audit?action=access.grant.create');
  await expect(page.getByRole('table')).toContainText('admin@demo.suotdoi.vn');
  // The action in words, under its module, with the code kept for filtering.
  await expect(page.getByRole('table')).toContainText('Phân quyền');
  await expect(page.getByRole('table')).toContainText('Cấp quyền');
  await expectNoAxeViolations(page);
});
