// The narrow search table (ADR 0006) follows every write to catalogue_records: inserts, edits, publishing,
// holdings (availability) and deletion — through the real use cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { createCatalogueRecord, searchCatalogue, updateCatalogueRecord } from './catalogue.usecases.ts';

describe('catalogue search documents', () => {
  let ctx: TestContext;
  let museum: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
  });
  afterAll(() => ctx.close());

  const find = async (q: string, availability?: 'on_display') => {
    const r = await searchCatalogue(
      ctx.deps,
      { kind: 'anonymous' },
      {
        q,
        sort: 'relevance',
        page: 1,
        ...(availability ? { availability } : {}),
      },
    );
    return { total: r.total, titles: r.hits.map((h) => h.title), facets: r.facets };
  };

  it('stays in step with records as they are created, published, edited and deleted', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const rec = await createCatalogueRecord(ctx.deps, staff, {
      type: 'museum_object',
      title: 'Trống đồng Quỳnh Xương',
      creators: [],
      subjects: ['Khảo cổ'],
      unitId: museum,
      published: false,
      details: {},
      holdings: [{ availability: 'in_storage' }],
    });
    expect((await find('quynh xuong')).total).toBe(0);

    const published = await updateCatalogueRecord(ctx.deps, staff, rec.id, {
      version: rec.version,
      published: true,
    });
    expect(await find('quynh xuong')).toMatchObject({ total: 1, titles: ['Trống đồng Quỳnh Xương'] });
    expect((await find('khao co')).facets.availability).toEqual([
      { value: 'in_storage', count: 1, label: undefined },
    ]);

    const edited = await updateCatalogueRecord(ctx.deps, staff, rec.id, {
      version: published.version,
      title: 'Trống đồng Ninh Hòa',
      holdings: [{ availability: 'on_display' }],
    });
    expect((await find('quynh xuong')).total).toBe(0);
    expect(await find('ninh hoa', 'on_display')).toMatchObject({ total: 1, titles: ['Trống đồng Ninh Hòa'] });
    expect(edited.version).toBe(3);

    const docs = async () =>
      (await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM catalogue_search_docs'))[0]?.n;
    expect(await docs()).toBe(1);
    await ctx.dbh.query('DELETE FROM catalogue_records WHERE id = $1', [rec.id]);
    expect(await docs()).toBe(0);
    expect((await find('ninh hoa')).total).toBe(0);
  });
});
