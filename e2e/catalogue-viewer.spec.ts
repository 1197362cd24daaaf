// The deep-zoom viewer (issue 18): from a museum object's record page a visitor on a phone opens the image
// viewer; with JavaScript the image becomes a zoomable view whose tiles all come from our own IIIF Image API
// service (no request leaves this origin), usable with the keyboard and labelled for screen readers; without
// JavaScript the same page shows the image at a readable size with links to the full-size image and the
// manifest. The record page itself still loads no script. axe 0 violations at 360 px both ways.
import { expect, type Request, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

test.use({ viewport: { width: 360, height: 740 } });

const TILE = /\/iiif\/image\/[\w-]+\/[^/]+\/[^/]+\/0\/default\.(jpg|png|webp)$/;

async function openRecord(page: import('@playwright/test').Page) {
  await page.goto('/search?q=tram+huong');
  await page.getByRole('link', { name: 'Trầm hương Khánh Hòa', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trầm hương Khánh Hòa' })).toBeVisible();
}

test('the viewer zooms into tiles served by our own IIIF image service, by keyboard and buttons', async ({
  page,
  baseURL,
}) => {
  const requests: Request[] = [];
  const tiles: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('response', (r) => {
    if (
      TILE.test(new URL(r.url()).pathname) &&
      r.status() === 200 &&
      /^image\//.test(r.headers()['content-type'] ?? '')
    )
      tiles.push(r.url());
  });
  await openRecord(page);
  // The record page runs no script: the viewer's scripts load only on the viewer page.
  expect(await page.locator('script[src]').count()).toBe(0);
  // The machine link to the manifest stays, labelled as such.
  const manifest = page.getByRole('link', { name: /manifest IIIF/ });
  expect((await page.request.get((await manifest.getAttribute('href')) ?? '')).status()).toBe(200);

  await page.getByRole('link', { name: 'Xem ảnh phóng to' }).click();
  await expect(page).toHaveURL(/\/records\/[\w-]+\/images\/[\w-]+$/);
  const view = page.getByRole('application', { name: /Ảnh phóng to được: Khối trầm hương/ });
  await expect(view).toBeVisible();
  await expect(view).toHaveAttribute('aria-describedby', 'deep-zoom-help');
  // Tiles arrive from /iiif/image/… (200, images) and the plain image gives way to the zoomable view.
  await expect.poll(() => tiles.length, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.locator('figure.deep-zoom img')).toBeHidden();
  await expectNoHorizontalOverflow(page);
  await expectNoAxeViolations(page);

  // Zoom in with the button and with the keyboard: more (smaller-region) tiles are requested.
  const before = tiles.length;
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await view.focus();
  await expect(view).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => tiles.length, { timeout: 30_000 }).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Toàn ảnh' }).click();
  await expectNoAxeViolations(page);

  // Nothing was asked of another origin: scripts, info.json and tiles are all ours (no CDN).
  const origin = new URL(baseURL as string).origin;
  const foreign = requests
    .map((r) => r.url())
    .filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  const scripts = requests.filter((r) => r.resourceType() === 'script').map((r) => new URL(r.url()).pathname);
  expect(scripts).toEqual(
    expect.arrayContaining([expect.stringMatching(/openseadragon/), expect.stringMatching(/deep-zoom/)]),
  );
  expect(requests.some((r) => new URL(r.url()).pathname.endsWith('/info.json'))).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the viewer page shows the image at a readable size with links to full size and the manifest', async ({
    page,
  }) => {
    await openRecord(page);
    await page.getByRole('link', { name: 'Xem ảnh phóng to' }).click();
    const image = page.getByRole('img', { name: 'Khối trầm hương màu nâu sẫm với các vân dầu đen' });
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    // Readable: it fills the phone's width.
    expect((await image.boundingBox())?.width ?? 0).toBeGreaterThan(300);
    const full = page.getByRole('link', { name: /Ảnh cỡ đầy đủ/ });
    const fullRes = await page.request.get((await full.getAttribute('href')) ?? '');
    expect(fullRes.status()).toBe(200);
    expect(fullRes.headers()['content-type']).toMatch(/^image\//);
    const manifest = page.getByRole('link', { name: /manifest IIIF/ });
    expect((await (await page.request.get((await manifest.getAttribute('href')) ?? '')).json()).type).toBe(
      'Manifest',
    );
    await page.getByRole('link', { name: '← Trang biểu ghi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trầm hương Khánh Hòa' })).toBeVisible();
    await page.goBack();
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolationsWithoutJs(page);
  });
});
