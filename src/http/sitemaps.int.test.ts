// The sitemap as a crawler reads it: a sitemap index whose files are well-formed sitemaps.org XML with absolute
// URLs under PUBLIC_URL and W3C lastmod dates, covering records, events, exhibitions, places and mobile-library
// routes of the demo data — and every URL it lists opens.
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../app/seeds.server.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { TEST_ORIGIN } from '../test/test-config.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
}, 180_000);
afterAll(() => ctx.close());

/** Element texts by name, from a real XML parser (throws on malformed XML). */
function parse(xml: string): { root: string; texts: Record<string, string[]> } {
  const parser = new SaxesParser({ xmlns: true });
  let root = '';
  let current = '';
  const texts: Record<string, string[]> = {};
  parser.on('opentag', (t) => {
    if (!root) {
      root = `${t.uri} ${t.local}`;
    }
    current = t.local;
  });
  parser.on('text', (text) => {
    if (!text.trim()) return;
    texts[current] = [...(texts[current] ?? []), text.trim()];
  });
  parser.write(xml).close();
  return { root, texts };
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('the sitemap', () => {
  it('is an index of well-formed sitemaps covering every kind of public page, each URL opening', async () => {
    const index = parse(await (await ctx.request('/sitemap.xml')).text());
    expect(index.root).toBe(`${SITEMAP_NS} sitemapindex`);
    const files = index.texts.loc ?? [];
    for (const name of [
      'pages',
      'records',
      'events',
      'exhibitions',
      'places',
      'mobile-routes',
      'sponsors',
      'honour-roll',
    ])
      expect(files).toContain(`${TEST_ORIGIN}/sitemaps/${name}-1.xml`);
    for (const d of index.texts.lastmod ?? []) expect(d).toMatch(W3C_DATETIME);
    // The thank-you page and the honour roll are listed once, by their modules (with lastmod), not twice.
    const pages = parse(await (await ctx.request('/sitemaps/pages-1.xml')).text()).texts.loc ?? [];
    expect(pages).not.toContain(`${TEST_ORIGIN}/sponsors`);
    const roll = parse(await (await ctx.request('/sitemaps/honour-roll-1.xml')).text());
    expect(roll.texts.loc).toEqual([`${TEST_ORIGIN}/honour-roll`, `${TEST_ORIGIN}/en/honour-roll`]);

    for (const file of files) {
      const res = await ctx.request(file.slice(TEST_ORIGIN.length));
      expect(res.status, file).toBe(200);
      const sitemap = parse(await res.text());
      expect(sitemap.root).toBe(`${SITEMAP_NS} urlset`);
      const locs = sitemap.texts.loc ?? [];
      expect(locs.length).toBeGreaterThan(0);
      expect(locs.length).toBeLessThanOrEqual(50_000);
      for (const d of sitemap.texts.lastmod ?? []) expect(d).toMatch(W3C_DATETIME);
      // The first three URLs of each file open (the pages are server-rendered from the same data).
      for (const loc of locs.slice(0, 3)) {
        expect(loc.startsWith(`${TEST_ORIGIN}/`), loc).toBe(true);
        expect((await ctx.request(loc.slice(TEST_ORIGIN.length))).status, loc).toBe(200);
      }
    }
  }, 120_000);

  it('answers 404 for files that do not exist', async () => {
    for (const path of ['/sitemaps/events-99.xml', '/sitemaps/nothing-1.xml', '/sitemaps/events-0.xml'])
      expect((await ctx.request(path)).status, path).toBe(404);
  });
});
