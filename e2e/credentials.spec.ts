// Credentials on a phone: staff define an achievement and award it by hand with a reason; the holder finds it
// on their account page; anyone with the link opens its verification page (valid, issuer, what it certifies)
// and the printable certificate with its QR code. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const NAME = `Bạn đọc nhỏ tuổi ${Date.now().toString(36)}`;
const PHONE = { width: 360, height: 760 };

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function signIn(page: Page, next: string) {
  const { email, password } = demoAdmin();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next));
}

let credentialPath = '';

test.use({ viewport: PHONE });

test.describe
  .serial('credentials', () => {
    test('staff define an achievement and award it by hand with a reason', async ({ page }) => {
      await signIn(page, '/admin/credentials');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chứng nhận và huy hiệu');
      await expectNoAxeViolations(page);
      await page.getByLabel('Tên (tiếng Việt)').fill(NAME);
      await page.getByLabel('Tên (tiếng Anh)').fill('Young reader');
      await page
        .getByLabel('Tiêu chí (tiếng Việt)')
        .fill('Đọc và giới thiệu 10 cuốn sách tại thư viện tỉnh.');
      await page.getByLabel(/Mô tả hình huy hiệu/).fill('Huy hiệu tròn màu xanh có chữ BĐ');
      await page.getByRole('button', { name: 'Tạo chứng nhận' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
      await expect(page.getByRole('status')).toHaveText('Đã tạo chứng nhận.');
      await page.getByLabel('Thư điện tử của người nhận').fill(demoAdmin().email);
      await page.getByLabel('Lý do trao').fill('Hoàn thành thử thách đọc hè 2026');
      await page.getByRole('button', { name: 'Trao chứng nhận' }).click();
      await expect(page.getByRole('status')).toHaveText('Đã trao chứng nhận.');
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      credentialPath = new URL(
        (await page.locator('#awards-h + ul a').first().getAttribute('href')) ?? '',
        page.url(),
      ).pathname;
      expect(credentialPath).toMatch(/^\/credentials\/cred_[a-z2-9]{16}$/);

      await page.goto('/account/credentials');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chứng nhận của tôi');
      await expect(page.getByText(NAME, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: 'test-results/credentials-mine-360.png', fullPage: true });

      // Personal data: the holder's own page (export, requests) and the administrator's queue and inventory.
      await page.goto('/account/privacy');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu cá nhân của tôi');
      await page.getByLabel('Loại yêu cầu').selectOption('access');
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await expect(page.getByRole('status')).toContainText('Trả lời chậm nhất ngày');
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: 'test-results/privacy-account-360.png', fullPage: true });
      await page.goto('/admin/privacy');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu cá nhân');
      await expect(page.getByText('Xem và nhận bản sao dữ liệu').first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: 'test-results/privacy-admin-360.png', fullPage: true });
    });

    test('anyone with the link sees it is valid, who issued it and what it certifies, and prints it', async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(credentialPath);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xác minh chứng nhận');
      await expect(page.getByRole('status')).toContainText('Hợp lệ');
      await expect(page.getByText(NAME).first()).toBeVisible();
      await expect(page.getByText('Thư viện tỉnh').first()).toBeVisible();
      await page.screenshot({ path: 'test-results/credentials-verify-360.png', fullPage: true });
      await expectNoHorizontalOverflow(page);

      const json = await page.request.get(`${credentialPath}/credential.json`);
      expect(json.status()).toBe(200);
      const doc = (await json.json()) as { type: string[]; proof: { cryptosuite: string } };
      expect(doc.type).toContain('OpenBadgeCredential');
      expect(doc.proof.cryptosuite).toBe('eddsa-rdfc-2022');

      await page.getByRole('link', { name: 'Xem và in giấy chứng nhận' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('GIẤY CHỨNG NHẬN');
      await expect(page.getByRole('img', { name: 'Mã QR dẫn tới trang xác minh chứng nhận' })).toBeVisible();
      await page.screenshot({ path: 'test-results/credentials-certificate-360.png', fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.getByText(NAME).first()).toBeVisible();
      await page.emulateMedia({ media: 'screen' });
      await context.close();

      // axe needs JavaScript: the same pages, anonymous, with it.
      const withJs = await browser.newContext({ viewport: PHONE });
      const p2 = await withJs.newPage();
      await p2.goto(credentialPath);
      await expectNoAxeViolations(p2);
      await p2.goto(`${credentialPath}/certificate`);
      await expectNoAxeViolations(p2);
      await withJs.close();
    });
  });
