import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLeader, readIso2709, writeIso2709 } from './iso2709.ts';
import type { MarcField, MarcReadResult, MarcRecord } from './marc.types.ts';
import { field008, marcToRecord, recordToMarc } from './marc-map.server.ts';
import { decodeMarc8 } from './marc8.ts';
import { MARCXML_FOOTER, MARCXML_HEADER, marcXmlRecord } from './marcxml.server.ts';
import { readMarcXml } from './marcxml-reader.server.ts';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function collect(gen: AsyncGenerator<MarcReadResult>): Promise<MarcReadResult[]> {
  const out: MarcReadResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// Values without MARC delimiters or XML-forbidden characters, including Vietnamese text.
const value = fc.string({
  unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạệĐ 0123456789.,-&<>"\''.split('')),
  maxLength: 40,
});
const field: fc.Arbitrary<MarcField> = fc.oneof(
  fc.record({ tag: fc.constantFrom('001', '003', '005', '008'), value }),
  fc.record({
    tag: fc.integer({ min: 10, max: 999 }).map((n) => String(n).padStart(3, '0')),
    ind1: fc.constantFrom(' ', '0', '1', '4'),
    ind2: fc.constantFrom(' ', '0', '4'),
    subfields: fc.array(fc.record({ code: fc.constantFrom('a', 'b', 'c', 'x', '6', '9'), value }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
);
const record: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.constantFrom('00000nam a2200000 i 4500', '00000cas a2200000 a 4500', '00000nrm a2200000   4500'),
  fields: fc.array(field, { minLength: 1, maxLength: 12 }),
});

const book = (id: string, title: string): MarcRecord => ({
  leader: '00000nam a2200000 i 4500',
  fields: [
    { tag: '001', value: id },
    { tag: '003', value: 'VN-KHA' },
    { tag: '008', value: '240101s2015    vm            000 0 vie d' },
    { tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: '978-604-0-12345-6 (bìa mềm)' }] },
    { tag: '100', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: 'Nguyễn, Văn Đức,' }] },
    {
      tag: '245',
      ind1: '1',
      ind2: '0',
      subfields: [
        { code: 'a', value: `${title} /` },
        { code: 'c', value: 'Nguyễn Văn Đức.' },
      ],
    },
    {
      tag: '264',
      ind1: ' ',
      ind2: '1',
      subfields: [
        { code: 'a', value: 'Nha Trang :' },
        { code: 'b', value: 'Nxb. Tổng hợp,' },
        { code: 'c', value: '2015.' },
      ],
    },
    {
      tag: '650',
      ind1: ' ',
      ind2: '4',
      subfields: [
        { code: 'a', value: 'Lịch sử' },
        { code: 'z', value: 'Khánh Hòa' },
      ],
    },
    {
      tag: '852',
      ind1: ' ',
      ind2: ' ',
      subfields: [
        { code: 'b', value: 'Kho mượn' },
        { code: 'h', value: '959.7 NG-Đ' },
      ],
    },
  ],
});

