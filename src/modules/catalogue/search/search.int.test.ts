import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../../lib/authz.ts';
import { testActor } from '../../../test/actors.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { type SearchQuery, SearchQuerySchema } from '../catalogue.schemas.server.ts';
import { createCatalogueRecord, searchCatalogue } from '../catalogue.usecases.server.ts';

describe('catalogue search', () => {
  let ctx: TestContext;
  let library = '';
  let museum = '';
  const search = (q: Partial<Record<keyof SearchQuery, unknown>>) =>
    searchCatalogue(ctx.deps, ANONYMOUS, SearchQuerySchema.parse(q));
  const titles = async (q: string) => (await search({ q })).hits.map((h) => h.title);

  beforeAll(async () => {
    ctx = await createTestContext();
    const units = await ctx.dbh.query<{ id: string; code: string }>('SELECT id, code FROM units');
    library = units.find((u) => u.code === 'thu-vien-tinh')?.id ?? '';
    museum = units.find((u) => u.code === 'bao-tang-tinh')?.id ?? '';
    const staff = testActor([
      { role: 'unit_staff', unitId: library },
      { role: 'unit_staff', unitId: museum },
    ]);
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
    await add('Lịch sử Khánh Hòa', {
      year: 2015,
      language: 'vie',
      holdings: [{ availability: 'available' }],
    });
    await add('Hoa sen trong văn hóa Việt', {
      year: 1998,
      language: 'vie',
      holdings: [{ availability: 'on_loan' }],
    });
    await add('Địa chí Đà Nẵng', { year: 2005, creators: ['Nguyễn Văn Đức'], language: 'vie' });
    await add('Gốm Chăm ở Khánh Hòa', {
      type: 'museum_object',
      unitId: museum,
      year: 1890,
      holdings: [{ availability: 'on_display' }],
    });
    await add('Khánh Hòa xưa và nay', { year: 2020, language: 'eng' });
    await add('Hồ sơ mật Khánh Hòa', { published: false });
  });
  afterAll(() => ctx.close());

  it.each(['hoa', 'hòa', 'hoà', 'HÒA', 'Khánh Hòa'.normalize('NFD'), 'khanh hoa', 'KHÁNH HÒA'])(
    'finds "Khánh Hòa" for %s',
    async (q) => {
      expect(await titles(q)).toContain('Lịch sử Khánh Hòa');
    },
  );

  it('matches đ when the query types d', async () => {
    expect(await titles('da nang')).toEqual(['Địa chí Đà Nẵng']);
    expect(await titles('duc')).toEqual(['Địa chí Đà Nẵng']);
  });

  it('ranks diacritics-exact matches above folded ones', async () => {
    const withMarks = await titles('hòa');
    const plain = await titles('hoa');
    expect(withMarks.indexOf('Lịch sử Khánh Hòa')).toBeLessThan(
      withMarks.indexOf('Hoa sen trong văn hóa Việt'),
    );
    expect(plain[0]).toBe('Hoa sen trong văn hóa Việt');
  });

  it('ranks the phrase above records that only contain all the words', async () => {
    const r = await titles('khánh hòa xưa');
    expect(r[0]).toBe('Khánh Hòa xưa và nay');
  });

  it('corrects a typo and says so', async () => {
    const r = await search({ q: 'khanh hao' });
    expect(r.correctedQuery).toBe('khanh hoa');
    expect(r.hits.map((h) => h.title)).toContain('Lịch sử Khánh Hòa');
    const long = await search({ q: 'khahn' });
    expect(long.hits.length).toBeGreaterThan(0);
  });

  it('answers zero results without a correction when nothing is close', async () => {
    const r = await search({ q: 'xyzzyq' });
    expect(r.total).toBe(0);
    expect(r.correctedQuery).toBeNull();
  });

  it('never shows unpublished records to the public', async () => {
    expect(await titles('mật')).toEqual([]);
    expect((await search({ q: 'khanh hoa' })).total).toBe(3);
  });

  it('counts facets and filters by them', async () => {
    const r = await search({ q: 'khanh hoa' });
    expect(r.facets.type).toEqual([
      { value: 'book', count: 2, label: undefined },
      { value: 'museum_object', count: 1, label: undefined },
    ]);
    expect(r.facets.institution.find((f) => f.value === museum)).toMatchObject({
      count: 1,
      label: 'Bảo tàng tỉnh',
    });
    expect(r.facets.decade.map((d) => d.value)).toEqual(['2020', '2010', '1890']);
    expect(r.facets.availability).toEqual(
      expect.arrayContaining([{ value: 'on_display', count: 1, label: undefined }]),
    );
    const objects = await search({ q: 'khanh hoa', type: 'museum_object' });
    expect(objects.hits.map((h) => h.title)).toEqual(['Gốm Chăm ở Khánh Hòa']);
    const english = await search({ q: 'khanh hoa', language: ['eng'] });
    expect(english.total).toBe(1);
    const onLoan = await search({ availability: 'on_loan' });
    expect(onLoan.hits.map((h) => h.title)).toEqual(['Hoa sen trong văn hóa Việt']);
  });

  it('sorts by newest and by Vietnamese title order', async () => {
    const newest = await search({ q: 'khanh hoa', sort: 'newest' });
    expect(newest.hits.map((h) => h.year)).toEqual([2020, 2015, 1890]);
    const byTitle = await search({ sort: 'title' });
    // Vietnamese order: Đ comes after D and before E; H before K; L after K.
    expect(byTitle.hits.map((h) => h.title)).toEqual([
      'Địa chí Đà Nẵng',
      'Gốm Chăm ở Khánh Hòa',
      'Hoa sen trong văn hóa Việt',
      'Khánh Hòa xưa và nay',
      'Lịch sử Khánh Hòa',
    ]);
  });

  it('suggests completions of the last word', async () => {
    const s = await ctx.deps.repos.catalogueSearch.suggest(ctx.deps.db, 'lịch kh', 5);
    expect(s).toContain('lịch khanh');
  });

  it('serves the search API to anonymous callers and rejects unknown parameters', async () => {
    const ok = await ctx.request('/api/v1/catalogue/search?q=kh%C3%A1nh%20h%C3%B2a&type=book');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { total: number; hits: Array<{ title: string }> };
    expect(body.total).toBe(2);
    const bad = await ctx.request('/api/v1/catalogue/search?q=x&evil=1');
    expect(bad.status).toBe(400);
    const suggest = await ctx.request('/api/v1/catalogue/suggest?q=kha');
    expect(await suggest.json()).toEqual({ suggestions: ['khanh'] });
  });
});
