// News in the sitemap (issue 18): the index lists /sitemaps/news-1.xml with the latest change, and that file
// lists exactly the published articles with their lastmod — never a draft, an article in review, a scheduled
// one or a withdrawn one — and every URL it lists opens.
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { TEST_ORIGIN } from '../../test/test-config.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import type { ArticleInput } from './news.schemas.server.ts';
import { createArticle, stepArticle } from './news.usecases.server.ts';

/** <url> entries of a sitemap file, read by a real XML parser. */
function urls(xml: string): Array<{ loc: string; lastmod: string }> {
  const parser = new SaxesParser({ xmlns: true });
  const out: Array<{ loc: string; lastmod: string }> = [];
  let current = '';
  parser.on('opentag', (t) => {
    current = t.local;
    if (t.local === 'url' || t.local === 'sitemap') out.push({ loc: '', lastmod: '' });
  });
  parser.on('text', (text) => {
    const last = out.at(-1);
    if (last && (current === 'loc' || current === 'lastmod')) last[current] += text.trim();
  });
  parser.write(xml).close();
  return out;
}

describe('news articles in the sitemap', () => {
  let ctx: TestContext;
  let manager: Actor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    const input = (title: string): ArticleInput => ({
      unitId: library,
      title,
      summary: 'Tóm tắt.',
      bodyHtml: '<p>Nội dung.</p>',
      category: 'news',
      tags: [],
      campaignId: null,
      eventIds: [],
      planInstanceIds: [],
    });
    for (const k of ['published', 'draft', 'review', 'scheduled', 'withdrawn'])
      ids[k] = await createArticle(ctx.deps, manager, input(`Bài ${k}`));
    await stepArticle(ctx.deps, manager, ids.published as string, { step: 'publish', version: 1 });
    await stepArticle(ctx.deps, manager, ids.review as string, { step: 'submit', version: 1 });
    const later = new Date(Date.now() + 86_400_000).toISOString();
    await stepArticle(ctx.deps, manager, ids.scheduled as string, {
      step: 'schedule',
      version: 1,
      publishAt: later,
    });
    await stepArticle(ctx.deps, manager, ids.withdrawn as string, { step: 'publish', version: 1 });
    await stepArticle(ctx.deps, manager, ids.withdrawn as string, { step: 'withdraw', version: 2 });
  }, 180_000);
  afterAll(() => ctx?.close());

  it('lists exactly the published articles, with lastmod, and each opens', async () => {
    const index = urls(await (await ctx.request('/sitemap.xml')).text());
    const entry = index.find((e) => e.loc === `${TEST_ORIGIN}/sitemaps/news-1.xml`);
    expect(entry?.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const res = await ctx.request('/sitemaps/news-1.xml');
    expect(res.status).toBe(200);
    const listed = urls(await res.text());
    expect(listed.map((u) => u.loc)).toEqual([`${TEST_ORIGIN}/news/${ids.published}`]);
    const [row] = await ctx.dbh.query<{ updated_at: Date }>(
      'SELECT updated_at FROM news_articles WHERE id = $1',
      [ids.published],
    );
    const expected = new Date(row?.updated_at as Date);
    expected.setUTCMilliseconds(0);
    expect(listed[0]?.lastmod).toBe(expected.toISOString().replace('.000Z', 'Z'));
    expect((await ctx.request(`/news/${ids.published}`)).status).toBe(200);
    // What the sitemap leaves out is indeed not public.
    expect((await ctx.request(`/news/${ids.draft}`)).status).toBe(404);
  });
});
