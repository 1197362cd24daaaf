// The narrow search table (ADR 0006) and the postings B-tree (ADR 0007) follow every write to
// catalogue_records: inserts, edits, publishing, holdings (availability) and deletion — through the real use
// cases; and a large result is estimated from a stratified sample that represents every import period.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/sql.server.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../catalogue.repository.server.ts';
import { generatedRecord } from '../catalogue.seed.server.ts';
import {
  createCatalogueRecord,
  searchCatalogue,
  updateCatalogueRecord,
} from '../catalogue.usecases.server.ts';

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

  const postings = async (recordId: string) =>
    ctx.dbh.query<{ word: string; availability: number }>(
      `SELECT p.word, p.availability FROM catalogue_postings p JOIN catalogue_records r ON r.seq = p.seq
       WHERE r.id = $1 ORDER BY p.word`,
      [recordId],
    );

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
    expect(await postings(rec.id)).toEqual([
      { word: 'co', availability: 8 },
      { word: 'dong', availability: 8 },
      { word: 'khao', availability: 8 },
      { word: 'quynh', availability: 8 },
      { word: 'trong', availability: 8 },
      { word: 'xuong', availability: 8 },
    ]);
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
    expect((await postings(rec.id)).map((p) => `${p.word}:${p.availability}`)).toEqual([
      'co:16',
      'dong:16',
      'hoa:16',
      'khao:16',
      'ninh:16',
      'trong:16',
    ]);
    await updateCatalogueRecord(ctx.deps, staff, rec.id, { version: edited.version, published: false });
    expect(await postings(rec.id)).toEqual([]);
    expect((await find('ninh hoa')).total).toBe(0);
    await updateCatalogueRecord(ctx.deps, staff, rec.id, { version: edited.version + 1, published: true });
    expect(await postings(rec.id)).toHaveLength(6);

    const docs = async () =>
      (await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM catalogue_search_docs'))[0]?.n;
    expect(await docs()).toBe(1);
    await ctx.dbh.query('DELETE FROM catalogue_records WHERE id = $1', [rec.id]);
    expect(await docs()).toBe(0);
    expect(await postings(rec.id)).toEqual([]);
    expect(
      (await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM catalogue_postings'))[0]?.n,
    ).toBe(0);
    expect((await find('ninh hoa')).total).toBe(0);
  });

  it('estimates a large result from every period of the catalogue, and counts a small one exactly', async () => {
    // 2,400 books first, then 600 museum objects: a sample of the first matches would see only books. Every
    // fifth book is of fired pottery ("gốm nung"): a small result of many words, spread over every stratum.
    const library = await unitIdOf(ctx, 'thu-vien-tinh');
    const next = generator(11);
    const load = async (
      n: number,
      type: RecordValues['type'],
      unitId: string,
      title: (i: number) => string,
    ) => {
      for (let done = 0; done < n; done += 500) {
        const records: RecordValues[] = [];
        const holdings: HoldingValues[] = [];
        for (let i = 0; i < Math.min(500, n - done); i++) {
          const built = generatedRecord(next(), unitId, { published: true, description: null, details: {} });
          records.push({ ...built.record, type, title: `${title(done + i)} ${built.record.title}` });
          holdings.push(built.holding);
        }
        await ctx.deps.db.transaction((tx) => ctx.deps.repos.catalogue.insertRecords(tx, records, holdings));
      }
    };
    await load(2400, 'book', library, (i) => (i % 5 === 0 ? 'Gốm nung Bàu Trúc' : 'Gốm Bàu Trúc'));
    await load(600, 'museum_object', museum, () => 'Gốm Chăm');

    const count = async (where: string) =>
      (
        await ctx.dbh.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM catalogue_postings p WHERE p.word = 'gom' ${where}`,
        )
      )[0]?.n ?? 0;
    const truth = await count('');
    expect(truth).toBeGreaterThanOrEqual(3000);
    const all = await searchCatalogue(
      ctx.deps,
      { kind: 'anonymous' },
      { q: 'gốm', sort: 'relevance', page: 1 },
    );
    expect(all.totalEstimated).toBe(true);
    expect(all.total).toBeGreaterThan(truth * 0.85);
    expect(all.total).toBeLessThan(truth * 1.15);
    const byType = Object.fromEntries(all.facets.type.map((f) => [f.value, f.count]));
    const museumTruth = await count(`AND p.type = 'museum_object'`);
    expect(byType.book).toBeGreaterThan(2400 * 0.8);
    expect(byType.museum_object).toBeGreaterThan(museumTruth * 0.6);
    expect(byType.museum_object).toBeLessThan(museumTruth * 1.4);
    expect(all.hits).toHaveLength(20);

    // The same through the institution: with the dictionary built, the museum (600 records) is smaller than
    // the word (3,000), so its records are walked and the word probed; same answer.
    await ctx.deps.repos.catalogueSearch.rebuildDictionary(ctx.deps.db);
    const byMuseum = await searchCatalogue(
      ctx.deps,
      { kind: 'anonymous' },
      { q: 'gốm', institution: museum, sort: 'relevance', page: 1 },
    );
    expect(byMuseum.facets.institution.map((f) => f.value)).toEqual([museum]);
    expect(byMuseum.total).toBeGreaterThan(museumTruth * 0.85);
    expect(byMuseum.total).toBeLessThan(museumTruth * 1.15);
    expect(byMuseum.hits.every((h) => h.unitId === museum)).toBe(true);
    // "trúc" is in every book's title and in a few generated museum titles: exact, and only the museum's.
    const smallExact = await searchCatalogue(
      ctx.deps,
      { kind: 'anonymous' },
      { q: 'trúc', institution: museum, sort: 'relevance', page: 1 },
    );
    const truc = (
      await ctx.dbh.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM catalogue_postings WHERE word = 'truc' AND type = 'museum_object'`,
      )
    )[0]?.n;
    expect(truc).toBeGreaterThan(0);
    expect(truc).toBeLessThan(100);
    expect(smallExact).toMatchObject({ total: truc, totalEstimated: false });

    // Fewer than 125 matches per stratum: read whole, so exact.
    const both = await count(
      ['nung', 'bau', 'truc']
        .map((w) => `AND EXISTS (SELECT 1 FROM catalogue_postings q WHERE q.word = '${w}' AND q.seq = p.seq)`)
        .join(' '),
    );
    expect(both).toBe(480);
    const few = await searchCatalogue(
      ctx.deps,
      { kind: 'anonymous' },
      { q: 'gốm nung bàu trúc', sort: 'relevance', page: 1 },
    );
    expect(few).toMatchObject({ total: both, totalEstimated: false });
    expect(few.facets.type).toEqual([{ value: 'book', count: both, label: undefined }]);
    const filtered = await searchCatalogue(
      ctx.deps,
      { kind: 'anonymous' },
      { q: 'gốm', type: 'museum_object', sort: 'relevance', page: 1 },
    );
    // 600 matches in the last two strata: more than one stratum's sample, so estimated, and close.
    expect(filtered.facets.type).toHaveLength(1);
    expect(filtered.total).toBeGreaterThan(museumTruth * 0.85);
    expect(filtered.total).toBeLessThan(museumTruth * 1.15);

    // Unpublishing one record deletes its title pairs by key, not by reading the whole table (migration 0213).
    const pairReads = await ctx.deps.db.transaction(async (tx) => {
      const scans = async () =>
        (
          await queryRows<{ n: number }>(
            tx,
            sql`SELECT seq_scan::int AS n FROM pg_stat_xact_user_tables
                WHERE relid = 'catalogue_title_pairs'::regclass`,
          )
        )[0]?.n ?? 0;
      const before = await scans();
      await tx.execute(sql`UPDATE catalogue_records SET published = false
        WHERE id = (SELECT id FROM catalogue_records WHERE type = 'book' AND published ORDER BY seq LIMIT 1)`);
      return (await scans()) - before;
    });
    expect(pairReads).toBe(0);
  });
});
