// An administrator sets up OAI-PMH harvesting: allow-lists a host, adds a source, queues a run, and reads the
// run list; a citizen finds the MARC export links under search results. JS on and off; axe on every page.
import { expect, type Page, test } from '@playwright/test';
import {
  demoAdmin,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

async function harvestJourney(page: Page, javaScript: boolean) {
  const checkA11y = javaScript ? expectNoAxeViolations : expectNoAxeViolationsWithoutJs;
  const tag = Math.random().toString(36).slice(2, 8);
  const host = `opac-${tag}.example.vn`;
  const { email, password } = demoAdmin();
  await page.goto('/sign-in?next=/admin/catalogue/harvest');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin\/catalogue\/harvest$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thu thập biểu ghi qua OAI-PMH');
  await checkA11y(page);

  // A source whose host is not allowed yet is refused, with the message linked to the field.
  await page.getByLabel('Tên nguồn').fill(`Thư viện bạn ${tag}`);
  await page.getByLabel('Địa chỉ cổng OAI-PMH (base URL)').fill(`https://${host}/oai`);
  await page.getByRole('button', { name: 'Thêm nguồn' }).click();
  await expect(page.getByRole('alert')).toContainText('chưa có trong danh sách được phép');
  await checkA11y(page);

  await page.getByLabel('Tên máy chủ').fill(host);
  await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã thêm máy chủ vào danh sách được phép.');

  await page.getByLabel('Tên nguồn').fill(`Thư viện bạn ${tag}`);
  await page.getByLabel('Địa chỉ cổng OAI-PMH (base URL)').fill(`https://${host}/oai`);
  await page.getByLabel('Định dạng siêu dữ liệu').selectOption('oai_dc');
  await page.getByLabel('Lịch thu thập').selectOption('manual');
  await page.getByRole('button', { name: 'Thêm nguồn' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã thêm nguồn thu thập.');
  await page.getByRole('button', { name: `Thu thập ngay: Thư viện bạn ${tag}` }).click();
  await expect(page.getByRole('status')).toContainText('Đã xếp lịch thu thập');
  await expect(
    page.getByRole('heading', { level: 3, name: new RegExp(`Thư viện bạn ${tag}`) }),
  ).toBeVisible();
  await checkA11y(page);

  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
}

test.describe('OAI-PMH harvesting', () => {
  // Three pages, each checked by axe (twice without JavaScript): more than the default minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });
  test('with JavaScript', async ({ page }) => {
    await harvestJourney(page, true);
  });
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('without JavaScript', async ({ page }) => {
      await harvestJourney(page, false);
    });
  });
  test('search results link to the MARC export', async ({ page }) => {
    await page.goto('/search?q=khanh+hoa');
    const link = page.getByRole('link', { name: 'ISO 2709 (.mrc)' });
    await expect(link).toHaveAttribute('href', '/api/v1/catalogue/export?q=khanh+hoa&format=iso2709');
    const res = await page.request.get('/api/v1/catalogue/export?q=khanh+hoa&format=marcxml');
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('<collection xmlns="http://www.loc.gov/MARC21/slim">');
    const oai = await page.request.get('/oai?verb=Identify');
    expect(await oai.text()).toContain('<deletedRecord>persistent</deletedRecord>');
  });
});
