// OAI-PMH provider over HTTP: every verb, every error code, sets, dates, deletions, resumption tokens that
// survive changes, and robots/sitemap.

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { actorOn, unitIdOf } from '../../units/units.test-helpers.ts';
import { createCatalogueRecord, updateCatalogueRecord } from '../catalogue.usecases.server.ts';
import { errorCodes, identifiers, insertRecords, oai, recordValues, tokenOf } from './oai.test-helpers.ts';
import { LIST_RECORDS_PAGE } from './oai-provider.server.ts';

describe('OAI-PMH provider', () => {
  let ctx: TestContext;
  let library: string;
  let museum: string;
  let librarian: Actor;
  let bookId: string;
  let objectId: string;
  let hiddenId: string;
  const idOf = (recordId: string) => `oai:localhost:${recordId}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    librarian = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const book = await createCatalogueRecord(ctx.deps, librarian, {
      type: 'book',
      title: 'Lịch sử <Khánh Hòa> & "Nha Trang"',
      creators: ['Nguyễn Văn A'],
      subjects: ['Lịch sử -- Khánh Hòa'],
      unitId: library,
      isbn: '9786040000001',
      published: true,
      details: { publisher: 'NXB Tổng hợp' },
      holdings: [{ callNumber: '959.756', location: 'Kho mở', availability: 'available' }],
    });
    bookId = book.id;
    const object = await createCatalogueRecord(ctx.deps, curator, {
      type: 'museum_object',
      title: 'Trống đồng Đông Sơn',
      creators: [],
      subjects: [],
      unitId: museum,
      published: true,
      details: {},
      holdings: [],
    });
    objectId = object.id;
    const hidden = await createCatalogueRecord(ctx.deps, librarian, {
      type: 'book',
      title: 'Bản nháp chưa công bố',
      creators: [],
      subjects: [],
      unitId: library,
      published: false,
      details: {},
      holdings: [],
    });
    hiddenId = hidden.id;
  });
  afterAll(() => ctx.close());

  it('Identify describes the repository (persistent deletions, seconds granularity)', async () => {
    const xml = await oai(ctx, 'verb=Identify');
    expect(xml).toContain('<request verb="Identify">http://localhost:3000/oai</request>');
    expect(xml).toContain('<baseURL>http://localhost:3000/oai</baseURL>');
    expect(xml).toContain('<protocolVersion>2.0</protocolVersion>');
    expect(xml).toContain('<adminEmail>thuvien@khanhhoa.example.vn</adminEmail>');
    expect(xml).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(xml).toMatch(/<earliestDatestamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/earliestDatestamp>/);
    expect(xml).toMatch(/<responseDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/responseDate>/);
  });

  it('ListMetadataFormats lists oai_dc and marcxml, for the repository or one item', async () => {
    const xml = await oai(ctx, 'verb=ListMetadataFormats');
    expect(xml).toContain('<metadataPrefix>oai_dc</metadataPrefix>');
    expect(xml).toContain('<metadataPrefix>marcxml</metadataPrefix>');
    const one = await oai(ctx, `verb=ListMetadataFormats&identifier=${idOf(bookId)}`);
    expect(one).toContain('<metadataPrefix>marcxml</metadataPrefix>');
    expect(errorCodes(await oai(ctx, `verb=ListMetadataFormats&identifier=${idOf(hiddenId)}`))).toEqual([
      'idDoesNotExist',
    ]);
    expect(errorCodes(await oai(ctx, 'verb=ListMetadataFormats&identifier=nonsense'))).toEqual([
      'idDoesNotExist',
    ]);
  });

  it('ListSets lists units and types; a token is refused', async () => {
    const xml = await oai(ctx, 'verb=ListSets');
    expect(xml).toContain('<setSpec>unit:thu-vien-tinh</setSpec>');
    expect(xml).toContain('<setSpec>type:museum_object</setSpec>');
    expect(xml).toContain('<setSpec>unit</setSpec>');
    expect(errorCodes(await oai(ctx, 'verb=ListSets&resumptionToken=abc'))).toEqual(['badResumptionToken']);
  });

  it('GetRecord answers oai_dc and marcxml, escaped; unpublished is unknown', async () => {
    const dc = await oai(ctx, `verb=GetRecord&identifier=${idOf(bookId)}&metadataPrefix=oai_dc`);
    expect(dc).toContain('<dc:title>Lịch sử &lt;Khánh Hòa&gt; &amp; &quot;Nha Trang&quot;</dc:title>');
    expect(dc).toContain('<dc:identifier>urn:isbn:9786040000001</dc:identifier>');
    expect(dc).toContain(`<dc:identifier>http://localhost:3000/records/${bookId}</dc:identifier>`);
    expect(dc).toContain('<setSpec>unit:thu-vien-tinh</setSpec><setSpec>type:book</setSpec>');
    const marc = await oai(ctx, `verb=GetRecord&identifier=${idOf(bookId)}&metadataPrefix=marcxml`);
    expect(marc).toContain('<record xmlns="http://www.loc.gov/MARC21/slim"');
    expect(marc).toContain('<datafield tag="245" ind1="1" ind2="0">');
    expect(marc).toContain('<subfield code="h">959.756</subfield>');
    expect(
      errorCodes(await oai(ctx, `verb=GetRecord&identifier=${idOf(hiddenId)}&metadataPrefix=oai_dc`)),
    ).toEqual(['idDoesNotExist']);
    expect(
      errorCodes(await oai(ctx, `verb=GetRecord&identifier=${idOf(bookId)}&metadataPrefix=mods`)),
    ).toEqual(['cannotDisseminateFormat']);
  });

  it('strips characters XML cannot carry', async () => {
    const v = recordValues({ unitId: library, title: 'Tiêu đề\u0001 có ký tự\u000b lạ\uFFFE' });
    await insertRecords(ctx, [v]);
    const xml = await oai(ctx, `verb=GetRecord&identifier=${idOf(v.id)}&metadataPrefix=oai_dc`);
    expect(xml).toContain('<dc:title>Tiêu đề có ký tự lạ</dc:title>');
    const marc = await oai(ctx, `verb=GetRecord&identifier=${idOf(v.id)}&metadataPrefix=marcxml`);
    expect(marc).toContain('<subfield code="a">Tiêu đề có ký tự lạ</subfield>');
  });

  it('answers badVerb and badArgument for every malformed request', async () => {
    expect(errorCodes(await oai(ctx, ''))).toEqual(['badVerb']);
    expect(errorCodes(await oai(ctx, 'verb=Foo'))).toEqual(['badVerb']);
    expect(errorCodes(await oai(ctx, 'verb=Identify&verb=Identify'))).toEqual(['badVerb']);
    expect(errorCodes(await oai(ctx, 'verb=Identify&extra=1'))).toEqual(['badArgument']);
    expect(errorCodes(await oai(ctx, 'verb=ListRecords'))).toEqual(['badArgument']);
    expect(
      errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc')),
    ).toEqual(['badArgument']);
    expect(errorCodes(await oai(ctx, 'verb=GetRecord&metadataPrefix=oai_dc'))).toEqual(['badArgument']);
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-01'))).toEqual([
      'badArgument',
    ]);
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30'))).toEqual([
      'badArgument',
    ]);
    expect(
      errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00')),
    ).toEqual(['badArgument']);
    expect(
      errorCodes(
        await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2021-01-01T00:00:00Z'),
      ),
    ).toEqual(['badArgument']);
    expect(
      errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01')),
    ).toEqual(['badArgument']);
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&set=bad%20set'))).toEqual([
      'badArgument',
    ]);
    expect(
      errorCodes(await oai(ctx, 'verb=ListIdentifiers&resumptionToken=x&metadataPrefix=oai_dc')),
    ).toEqual(['badArgument']);
    // Several problems are all reported; the request element then carries only the base URL.
    const many = await oai(ctx, 'verb=ListRecords&a=1&b=2');
    expect(errorCodes(many)).toEqual(['badArgument', 'badArgument', 'badArgument']);
    expect(many).toContain('<request>http://localhost:3000/oai</request>');
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=dc'))).toEqual([
      'cannotDisseminateFormat',
    ]);
  });

  it('selects by set and by from/until at both granularities; noRecordsMatch otherwise', async () => {
    const museumOnly = await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=unit:bao-tang-tinh');
    expect(identifiers(museumOnly)).toEqual([idOf(objectId)]);
    const objects = await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:museum_object');
    expect(identifiers(objects)).toEqual([idOf(objectId)]);
    const all = identifiers(await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=unit'));
    expect(all).toContain(idOf(bookId));
    expect(all).not.toContain(idOf(hiddenId));
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&set=type:exhibition'))).toEqual([
      'noRecordsMatch',
    ]);
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&set=unit:khong-co'))).toEqual([
      'noRecordsMatch',
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const day = identifiers(
      await oai(ctx, `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${today}&until=${today}`),
    );
    expect(day).toContain(idOf(bookId));
    expect(
      errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01T00:00:00Z')),
    ).toEqual(['noRecordsMatch']);
    expect(errorCodes(await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&until=2000-01-01'))).toEqual([
      'noRecordsMatch',
    ]);
    // A record moved to a later datestamp falls inside a `from` that excludes the others.
    await ctx.deps.db.execute(
      sql`UPDATE catalogue_oai_items SET datestamp = '2001-01-01T00:00:00Z' WHERE record_id <> ${objectId}`,
    );
    await ctx.deps.db.execute(
      sql`UPDATE catalogue_oai_items SET datestamp = '2001-06-01T12:30:45.6Z' WHERE record_id = ${objectId}`,
    );
    const exact = await oai(
      ctx,
      'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2001-06-01T12:30:45Z&until=2001-06-01T12:30:45Z',
    );
    expect(identifiers(exact)).toEqual([idOf(objectId)]);
    expect(exact).toContain('<datestamp>2001-06-01T12:30:45Z</datestamp>');
    expect(
      errorCodes(
        await oai(
          ctx,
          'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2001-06-01T12:30:46Z&until=2001-12-31',
        ),
      ),
    ).toEqual(['badArgument']);
    expect(
      errorCodes(
        await oai(
          ctx,
          'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2001-06-01T12:30:46Z&until=2001-12-31T00:00:00Z',
        ),
      ),
    ).toEqual(['noRecordsMatch']);
  });

  it('keeps deletions: unpublished and removed records stay as deleted headers', async () => {
    const before = await ctx.deps.repos.catalogue.getRecord(ctx.deps.db, objectId);
    const curator = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await updateCatalogueRecord(ctx.deps, curator, objectId, {
      version: before?.version ?? 1,
      published: false,
    });
    const xml = await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&set=unit:bao-tang-tinh');
    expect(xml).toContain('<header status="deleted">');
    expect(xml).not.toContain('<metadata>');
    const got = await oai(ctx, `verb=GetRecord&identifier=${idOf(objectId)}&metadataPrefix=marcxml`);
    expect(got).toContain('<header status="deleted">');
    // Physically deleted: the tombstone stays.
    const gone = recordValues({ unitId: library, title: 'Sẽ bị xóa' });
    await insertRecords(ctx, [gone]);
    await ctx.deps.db.execute(sql`DELETE FROM catalogue_records WHERE id = ${gone.id}`);
    const tomb = await oai(ctx, `verb=GetRecord&identifier=${idOf(gone.id)}&metadataPrefix=oai_dc`);
    expect(tomb).toContain('<header status="deleted">');
    // Published again: a normal record with a new datestamp.
    const hidden = await ctx.deps.repos.catalogue.getRecord(ctx.deps.db, objectId);
    await updateCatalogueRecord(ctx.deps, curator, objectId, {
      version: hidden?.version ?? 1,
      published: true,
    });
    const back = await oai(ctx, `verb=GetRecord&identifier=${idOf(objectId)}&metadataPrefix=oai_dc`);
    expect(back).not.toContain('status="deleted"');
    expect(back).toContain('<dc:title>Trống đồng Đông Sơn</dc:title>');
  });

  it('answers form POSTs like GETs', async () => {
    const res = await ctx.app.request('http://localhost:3000/oai', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListSets',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toContain('<setSpec>unit:thu-vien-tinh</setSpec>');
  });

  it('pages with tokens that survive changes: every record exactly once', async () => {
    const many = Array.from({ length: 2 * LIST_RECORDS_PAGE + 30 }, (_, i) =>
      recordValues({ unitId: library, title: `Sách phân trang ${i}`, type: 'learning_resource' }),
    );
    await insertRecords(ctx, many);
    const q = 'verb=ListRecords&metadataPrefix=oai_dc&set=type:learning_resource';
    const first = await oai(ctx, q);
    expect(first).toMatch(/<resumptionToken completeListSize="230" cursor="0" expirationDate="[^"]+">/);
    const seen: string[] = identifiers(first);
    expect(seen).toHaveLength(LIST_RECORDS_PAGE);
    // Between pages: edit a record already listed and one not yet listed, unpublish one not yet listed,
    // and add new ones.
    const edit = async (id: string, title: string) =>
      ctx.deps.db.execute(sql`UPDATE catalogue_records SET title = ${title} WHERE id = ${id}`);
    await edit(many[3]?.id as string, 'Đã sửa (đã liệt kê)');
    await edit(many[150]?.id as string, 'Đã sửa (chưa liệt kê)');
    await ctx.deps.db.execute(
      sql`UPDATE catalogue_records SET published = false WHERE id = ${many[160]?.id as string}`,
    );
    const added = [recordValues({ unitId: library, title: 'Mới thêm', type: 'learning_resource' })];
    await insertRecords(ctx, added);
    let token = tokenOf(first);
    let pages = 1;
    let last = first;
    let all = first;
    while (token) {
      last = await oai(ctx, `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
      all += last;
      expect(errorCodes(last)).toEqual([]);
      seen.push(...identifiers(last));
      token = tokenOf(last);
      pages++;
    }
    expect(pages).toBe(3);
    expect(last).toMatch(/<resumptionToken completeListSize="231" cursor="200"\/>/);
    const expected = [...many, ...added].map((r) => idOf(r.id));
    expect(seen.sort()).toEqual(expected.sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.match(/<header status="deleted">/g)).toHaveLength(1);
  });

  it('refuses garbled, forged, wrong-verb and expired tokens', async () => {
    const first = await oai(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:learning_resource');
    const first2 = await oai(ctx, 'verb=ListRecords&metadataPrefix=oai_dc&set=type:learning_resource');
    const token = tokenOf(first2) as string;
    expect(token).toBeTruthy();
    expect(tokenOf(first)).toBeNull(); // 231 identifiers fit one ListIdentifiers page
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(
      Buffer.from(body, 'base64url')
        .toString()
        .replace(/"oai_dc"/, '"marcxml"'),
    ).toString('base64url');
    for (const bad of ['garbage', `${body}.AAAA`, `${forged}.${mac}`, `${body.slice(1)}.${mac}`]) {
      const xml = await oai(ctx, `verb=ListRecords&resumptionToken=${encodeURIComponent(bad)}`);
      expect(errorCodes(xml)).toEqual(['badResumptionToken']);
    }
    const wrongVerb = await oai(ctx, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
    expect(errorCodes(wrongVerb)).toEqual(['badResumptionToken']);
    const realNow = ctx.deps.now;
    ctx.deps.now = () => new Date(Date.now() + 2 * 24 * 3600 * 1000);
    try {
      const expired = await oai(ctx, `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
      expect(errorCodes(expired)).toEqual(['badResumptionToken']);
      expect(expired).toContain('expired');
    } finally {
      ctx.deps.now = realNow;
    }
  });

  it('never answers anything but a 200 OAI-PMH document, whatever the arguments', async () => {
    const key = fc.constantFrom(
      'verb',
      'metadataPrefix',
      'from',
      'until',
      'set',
      'identifier',
      'resumptionToken',
      'x',
    );
    const value = fc.oneof(
      fc.constantFrom(
        'ListRecords',
        'GetRecord',
        'ListIdentifiers',
        'Identify',
        'ListSets',
        'oai_dc',
        'marcxml',
      ),
      fc.constantFrom('2020-01-01', '2020-01-01T00:00:00Z', 'unit:thu-vien-tinh', '', '%', '<&>'),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 5 }), async (pairs) => {
        const params = new URLSearchParams(pairs.filter(([, v]) => !v.includes('\u0000')));
        const res = await ctx.request(`/oai?${params}`);
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<OAI-PMH /);
        expect(text).toMatch(/<\/OAI-PMH>\n$/);
      }),
      { numRuns: 60 },
    );
  });

  it('serves robots.txt and a sitemap of published records', async () => {
    const robots = await (await ctx.request('/robots.txt')).text();
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect(robots).toContain('Disallow: /admin');
    const res = await ctx.request('/sitemap.xml');
    expect(res.status).toBe(200);
    const index = await res.text();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain('<loc>http://localhost:3000/sitemaps/records-1.xml</loc>');
    const xml = await (await ctx.request('/sitemaps/records-1.xml')).text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<loc>http://localhost:3000/records/${bookId}</loc>`);
    expect(xml).not.toContain(hiddenId);
    expect((await ctx.request('/sitemaps/records-9.xml')).status).toBe(404);
    expect((await ctx.request('/sitemaps/other.xml')).status).toBe(404);
  });
});
