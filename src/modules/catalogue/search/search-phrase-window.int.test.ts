// A two-word query reads the window of its driver's first postings together with the other word's in one
// grouped range scan, and probes only past it (issue 17, ADR 0007 addendum 8): the walk is still whole, so it
// answers exactly what probing every driver posting answers — same totals, estimates, facets and hits — whether
// the window alone fills a stratum's sample or the probes past it complete it. A typo query reads each word's
// dictionary count once.
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.server.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../catalogue.repository.server.ts';
import { generatedRecord } from '../catalogue.seed.server.ts';
import { createPostgresSearchIndex, type SearchParams } from './search.server.ts';

describe('catalogue search: two-word window', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const next = generator(23);
    // 2,000 generated records; three in four titled "Gốm Bàu Trúc …" (~190 per stratum: a large, estimated
    // result whose window can fill a stratum's sample alone), the generated words spread as at 1M.
    for (let done = 0; done < 2000; done += 500) {
      const records: RecordValues[] = [];
      const holdings: HoldingValues[] = [];
      for (let i = done; i < done + 500; i++) {
        const built = generatedRecord(next(), i % 3 === 0 ? museum : library, {
          published: i % 50 !== 0,
          description: null,
          details: {},
        });
        const title = i % 4 === 3 ? built.record.title : `Gốm Bàu Trúc ${built.record.title}`;
        records.push({ ...built.record, title });
        holdings.push(built.holding);
      }
      await ctx.deps.db.transaction((tx) => ctx.deps.repos.catalogue.insertRecords(tx, records, holdings));
    }
    await ctx.deps.repos.catalogueSearch.rebuildDictionary(ctx.deps.db);
  });
  afterAll(() => ctx.close());

  const params = (q: string, filters: SearchParams['filters'] = {}): SearchParams => ({
    q,
    filters,
    sort: 'relevance',
    page: 1,
    pageSize: 20,
  });
  /** The statements a search runs, as text. */
  const statements = async (q: string, opts: Parameters<typeof createPostgresSearchIndex>[0] = {}) => {
    const dialect = new PgDialect();
    const seen: string[] = [];
    const db = new Proxy(ctx.deps.db, {
      get(target, key) {
        if (key === 'execute')
          return (query: Parameters<Db['execute']>[0]) => {
            seen.push(dialect.sqlToQuery(query as never).sql);
            return target.execute(query);
          };
        return Reflect.get(target, key);
      },
    }) as Db;
    const result = await createPostgresSearchIndex(opts).search(db, params(q));
    return { seen, result };
  };

  it.each([
    'bàu trúc',
    'gốm trúc',
    'khánh hòa',
    'nha trang',
    'lịch sử',
    'gốm raglai',
    'nguyễn văn',
    'khanh hao',
    'nah trang',
    'trúc trúc',
  ])('answers "%s" as the probing walk does, with any window', async (q) => {
    const probing = createPostgresSearchIndex({ phraseWindow: 0 });
    const expected = await probing.search(ctx.deps.db, params(q));
    const expectedBooks = await probing.search(
      ctx.deps.db,
      params(q, { types: ['book'], languages: ['vie'] }),
    );
    for (const phraseWindow of [3, 40, 400]) {
      const windowed = createPostgresSearchIndex({ phraseWindow });
      expect(await windowed.search(ctx.deps.db, params(q))).toEqual(expected);
      expect(await windowed.search(ctx.deps.db, params(q, { types: ['book'], languages: ['vie'] }))).toEqual(
        expectedBooks,
      );
    }
  });

  it('reads a two-word query through the window (a grouped range scan), and finds its matches', async () => {
    const { seen, result } = await statements('bàu trúc', { phraseWindow: 40 });
    expect(result.totalEstimated).toBe(true);
    expect(result.total).toBeGreaterThan(1000);
    expect(seen.some((s) => s.includes('GROUP BY p.seq HAVING count(*) ='))).toBe(true);
    const probing = await statements('bàu trúc', { phraseWindow: 0 });
    expect(probing.seen.some((s) => s.includes('GROUP BY p.seq HAVING'))).toBe(false);
  });

  it('asks the dictionary once per word in a typo query (plan, correction and corrected plan share it)', async () => {
    const { seen, result } = await statements('khanh hao');
    expect(result.correctedQuery).toBe('khanh hoa');
    // The words' counts (the plan), then their edit neighbours (the correction): nothing read twice.
    expect(seen.filter((s) => /FROM catalogue_words WHERE word = ANY/.test(s))).toHaveLength(2);
  });
});
