// MARC export of a search result: what the project's own readers read back from the exported MARCXML and
// ISO 2709 files is exactly the MARC the exporter mapped from each record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { normaliseLeader, readIso2709 } from '../marc/iso2709.ts';
import type { MarcRecord } from '../marc/marc.types.ts';
import { marcToRecord, recordToMarc } from '../marc/marc-map.server.ts';
import { readMarcXml } from '../marc/marcxml-reader.server.ts';
import { recordValues } from '../oai/oai.test-helpers.ts';
import { exportable } from '../oai/oai-xml.server.ts';

async function* chunks(b: Uint8Array) {
  // Small chunks: the readers must not depend on where the network splits the stream.
  for (let i = 0; i < b.length; i += 777) yield b.subarray(i, i + 777);
}

async function readAll(gen: AsyncGenerator<{ ok: boolean; record?: MarcRecord; error?: string }>) {
  const out: MarcRecord[] = [];
  for await (const r of gen) {
    if (!r.ok || !r.record) throw new Error(`unreadable record: ${r.error}`);
    out.push(r.record);
  }
  return out;
}

const comparable = (r: MarcRecord) => ({ leader: normaliseLeader(r.leader), fields: r.fields });

describe('MARC export', () => {
  let ctx: TestContext;
  let library: string;
  let museum: string;
  const ids: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const records = [
      recordValues({
        unitId: library,
        title: 'Khánh Hòa — đất & người <tập 1>',
        creators: ['Nguyễn Văn A', 'Trần Thị B'],
        subjects: ['Lịch sử -- Khánh Hòa -- Thế kỷ 20', 'Văn hóa'],
        description: 'Dòng một\nDòng hai "trích dẫn"',
        isbn: '9786040000001',
        rights: 'CC BY 4.0',
        details: { publisher: 'NXB Tổng hợp', place: 'Nha Trang' },
      }),
      recordValues({ unitId: library, title: 'Biển đảo Khánh Hòa', year: null, language: null }),
      recordValues({
        unitId: museum,
        title: 'Trống đồng',
        type: 'museum_object',
        creators: [],
        subjects: [],
      }),
      recordValues({ unitId: library, title: 'Khánh Hòa bản nháp', published: false }),
    ];
    await ctx.deps.db.transaction((tx) =>
      ctx.deps.repos.catalogue.insertRecords(tx, records, [
        {
          id: 'hld_aaaaaaaaaaaaaaaa',
          recordId: records[0]?.id ?? '',
          unitId: library,
          callNumber: '959.756',
          location: 'Kho mở, tầng 2',
          barcode: null,
          availability: 'available',
        },
      ]),
    );
    ids.push(...records.map((r) => r.id));
  }, 180_000);
  afterAll(() => ctx.close());

  /** The MARC the exporter maps from the published records, in insertion order. */
  async function expectedMarc(recordIds: string[]): Promise<MarcRecord[]> {
    const rows = await ctx.deps.repos.catalogue.getRecordsForExport(ctx.deps.db, recordIds);
    const holdings = await ctx.deps.repos.catalogue.listHoldings(ctx.deps.db, recordIds);
    return recordIds.map((id) => {
      const r = rows.find((x) => x.id === id);
      if (!r) throw new Error('missing');
      return recordToMarc(exportable({ ...r, holdings: holdings.filter((h) => h.recordId === id) }));
    });
  }

  it('ISO 2709 and MARCXML read back identically, published records only', async () => {
    const iso = await ctx.request('/api/v1/catalogue/export?format=iso2709');
    expect(iso.status).toBe(200);
    expect(iso.headers.get('content-type')).toBe('application/marc');
    expect(iso.headers.get('content-disposition')).toContain('catalogue.mrc');
    const isoRecords = await readAll(readIso2709(chunks(new Uint8Array(await iso.arrayBuffer()))));
    const xml = await ctx.request('/api/v1/catalogue/export?format=marcxml');
    expect(xml.headers.get('content-type')).toContain('application/marcxml+xml');
    const xmlText = await xml.text();
    expect(xmlText).toContain('<collection xmlns="http://www.loc.gov/MARC21/slim">');
    const xmlRecords = await readAll(readMarcXml(chunks(new TextEncoder().encode(xmlText))));
    const expected = (await expectedMarc(ids.slice(0, 3))).map(comparable);
    expect(isoRecords.map(comparable)).toEqual(expected);
    expect(xmlRecords.map(comparable)).toEqual(expected);
    // The export's leader is what MARC tools expect of a UTF-8 record.
    expect(isoRecords[0]?.leader.charAt(9)).toBe('a');
    // And the import mapping sees the same record again.
    const back = marcToRecord(isoRecords[0] as MarcRecord, { unitId: library, published: true });
    expect(back.ok && back.input).toMatchObject({
      title: 'Khánh Hòa — đất & người <tập 1>',
      creators: ['Nguyễn Văn A', 'Trần Thị B'],
      subjects: ['Lịch sử -- Khánh Hòa -- Thế kỷ 20', 'Văn hóa'],
      isbn: '9786040000001',
      description: 'Dòng một\nDòng hai "trích dẫn"',
      details: { publisher: 'NXB Tổng hợp', place: 'Nha Trang' },
    });
  });

  it('exports what the search finds: words and filters', async () => {
    const res = await ctx.request('/api/v1/catalogue/export?format=iso2709&q=khanh%20hoa&type=book');
    const records = await readAll(readIso2709(chunks(new Uint8Array(await res.arrayBuffer()))));
    expect(records.map(comparable)).toEqual((await expectedMarc(ids.slice(0, 2))).map(comparable));
    const museumOnly = await ctx.request(`/api/v1/catalogue/export?format=marcxml&institution=${museum}`);
    const xml = await readAll(readMarcXml(chunks(new TextEncoder().encode(await museumOnly.text()))));
    expect(xml).toHaveLength(1);
    const none = await ctx.request('/api/v1/catalogue/export?format=marcxml&q=khongcogi');
    expect(await readAll(readMarcXml(chunks(new TextEncoder().encode(await none.text()))))).toEqual([]);
  });

  it('validates the query', async () => {
    expect((await ctx.request('/api/v1/catalogue/export')).status).toBe(400);
    expect((await ctx.request('/api/v1/catalogue/export?format=csv')).status).toBe(400);
    expect((await ctx.request('/api/v1/catalogue/export?format=marcxml&page=2')).status).toBe(400);
  });
});
