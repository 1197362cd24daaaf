// A citizen on a phone searches the province's catalogue for "khanh hoa" (no diacritics), narrows the results
// to museum objects, opens an object, follows it into the virtual exhibition that features it and reads the
// story section by section — with JavaScript and without. Every page passes axe and nothing scrolls sideways.
// Runs on the demo data (demo catalogue + the demo exhibitions of src/modules/exhibitions/exhibitions.seed.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

async function citizenJourney(page: Page, javaScript: boolean) {
  const checkPage = async () => {
    await expectNoHorizontalOverflow(page);
    await (javaScript ? expectNoAxeViolations(page) : expectNoAxeViolationsWithoutJs(page));
  };

  await page.goto('/search');
  await expect(page.getByRole('heading', { level: 1, name: 'Tìm kiếm tài liệu' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Từ khóa').fill('khanh hoa');
  await page.getByRole('search').getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=khanh\+hoa/);
  await expect(page.locator('.result-count')).toContainText('kết quả');
  await checkPage();

  // On a phone the filters are folded behind "Lọc", above the results (works without JavaScript).
  await page.locator('summary', { hasText: /^Lọc$/ }).click();
  await page.getByRole('checkbox', { name: /Hiện vật bảo tàng/ }).check();
  await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
  await expect(page).toHaveURL(/type=museum_object/);
  // Folded matching: the query had no diacritics, the titles have them.
  await expect(page.getByRole('link', { name: 'Trầm hương Khánh Hòa', exact: true })).toBeVisible();
  for (const type of await page.locator('.result .muted').allTextContents())
    expect(type).toContain('Hiện vật bảo tàng');
  await checkPage();

  await page.getByRole('link', { name: 'Trầm hương Khánh Hòa', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trầm hương Khánh Hòa' })).toBeVisible();
  const image = page.getByRole('img', { name: 'Khối trầm hương màu nâu sẫm với các vân dầu đen' });
  await expect(image).toBeVisible();
  // The derivative really loads (served by /media with its caching headers), not just an <img> tag.
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  await expect(page.locator('meta[name="DC.title"]')).toHaveAttribute('content', 'Trầm hương Khánh Hòa');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld['@type']).toBe('VisualArtwork');
  const manifest = await page.request.get(
    (await page.getByRole('link', { name: /manifest IIIF/ }).getAttribute('href')) ?? '',
  );
  expect(manifest.status()).toBe(200);
  expect((await manifest.json()).type).toBe('Manifest');
  await checkPage();

  await page.getByRole('link', { name: 'Trầm hương và Tháp Bà: di sản xứ Trầm' }).click();
  await expect(page).toHaveURL(/\/exhibitions\/tram-huong-va-thap-ba-ponagar$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Trầm hương và Tháp Bà: di sản xứ Trầm' }),
  ).toBeVisible();
  const eventLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  );
  expect(eventLd['@type']).toBe('ExhibitionEvent');
  await checkPage();

  await page.getByRole('link', { name: 'Bắt đầu xem: Xứ Trầm hương' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Xứ Trầm hương' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Trầm hương Khánh Hòa' })).toBeVisible();
  await checkPage();

  await page.getByRole('link', { name: 'Phần sau: Tháp Bà Ponagar' }).click();
  await expect(page).toHaveURL(/\/exhibitions\/tram-huong-va-thap-ba-ponagar\/2$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Tháp Bà Ponagar' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Mô hình các tháp gạch đỏ của Tháp Bà Ponagar trên đồi cỏ' }),
  ).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'Phần trước: Xứ Trầm hương' }).click();
  await expect(page).toHaveURL(/\/exhibitions\/tram-huong-va-thap-ba-ponagar\/1$/);

  // The same story in English.
  await page.goto('/en/exhibitions/tram-huong-va-thap-ba-ponagar/1');
  await expect(page.getByRole('heading', { level: 2, name: 'The land of agarwood' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Dark brown block of agarwood with black resin veins' }),
  ).toBeVisible();
  await checkPage();
  await page.goto('/exhibitions');
  await expect(page.getByRole('link', { name: 'Alexandre Yersin ở Nha Trang' })).toBeVisible();
  await checkPage();
}

test.describe('citizen: search, museum objects, record, exhibition', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  // Eleven pages, each checked by axe (without JavaScript in a twin context): longer than the default minute.
  test.setTimeout(240_000);

  test('works with JavaScript enabled', async ({ page }) => {
    await citizenJourney(page, true);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('works with JavaScript disabled', async ({ page }) => {
      await citizenJourney(page, false);
    });
  });
});

test.describe('staff: the exhibition editor and record images on a phone, without JavaScript', () => {
  test.use({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  test.setTimeout(240_000);

  test('reorders sections with buttons and reaches the image forms; every page passes axe', async ({
    page,
  }) => {
    const { email, password } = JSON.parse(
      readFileSync(join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json'), 'utf8'),
    ) as { email: string; password: string };
    const checkPage = async () => {
      await expectNoHorizontalOverflow(page);
      await expectNoAxeViolationsWithoutJs(page);
    };
    await page.goto('/admin/exhibitions');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Triển lãm ảo' })).toBeVisible();
    await checkPage();

    await page.getByRole('link', { name: 'Alexandre Yersin ở Nha Trang' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alexandre Yersin ở Nha Trang' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: /^Lên trên\s*: Nha Trang xưa$/ }).click();
    await expect(page.getByRole('status')).toContainText('Đã cập nhật các phần');
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText('1. Nha Trang xưa');
    await page.getByRole('button', { name: /^Xuống dưới\s*: Nha Trang xưa$/ }).click();
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText('1. Nhà khoa học');

    await page.getByRole('link', { name: /^Tải ảnh lên phần này\s*: Nhà khoa học$/ }).click();
    await expect(page.getByLabel('Mô tả thay thế của ảnh (tiếng Việt, bắt buộc)')).toBeVisible();
    await checkPage();

    await page.goto('/search?q=kinh+hien+vi+yersin');
    await page.getByRole('link', { name: 'Kính hiển vi của bác sĩ Alexandre Yersin (bản sao)' }).click();
    await page.getByRole('link', { name: 'Quản lý hình ảnh của biểu ghi' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hình ảnh của');
    await checkPage();
  });
});
