// Long queries of common words (issue 17, migration 0152): a multi-word query walks its rarest word's postings
// only up to a budget per stratum, and past it finds the query's title (its words adjacent) through the
// title-pair postings. A tiny budget here stands for the 400 postings of a 1M-record catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../catalogue.repository.server.ts';
import { generatedRecord } from '../catalogue.seed.server.ts';
import { createPostgresSearchIndex, type SearchParams } from './search.server.ts';

describe('catalogue search: title pairs behind a budgeted walk', () => {
  let ctx: TestContext;
  let library: string;
  const budgeted = createPostgresSearchIndex({ walkBudget: 2 });
  const unbudgeted = createPostgresSearchIndex({ walkBudget: 0 });
  const params = (q: string): SearchParams => ({
    q,
    filters: {},
    sort: 'relevance',
    page: 1,
    pageSize: 20,
  });
  const pairsOf = async (id: string) =>
    (
      await ctx.dbh.query<{ pair: string }>(
        `SELECT t.pair FROM catalogue_title_pairs t JOIN catalogue_records r ON r.seq = t.seq
         WHERE r.id = $1 ORDER BY t.pair`,
        [id],
      )
    ).map((r) => r.pair);
  const insert = async (titles: string[], creators: string[] = []): Promise<RecordValues[]> => {
    const next = generator(5);
    const records: RecordValues[] = [];
    const holdings: HoldingValues[] = [];
    for (const title of titles) {
      const built = generatedRecord(next(), library, { published: true, description: null, details: {} });
      records.push({ ...built.record, title, creators, subjects: [] });
      holdings.push(built.holding);
    }
    await ctx.deps.db.transaction((tx) => ctx.deps.repos.catalogue.insertRecords(tx, records, holdings));
    await ctx.deps.repos.catalogueSearch.rebuildDictionary(ctx.deps.db);
    return records;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    // 160 records hold "văn", "hóa", "dân" or "gian", one each: every word common, never two together.
    const fillers = ['Văn học', 'Hòa bình', 'Dân ca', 'Gian khó'];
    await insert(Array.from({ length: 160 }, (_, i) => `${fillers[i % 4]} miền Trung ${i}`));
  });
  afterAll(() => ctx.close());

  it('keeps the adjacent pairs of a published title, and follows edits, unpublishing and deletion', async () => {
    const [rec] = await insert(['Tìm hiểu Văn hóa Chăm']);
    if (!rec) throw new Error('not inserted');
    expect(await pairsOf(rec.id)).toEqual(['hieu van', 'hoa cham', 'tim hieu', 'van hoa']);
    await ctx.deps.repos.catalogue.updateRecord(ctx.deps.db, { ...rec, title: 'Hóa văn Chăm' }, null);
    expect(await pairsOf(rec.id)).toEqual(['hoa van', 'van cham']);
    await ctx.deps.repos.catalogue.updateRecord(
      ctx.deps.db,
      { ...rec, title: 'Hóa văn Chăm', published: false },
      null,
    );
    expect(await pairsOf(rec.id)).toEqual([]);
    await ctx.deps.repos.catalogue.updateRecord(ctx.deps.db, { ...rec, title: 'Văn hóa Chăm Pa' }, null);
    expect(await pairsOf(rec.id)).toEqual(['cham pa', 'hoa cham', 'van hoa']);
    await ctx.dbh.query('DELETE FROM catalogue_records WHERE id = $1', [rec.id]);
    expect(
      (
        await ctx.dbh.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM catalogue_title_pairs WHERE pair = $1',
          ['cham pa'],
        )
      )[0]?.n,
    ).toBe(0);
  });

  it('finds a title past the walk’s budget through its rarest pair, and says the count is an estimate', async () => {
    await insert(['Tìm hiểu văn hóa dân gian Chăm']);
    const before = await unbudgeted.search(ctx.deps.db, params('văn hóa dân gian'));
    expect([before.total, before.totalEstimated]).toEqual([1, false]);
    const after = await budgeted.search(ctx.deps.db, params('văn hóa dân gian'));
    expect(after.hits.map((h) => h.title)).toEqual(['Tìm hiểu văn hóa dân gian Chăm']);
    expect(after.total).toBe(1);
    expect(after.totalEstimated).toBe(true);
    // Without a pair in any title (the words apart), the budgeted walk alone cannot see past its budget.
    const apart = await budgeted.search(ctx.deps.db, params('hòa văn dân'));
    expect(apart.totalEstimated).toBe(true);
    expect((await unbudgeted.search(ctx.deps.db, params('hòa văn dân'))).totalEstimated).toBe(false);
  });

  it('completes a title whose every pair is in many titles through two pairs together, with or without the author', async () => {
    // Titles made of a few common parts (as at 1M records: every pair of a pasted title is in 1,000+ titles):
    // 3 heads × 3 places × 3 tails, 4 records each; the pasted title's own record also has its author.
    const titles: string[] = [];
    for (const head of ['Lịch sử', 'Địa chí', 'Văn học'])
      for (const place of ['Ninh Hòa', 'Cam Ranh', 'Vạn Ninh'])
        for (const tail of ['xưa và nay', 'thời mở cõi', 'hôm nay'])
          for (let i = 0; i < 4; i++) titles.push(`${head} ${place} ${tail}`);
    await insert(titles.filter((t) => t !== 'Địa chí Cam Ranh thời mở cõi'));
    await insert(['Địa chí Cam Ranh thời mở cõi'], ['Nguyễn Đình Tư']);
    await insert(['Cam Ranh thời mở cõi: địa chí'], ['Nguyễn Đình Tư']);
    const exact = await unbudgeted.search(ctx.deps.db, params('Địa chí Cam Ranh thời mở cõi'));
    const r = await budgeted.search(ctx.deps.db, params('Địa chí Cam Ranh thời mở cõi'));
    expect(exact.total).toBe(2);
    expect(r.totalEstimated).toBe(true);
    expect(r.hits[0]?.title).toBe('Địa chí Cam Ranh thời mở cõi');
    expect(r.hits.map((h) => h.title)).toEqual(exact.hits.map((h) => h.title));
    // Title + author: the pair across the two ("coi nguyen") is in no title and is not used.
    const withAuthor = await budgeted.search(
      ctx.deps.db,
      params('Địa chí Cam Ranh thời mở cõi Nguyễn Đình Tư'),
    );
    expect(withAuthor.hits.map((h) => h.title)).toEqual([
      'Địa chí Cam Ranh thời mở cõi',
      'Cam Ranh thời mở cõi: địa chí',
    ]);
  });

  it('still corrects a typo in a budgeted long query', async () => {
    const r = await budgeted.search(ctx.deps.db, params('văn hóa dân gain'));
    expect(r.correctedQuery).toBe('van hoa dan gian');
    expect(r.hits[0]?.title).toBe('Tìm hiểu văn hóa dân gian Chăm');
  });
});
