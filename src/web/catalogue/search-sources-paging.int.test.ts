// Other modules' records in the site search are paged with it (issue 12 follow-up): page 2 continues each
// source's list where page 1 left off, in the same order, with no hit twice and none lost; the pager runs until
// the longer list ends; the totals (the type facet, the group heading) are the same on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSources } from '../../app/registries.server.ts';
import { createCatalogueRecord } from '../../modules/catalogue/catalogue.usecases.server.ts';
import { publishedPath } from '../../modules/learning/learning.test-helpers.ts';
import { actorOn, unitIdOf } from '../../modules/units/units.test-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let recordId = '';
const pathIds: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  recordId = (
    await createCatalogueRecord(ctx.deps, librarian, {
      type: 'book',
      title: 'Làm quen với sách điện tử',
      creators: [],
      subjects: [],
      unitId: library,
      published: true,
      details: {},
      holdings: [],
    })
  ).id;
  // Seven paths "Làm quen với thư viện": more than the five shown beside the catalogue's results.
  for (let i = 0; i < 7; i++) pathIds.push((await publishedPath(ctx, librarian, library, recordId)).pathId);
}, 180_000);
afterAll(() => ctx.close());

const page = async (query: string) => {
  const res = await ctx.request(`/search?${query}`);
  expect(res.status).toBe(200);
  return (await res.text()).replaceAll('<!-- -->', '');
};
const pathsOn = (html: string) => [...html.matchAll(/href="\/learn\/paths\/([^"/]+)"/g)].map((m) => m[1]);
const facetCount = (html: string) =>
  /name="type" value="learning_path"\/> [^<]* <span class="muted">\((\d+)\)/.exec(html)?.[1];

describe('search sources paged with the site search', () => {
  it('the source answers any slice of one stable order, with the total of all', async () => {
    const source = searchSources.find((s) => s.type === 'learning_path');
    if (!source) throw new Error('learning contributes a search source');
    const all = await source.search(ctx.deps, 'lam quen', { offset: 0, limit: 50 });
    const first = await source.search(ctx.deps, 'lam quen', { offset: 0, limit: 5 });
    const rest = await source.search(ctx.deps, 'lam quen', { offset: 5, limit: 5 });
    expect([first.total, rest.total]).toEqual([7, 7]);
    expect([...first.hits, ...rest.hits].map((h) => h.id)).toEqual(all.hits.map((h) => h.id));
    expect(new Set(all.hits.map((h) => h.id))).toEqual(new Set(pathIds));
    expect(await source.search(ctx.deps, 'lam quen', { offset: 50, limit: 5 })).toEqual({
      total: 7,
      hits: [],
    });
  });

  it('page 2 continues the learning paths of page 1 in order, with the same totals', async () => {
    const one = await page('q=lam+quen');
    const two = await page('q=lam+quen&page=2');
    expect(pathsOn(one)).toHaveLength(5);
    expect(pathsOn(two)).toHaveLength(2);
    expect(new Set([...pathsOn(one), ...pathsOn(two)])).toEqual(new Set(pathIds));
    // The catalogue's one record is on page 1 only; the pager goes on to page 2 for the paths.
    expect(one).toContain(`/records/${recordId}`);
    expect(two).not.toContain(`/records/${recordId}`);
    expect(one).toContain('rel="next"');
    expect(two).toContain('rel="prev"');
    expect(two).not.toContain('rel="next"');
    // Totals: the facet and the group heading say 7 on both pages; page 2's list is numbered from 6.
    expect([facetCount(one), facetCount(two)]).toEqual(['7', '7']);
    expect(two).toContain('<ol class="results" start="6">');
    expect((await page('q=lam+quen&page=3')).match(/\/learn\/paths\//g)).toBeNull();
  });

  it('with learning paths alone, all seven are on one page', async () => {
    const alone = await page('q=lam+quen&type=learning_path');
    expect(pathsOn(alone)).toHaveLength(7);
    expect(alone).not.toContain('rel="next"');
  });
});
