// Issue 19, items 2 and 3, on a 360 px phone with and without JavaScript: an empty registration shows every
// problem at once in a focused summary at the top whose links lead to the fields; after fixing them the ticket
// shows the QR on the first screen, the venue, directions and add-to-calendar; registering again with the same
// phone and name shows the same ticket; cancelling asks first. axe 0 on every page visited.
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const EVENT = 'Ngày hội Sách và Văn hóa đọc Việt Nam 2027';

async function openDemoEvent(page: Page) {
  await page.goto('/events?day=2027-04-21');
  await page.getByRole('link', { name: EVENT }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: EVENT })).toBeVisible();
}

for (const javaScript of [true, false]) {
  test.describe(`registration and ticket, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: javaScript });
    const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;

    test('all errors at once at the top, then a ticket with what an attendee needs', async ({ page }) => {
      await openDemoEvent(page);
      await checkA11y(page);
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

      // One submit reports every problem, in a summary that has the focus and is on the first screen.
      const summary = page.getByRole('alert').filter({ hasText: 'Nhập họ và tên.' });
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await expect(summary.getByRole('link')).toHaveText([
        'Nhập họ và tên.',
        'Nhập số điện thoại hoặc email để nhận vé.',
        'Cần đồng ý với điều khoản sử dụng dữ liệu để đăng ký.',
      ]);
      await expectNoHorizontalOverflow(page);
      await checkA11y(page);
      // A link leads to its field.
      await summary.getByRole('link', { name: 'Nhập họ và tên.' }).click();
      await expect(page.getByLabel('Họ và tên')).toBeFocused();

      const name = `Võ Thị Ngọc ${javaScript ? 'A' : 'B'}`;
      const phone = javaScript ? '0905 111 201' : '0905 111 202';
      await page.getByLabel('Họ và tên').fill(name);
      await page.locator('#reg-phone').fill('12345');
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      // The bad phone and the missing consent together; what was typed is kept.
      await expect(page.getByRole('alert').getByRole('link')).toHaveText([
        'Số điện thoại không đúng dạng số Việt Nam (vd. 0905 123 456).',
        'Cần đồng ý với điều khoản sử dụng dữ liệu để đăng ký.',
      ]);
      await expect(page.getByLabel('Họ và tên')).toHaveValue(name);
      await page.locator('#reg-phone').fill(phone);
      await page.getByLabel(/Tôi đồng ý/).check();
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

      await expect(page).toHaveURL(/\/events\/tickets\/.+\?new=1$/);
      const ticketUrl = page.url().split('?')[0] as string;
      // The QR is on the first screen of a phone.
      await expect(page.getByRole('img', { name: /Mã QR của vé/ })).toBeInViewport();
      await expect(page.getByRole('link', { name: 'Chỉ đường' })).toHaveAttribute(
        'href',
        /google\.com\/maps\/dir/,
      );
      await expect(page.getByRole('link', { name: 'Thêm vào lịch (.ics)' })).toHaveAttribute(
        'href',
        /\.ics$/,
      );
      await expectNoHorizontalOverflow(page);
      await checkA11y(page);
      await page.screenshot({ path: `test-results/portal-ticket-${javaScript ? 'js' : 'nojs'}.png` });

      // The same phone and name again: the same ticket, said so.
      await openDemoEvent(page);
      await page.getByLabel('Họ và tên').fill(name.toLowerCase());
      await page.locator('#reg-phone').fill(phone.replace(/\s/g, ''));
      await page.getByLabel(/Tôi đồng ý/).check();
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await expect(page).toHaveURL(`${ticketUrl}?again=1`);
      await expect(page.getByText('Bạn đã đăng ký sự kiện này trước đó.')).toBeVisible();

      // Cancelling asks first; "keep" keeps it.
      await page.getByRole('link', { name: 'Hủy đăng ký' }).click();
      await expect(page.getByRole('heading', { name: /Hủy đăng ký tham gia/ })).toBeVisible();
      await checkA11y(page);
      await page.getByRole('link', { name: 'Không, giữ vé' }).click();
      await expect(page.getByText('Đã xác nhận', { exact: true })).toBeVisible();
      await page.getByRole('link', { name: 'Hủy đăng ký' }).click();
      await page.getByRole('button', { name: 'Có, hủy đăng ký' }).click();
      await expect(page.getByText('Đã hủy đăng ký.', { exact: true })).toBeVisible();
    });
  });
}