describe('ISO 2709', () => {
  it('reads back exactly what it wrote, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 97 }),
        async (recs, size) => {
          const bytes = concat(recs.map(writeIso2709));
          const read = await collect(readIso2709(chunked(bytes, size)));
          expect(
            read.map((r) => (r.ok ? { ...r.record, leader: normaliseLeader(r.record.leader) } : r)),
          ).toEqual(recs.map((r) => ({ ...r, leader: normaliseLeader(r.leader) })));
          expect(read.at(-1)?.next).toBe(bytes.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on corrupted bytes: every item is a record or a positioned error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
        fc.nat(),
        async (recs, flips, cut) => {
          const bytes = concat(recs.map(writeIso2709)).slice();
          for (const f of flips) bytes[f.at % bytes.length] = f.byte;
          const truncated = bytes.subarray(0, bytes.length - (cut % 30));
          const read = await collect(readIso2709(chunked(truncated, 64)));
          for (const r of read) {
            expect(r.position).toBeGreaterThanOrEqual(0);
            expect(r.next).toBeGreaterThan(r.position);
            if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports a bad leader and a wrong length with their byte offsets and goes on', async () => {
    const a = writeIso2709(book('1', 'Một'));
    const bad = writeIso2709(book('2', 'Hai')).slice();
    bad.set(new TextEncoder().encode('12x45'), 0);
    const wrong = writeIso2709(book('3', 'Ba')).slice();
    wrong.set(new TextEncoder().encode(String(wrong.length - 3).padStart(5, '0')), 0);
    const c = writeIso2709(book('4', 'Bốn'));
    const read = await collect(readIso2709(chunked(concat([a, bad, wrong, c]), 1000)));
    expect(read.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(read[1]).toMatchObject({ position: a.length, error: expect.stringContaining('bad leader') });
    expect(read[2]).toMatchObject({
      position: a.length + bad.length,
      error: expect.stringContaining('wrong record length'),
    });
  });

  it('reports a truncated last record', async () => {
    const a = writeIso2709(book('1', 'Một'));
    const b = writeIso2709(book('2', 'Hai'));
    const read = await collect(readIso2709(chunked(concat([a, b.subarray(0, 50)]), 16)));
    expect(read[1]).toMatchObject({
      ok: false,
      position: a.length,
      error: expect.stringContaining('truncated'),
    });
  });

  it('decodes MARC-8 (leader/09 blank), Vietnamese included, and refuses unknown escape sequences', async () => {
    // "Việt Nam" in MARC-8: dot below (F2) and circumflex (E3) precede the e.
    expect(decodeMarc8(new Uint8Array([0x56, 0x69, 0xf2, 0xe3, 0x65, 0x74, 0x20, 0xb3, 0xe1, 0x61]))).toBe(
      'Việt đà',
    );
    expect(decodeMarc8(new Uint8Array([0xac, 0xbd]))).toBe('Ơư');
    expect(() => decodeMarc8(new Uint8Array([0x41, 0x1b, 0x28, 0x5a, 0x41]))).toThrow(
      'unknown MARC-8 escape sequence at byte 1 (final byte 0x5A)',
    );
    const utf8 = writeIso2709({
      leader: '00000nam a2200000 i 4500',
      fields: [{ tag: '001', value: 'x' }],
    }).slice();
    utf8[9] = 0x20;
    const read = await collect(readIso2709(chunked(utf8, 100)));
    expect(read[0]).toMatchObject({ ok: true });
  });
});

describe('MARCXML', () => {
  const xml = (recs: MarcRecord[]) => MARCXML_HEADER + recs.map(marcXmlRecord).join('') + MARCXML_FOOTER;

  it('reads back exactly what it wrote', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 200 }),
        async (recs, size) => {
          const bytes = new TextEncoder().encode(xml(recs));
          const read = await collect(readMarcXml(chunked(bytes, size)));
          expect(read.map((r) => (r.ok ? r.record : r))).toEqual(recs);
          // Positions are byte offsets of each <record> and of the byte after its </record>.
          for (const r of read) {
            expect(new TextDecoder().decode(bytes.subarray(r.position, r.position + 8))).toBe('<record>');
            expect(new TextDecoder().decode(bytes.subarray(r.next - 9, r.next))).toBe('</record>');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('MARC → record', () => {
  it('maps title, creators, subjects, ISBN, year, language, control number and holdings', () => {
    const mapped = marcToRecord(book('42', 'Lịch sử Khánh Hòa'), { unitId: 'unit_x', published: true });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.input).toMatchObject({
      type: 'book',
      title: 'Lịch sử Khánh Hòa',
      creators: ['Nguyễn, Văn Đức'],
      subjects: ['Lịch sử -- Khánh Hòa'],
      isbn: '9786040123456',
      year: 2015,
      language: 'vie',
      controlNumber: '42',
      controlSource: 'VN-KHA',
      details: { publisher: 'Nxb. Tổng hợp', place: 'Nha Trang' },
      holdings: [{ location: 'Kho mượn', callNumber: '959.7 NG-Đ', availability: 'available' }],
    });
  });

  it('refuses a record without a title', () => {
    expect(
      marcToRecord(
        { leader: '00000nam a2200000 i 4500', fields: [{ tag: '001', value: '1' }] },
        { unitId: 'u', published: false },
      ),
    ).toEqual({
      ok: false,
      error: 'no title (245 $a)',
    });
  });

  it('exports a record that maps back to the same fields', () => {
    const out = recordToMarc({
      id: 'rec_x',
      type: 'book',
      title: 'Gốm Chăm',
      creators: ['Trần Thị Hoa'],
      subjects: ['Gốm -- Khánh Hòa'],
      dateText: '2001',
      year: 2001,
      language: 'vie',
      description: null,
      rights: null,
      isbn: '9786040000001',
      issn: null,
      controlNumber: '7',
      controlSource: 'VN-KHA',
      details: { publisher: 'Nxb. Trẻ' },
      holdings: [],
    });
    const back = marcToRecord(out, { unitId: 'u', published: false });
    expect(back).toMatchObject({
      ok: true,
      input: {
        title: 'Gốm Chăm',
        creators: ['Trần Thị Hoa'],
        year: 2001,
        isbn: '9786040000001',
        language: 'vie',
      },
    });
  });

  describe('008 of a record made on the platform (MARC 21 bibliographic 008, books)', () => {
    const base = { year: 2001, language: 'vie', details: {}, createdAt: new Date('2026-03-31T18:30:00Z') };
    it('is 40 characters: date entered (Viet Nam date), s + date 1, place, language, source d', () => {
      const v = field008({ ...base, details: { place: 'Nha Trang' } });
      expect(v).toHaveLength(40);
      expect(v.slice(0, 6)).toBe('260401'); // 01:30 on 1 April in Viet Nam
      expect(v.slice(6, 15)).toBe('s2001    ');
      expect(v.slice(15, 18)).toBe('vm ');
      expect(v.slice(35, 38)).toBe('vie');
      expect(v.charAt(39)).toBe('d');
    });
    it('does not claim Viet Nam for a New York imprint or an unknown place', () => {
      expect(field008({ ...base, details: { place: 'New York' } }).slice(15, 18)).toBe('xx ');
      expect(field008(base).slice(15, 18)).toBe('xx ');
      expect(field008({ ...base, details: { place: 'TP. Hồ Chí Minh' } }).slice(15, 18)).toBe('vm ');
    });
    it('says the date is unknown (n) rather than blank when there is no year', () => {
      expect(field008({ ...base, year: null }).slice(6, 15)).toBe('nuuuuuuuu');
    });
  });
});
