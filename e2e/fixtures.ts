// Shared helpers for the browser journeys: accessibility (axe, WCAG 2.1 A/AA) and layout checks, and signing
// in as a demo account.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the current page and fails with a readable list of every violation and the nodes hit. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 10)
      .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
      .join('\n');
    return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
  });
  if (report.length) console.error(`axe violations on ${page.url()}:\n${report.join('\n\n')}`);
  expect(report, `axe found ${report.length} WCAG 2.1 A/AA violation(s) on ${page.url()}`).toEqual([]);
}

/**
 * axe needs JavaScript in the page, so a page opened with `javaScriptEnabled: false` is checked in a twin
 * context: same cookies, same URL, every script file blocked, so the DOM is the server-rendered one a
 * visitor without JavaScript gets (axe itself is injected over the DevTools protocol, not as a file).
 */
export async function expectNoAxeViolationsWithoutJs(page: Page): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('expectNoAxeViolationsWithoutJs needs a page from a launched browser');
  const twin = await browser.newContext({
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
    viewport: page.viewportSize(),
  });
  try {
    await twin.route(/\.(m?js)(\?.*)?$/, (route) => route.abort());
    const copy = await twin.newPage();
    await copy.goto(page.url());
    await expectNoAxeViolations(copy);
  } finally {
    await twin.close();
  }
}

/** Nothing may scroll sideways: the document is no wider than the viewport. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `page ${page.url()} is ${scrollWidth}px wide in a ${innerWidth}px viewport`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** The demo administrator's e-mail and the demo accounts' one-time password, written by the journeys' server at
 * start (e2e/serve.ts). */
export function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

/** The demo accounts' one-time password (see demoAdmin). */
export function demoPassword(): string {
  return demoAdmin().password;
}

/** A 360 px touch phone, signed in as the demo account `email`, with JavaScript on or off. */
export async function signInOnPhone(
  browser: Browser,
  email: string,
  javaScriptEnabled: boolean,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
  });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/**
 * A new browser context without JavaScript, `width` px wide (a 360 px phone unless told), signed in as the demo
 * account `email` through the sign-in form and landed on `next`.
 */
export async function signedInWithoutJs(
  browser: Browser,
  email: string,
  next: string,
  width = 360,
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, '\\$&')));
  return page;
}
