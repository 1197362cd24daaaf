// The budgeted walk's window read by one grouped range scan of the driver and its next rarest words (issue 17,
// ADR 0007 addendum 6) answers exactly what probing every driver posting for every word answers: same totals,
// estimates, facets and hits — on titles whose words co-occur in every way, with a budget small enough that
// every stratum is cut, and with typo corrections (alternatives are always probed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testActor } from '../../../test/actors.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { createCatalogueRecord } from '../catalogue.usecases.server.ts';
import { createPostgresSearchIndex, type SearchParams } from './search.server.ts';

const WORDS = ['lịch', 'sử', 'văn', 'hóa', 'raglai', 'khánh', 'đất', 'nước', 'tư', 'liệu', 'nghệ', 'thuật'];

describe('catalogue search: merged budget window', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    const units = await ctx.dbh.query<{ id: string; code: string }>('SELECT id, code FROM units');
    const library = units.find((u) => u.code === 'thu-vien-tinh')?.id ?? '';
    const staff = testActor([{ role: 'unit_staff', unitId: library }]);
    let x = 7;
    const next = () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x / 2 ** 32;
    };
    for (let i = 0; i < 90; i++) {
      // Rare words (the first ones) are drawn less often, so drivers and ratios vary between queries.
      const title = Array.from(
        { length: 4 + (i % 4) },
        () => WORDS[Math.floor(next() ** 0.6 * WORDS.length)],
      ).join(' ');
      await createCatalogueRecord(ctx.deps, staff, {
        type: i % 3 === 0 ? 'museum_object' : 'book',
        title,
        creators: [],
        subjects: [],
        unitId: library,
        published: true,
        details: {},
        holdings: [],
        year: 1950 + i,
      } as Parameters<typeof createCatalogueRecord>[2]);
    }
  });
  afterAll(() => ctx.close());

  const params = (q: string): SearchParams => ({ q, filters: {}, sort: 'relevance', page: 1, pageSize: 20 });

  it.each([
    'lịch sử raglai',
    'văn hóa đất nước tư liệu',
    'nghệ thuật khánh hòa lịch sử',
    'raglai tư liệu nghệ thuật đất',
    'lcih sử raglia',
    'đất đất nước hóa',
  ])('answers "%s" as the probing walk does', async (q) => {
    const probing = createPostgresSearchIndex({ walkBudget: 3, mergeRatio: 0 });
    const merging = createPostgresSearchIndex({ walkBudget: 3, mergeRatio: 100 });
    const a = await probing.search(ctx.deps.db, params(q));
    const b = await merging.search(ctx.deps.db, params(q));
    expect(b).toEqual(a);
    const bFiltered = await merging.search(ctx.deps.db, { ...params(q), filters: { types: ['book'] } });
    const aFiltered = await probing.search(ctx.deps.db, { ...params(q), filters: { types: ['book'] } });
    expect(bFiltered).toEqual(aFiltered);
  });

  it('finds matches through the merged window (not only empty answers)', async () => {
    const merging = createPostgresSearchIndex({ walkBudget: 3, mergeRatio: 100 });
    const r = await merging.search(ctx.deps.db, params('văn hóa lịch sử'));
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits[0]?.title).toMatch(/văn|hóa|lịch|sử/i);
  });
});
