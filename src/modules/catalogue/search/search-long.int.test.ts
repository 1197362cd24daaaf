// Long queries, identifiers and no-hit queries (issue 17): relevance for a pasted title and title + author,
// ISBN/ISSN/barcode lookup however typed, and a no-hit query that does not fan out into typo lookups.
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.server.ts';
import { ANONYMOUS } from '../../../lib/authz.ts';
import { testActor } from '../../../test/actors.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { type SearchQuery, SearchQuerySchema } from '../catalogue.schemas.server.ts';
import { createCatalogueRecord, searchCatalogue } from '../catalogue.usecases.server.ts';

describe('catalogue search: long queries, identifiers, no hits', () => {
  let ctx: TestContext;
  const search = (q: Partial<Record<keyof SearchQuery, unknown>>) =>
    searchCatalogue(ctx.deps, ANONYMOUS, SearchQuerySchema.parse(q));

  beforeAll(async () => {
    ctx = await createTestContext();
    const units = await ctx.dbh.query<{ id: string; code: string }>('SELECT id, code FROM units');
    const library = units.find((u) => u.code === 'thu-vien-tinh')?.id ?? '';
    const staff = testActor([{ role: 'unit_staff', unitId: library }]);
    const add = (title: string, extra: Record<string, unknown> = {}) =>
      createCatalogueRecord(ctx.deps, staff, {
        type: 'book',
        title,
        creators: [],
        subjects: [],
        unitId: library,
        published: true,
        details: {},
        holdings: [],
        ...extra,
      } as Parameters<typeof createCatalogueRecord>[2]);
    await add('Tín ngưỡng vùng Vạn Ninh xưa và nay', {
      creators: ['Đặng Quang Hương'],
      isbn: '978-604-0-00001-9',
      year: 2001,
    });
    await add('Tín ngưỡng vùng Vạn Ninh xưa và nay', { creators: ['Lê Văn An'], year: 2010 });
    await add('Vạn Ninh xưa và nay: tín ngưỡng vùng biển', { creators: ['Đặng Quang Hương'], year: 2015 });
    await add('Tín ngưỡng Vạn Ninh', { year: 2020 });
    await add('Báo Khánh Hòa', { type: 'serial', issn: '1859-0012' });
    await add('Gốm Chăm', { holdings: [{ availability: 'available', barcode: 'VV.012345' }] });
    await add('Vitamin A cho trẻ em');
  });
  afterAll(() => ctx.close());

  it('ranks the pasted title as typed first, then the same words in another order', async () => {
    const r = await search({ q: 'Tín ngưỡng vùng Vạn Ninh xưa và nay' });
    expect(r.total).toBe(3);
    expect(r.hits.slice(0, 2).map((h) => h.title)).toEqual([
      'Tín ngưỡng vùng Vạn Ninh xưa và nay',
      'Tín ngưỡng vùng Vạn Ninh xưa và nay',
    ]);
    expect(r.hits[2]?.title).toBe('Vạn Ninh xưa và nay: tín ngưỡng vùng biển');
  });

  it('keeps the author of a title + author query (11 words): only that author’s edition matches', async () => {
    const r = await search({ q: 'Tín ngưỡng vùng Vạn Ninh xưa và nay Đặng Quang Hương' });
    expect(r.hits.map((h) => [h.title, h.creators[0]])).toEqual([
      ['Tín ngưỡng vùng Vạn Ninh xưa và nay', 'Đặng Quang Hương'],
      ['Vạn Ninh xưa và nay: tín ngưỡng vùng biển', 'Đặng Quang Hương'],
    ]);
  });

  it('still corrects a typo in a long query', async () => {
    const r = await search({ q: 'Tín ngưỡng vùng Vạn Ninh xưa và nya Lê Văn An' });
    expect(r.correctedQuery).toBe('tin nguong vung van ninh xua va nay le van an');
    expect(r.hits.map((h) => h.creators[0])).toEqual(['Lê Văn An']);
  });

  it.each(['isbn 9786040000019', 'ISBN 978-604-0-00001-9', '9786040000019', '6040000015'])(
    'finds a record by its ISBN typed as %s',
    async (q) => {
      const r = await search({ q });
      expect(r.total).toBe(1);
      expect(r.hits.map((h) => h.creators[0])).toEqual(['Đặng Quang Hương']);
    },
  );

  it('finds a serial by ISSN and a copy by its barcode', async () => {
    expect((await search({ q: 'ISSN 1859-0012' })).hits.map((h) => h.title)).toEqual(['Báo Khánh Hòa']);
    expect((await search({ q: 'vv012345' })).hits.map((h) => h.title)).toEqual(['Gốm Chăm']);
  });

  it('answers an unknown ISBN and a long no-hit query with nothing, without fanning out into typo lookups', async () => {
    const dialect = new PgDialect();
    const statements: string[] = [];
    const db = new Proxy(ctx.deps.db, {
      get(target, key) {
        if (key === 'execute')
          return (q: Parameters<Db['execute']>[0]) => {
            statements.push(dialect.sqlToQuery(q as never).sql);
            return target.execute(q);
          };
        return Reflect.get(target, key);
      },
    });
    const run = (q: string) =>
      ctx.deps.repos.catalogueSearch.search(db, {
        q,
        filters: {},
        sort: 'relevance',
        page: 1,
        pageSize: 20,
      });
    for (const q of [
      'isbn 9786049999999',
      'quantum chromodynamics lattice gauge theory for graduate students',
    ]) {
      statements.length = 0;
      const r = await run(q);
      expect(r.total).toBe(0);
      expect(r.correctedQuery).toBeNull();
      expect(statements.length).toBeLessThanOrEqual(4);
      expect(statements.some((s) => s.includes('similarity'))).toBe(false);
    }
  });

  it('does not "correct" a one-letter query into another letter', async () => {
    expect((await search({ q: 'a' })).hits.map((h) => h.title)).toEqual(['Vitamin A cho trẻ em']);
    const r = await search({ q: 'b' });
    expect(r.total).toBe(0);
    expect(r.correctedQuery).toBeNull();
  });
});
