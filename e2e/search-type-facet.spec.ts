// The catalogue search's type facet counts learning paths and filters to them, on a 360 px phone without
// JavaScript and on a desktop; axe finds nothing. Demo data has the path "Làm quen với thư viện".
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsWithoutJs, expectNoHorizontalOverflow } from './fixtures.ts';

const SHOTS = process.env.SEARCH_SHOTS_DIR;

for (const [name, viewport] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test(`filters the search to learning paths without JavaScript (${name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    await page.goto('/search?q=lam+quen+thu+vien');
    if (name === 'phone') await page.getByText('Lọc', { exact: true }).click();
    const facet = page.getByRole('group', { name: 'Loại tài liệu' });
    await expect(facet.getByRole('checkbox', { name: /Lộ trình học tập/ })).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await expectNoHorizontalOverflow(page);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `search-facet-${name}.png`), fullPage: true });
    await facet.getByRole('checkbox', { name: /Lộ trình học tập/ }).check();
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    await expect(page).toHaveURL(/type=learning_path/);
    await expect(page.getByRole('link', { name: 'Làm quen với thư viện' }).first()).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await expectNoHorizontalOverflow(page);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `search-paths-${name}.png`), fullPage: true });
    await context.close();
  });
}
