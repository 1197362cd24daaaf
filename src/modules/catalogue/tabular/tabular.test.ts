import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, detectEncoding, detectFileEncoding } from './decode.server.ts';
import { csvCell, csvLine, looksLikeFormula } from './formula.ts';
import { checkMapping, type MappingContext, mapRow, yearOf } from './mapping.server.ts';
import { inspectTabularFile, readTabular } from './read.server.ts';
import { toWindows1258 } from './tabular.test-helpers.ts';
import type { TabularRow } from './tabular.types.ts';
import { fieldForHeader, languageOf, recordTypeOf, suggestMapping } from './vocabulary.ts';

const VI_LETTERS = [
  ...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ',
];
const viText = fc
  .array(fc.oneof(fc.constantFrom(...VI_LETTERS), fc.constantFrom(' ', ',', '1', 'A', 'Đ', 'Ư', 'Ố')), {
    minLength: 1,
    maxLength: 40,
  })
  .map((cs) => cs.join(''));

describe('encodings', () => {
  it('tells UTF-8, UTF-8 with BOM and Windows-1258 apart', () => {
    const text = 'Nhan đề;Tác giả\nLịch sử Khánh Hòa;Nguyễn Văn A\n';
    expect(detectEncoding(Buffer.from(text))).toEqual({ ok: true, encoding: 'utf-8' });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      ok: true,
      encoding: 'utf-8-bom',
    });
    expect(detectEncoding(toWindows1258(text))).toEqual({ ok: true, encoding: 'windows-1258' });
  });

  it('decodes Windows-1258 (combining tone marks) to the same NFC text as UTF-8', () => {
    fc.assert(
      fc.property(viText, (s) => {
        const bytes = toWindows1258(s);
        const verdict = detectEncoding(bytes);
        const expected = s.normalize('NFC');
        if (verdict.ok && verdict.encoding === 'windows-1258') {
          expect(decodeText(bytes, 'windows-1258')).toBe(expected);
        } else {
          // pure ASCII is valid UTF-8 too
          expect(decodeText(bytes, 'utf-8')).toBe(expected);
        }
      }),
    );
  });

  it('refuses binary files and UTF-16', () => {
    expect(detectEncoding(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toEqual({
      ok: false,
      reason: 'binary',
    });
    expect(detectEncoding(Buffer.from('\ufeffabc', 'utf16le'))).toEqual({ ok: false, reason: 'utf16' });
    // 0x81 is undefined in Windows-1258 and invalid UTF-8
    expect(detectEncoding(Buffer.from([0x41, 0x81, 0x42]))).toEqual({ ok: false, reason: 'encoding' });
  });

  it('strips the BOM when decoding', () => {
    expect(decodeText(Buffer.from('\ufeffNhan đề', 'utf8'), 'utf-8-bom')).toBe('Nhan đề');
  });

  it('detects the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('Nhan đề;Tác giả;Năm')).toBe(';');
    expect(detectDelimiter('"Nhan đề; phụ đề",Tác giả,Năm')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('title')).toBe(',');
  });
});

describe('formulas', () => {
  it('flags cells a spreadsheet would evaluate, but not signed numbers', () => {
    for (const f of ["=cmd|' /C calc'!A0", '@SUM(A1:A2)', '+HYPERLINK("http://x")', '-2+3*cmd|x', '=1+1'])
      expect(looksLikeFormula(f), f).toBe(true);
    for (const s of ['-5', '+84 258 3822 000', '-', 'Khánh Hòa', '', '1.234,5', 'a=b'])
      expect(looksLikeFormula(s), s).toBe(false);
  });

  it('never writes a CSV cell a spreadsheet would evaluate', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(looksLikeFormula(unquoted) && !unquoted.startsWith("'")).toBe(false);
      }),
    );
    expect(csvLine(["=cmd|' /C calc'!A0", 'a,b', 12])).toBe(`'=cmd|' /C calc'!A0,"a,b",12\r\n`);
  });
});

describe('column mapping', () => {
  it('suggests fields from Vietnamese and English headers, folded', () => {
    expect(fieldForHeader('Nhan đề')).toBe('title');
    expect(fieldForHeader('NHAN DE')).toBe('title');
    expect(fieldForHeader('Tên hiện vật')).toBe('title');
    expect(fieldForHeader('TÁC GIẢ')).toBe('creators');
    expect(fieldForHeader('Tên tác giả')).toBe('creators');
    expect(fieldForHeader('Số đăng ký cá biệt')).toBe('inventoryNo');
    expect(fieldForHeader('ISBN')).toBe('isbn');
    expect(fieldForHeader('Call number')).toBe('callNumber');
    expect(fieldForHeader('Ghi chú nội bộ của kho')).toBe('description');
    expect(fieldForHeader('Cột lạ')).toBeUndefined();
    expect(suggestMapping(['Nhan đề', 'Nhan đề', 'Tác giả', 'Đồng tác giả', 'xyz'])).toEqual({
      0: 'title',
      2: 'creators',
      3: 'creators',
    });
  });

  it('requires a title column and one column per single-valued field', () => {
    expect(checkMapping({ 0: 'creators' }, 2)).toEqual({ ok: false, error: 'titleMissing' });
    expect(checkMapping({ 0: 'title', 1: 'title' }, 2)).toEqual({
      ok: false,
      error: 'duplicate',
      field: 'title',
    });
    expect(checkMapping({ 0: 'title', 1: 'ignore', 5: 'isbn', 2: 'nonsense' }, 3)).toEqual({
      ok: true,
      mapping: { 0: 'title' },
    });
  });

  it('understands type, language and year cells', () => {
    expect(recordTypeOf('Hiện vật')).toBe('museum_object');
    expect(recordTypeOf('SÁCH')).toBe('book');
    expect(recordTypeOf('museum_object')).toBe('museum_object');
    expect(languageOf('Tiếng Việt')).toBe('vie');
    expect(languageOf('eng')).toBe('eng');
    expect(languageOf('Tiếng Klingon')).toBeUndefined();
    expect(yearOf('1975')).toBe(1975);
    expect(yearOf('khoảng năm 1930')).toBe(1930);
    expect(yearOf('2020-05-01')).toBe(2020);
    expect(yearOf('thế kỷ XIX')).toBeUndefined();
  });
});

describe('mapping a row', () => {
  const columns = ['Nhan đề', 'Tác giả', 'Năm', 'Ngôn ngữ', 'ISBN', 'Số ĐKCB', 'Kho', 'Tình trạng'];
  const ctx: MappingContext = { unitId: 'unit_x', publish: true, defaultType: 'book', columns };
  const mapping = suggestMapping(columns);
  const row = (cells: string[], formulaColumns: number[] = []): TabularRow => ({
    index: 0,
    rowNumber: 2,
    cells,
    formulaColumns,
  });

  it('maps the header suggestions to a complete record with a holding', () => {
    expect(mapping).toEqual({
      0: 'title',
      1: 'creators',
      2: 'date',
      3: 'language',
      4: 'isbn',
      5: 'inventoryNo',
      6: 'location',
      7: 'availability',
    });
    const m = mapRow(
      row([
        'Lịch sử Khánh Hòa',
        'Nguyễn A; Trần B',
        '2019',
        'Tiếng Việt',
        '978-604-0-00000-2',
        'VV.001',
        'Kho 1',
        'Đang mượn',
      ]),
      mapping,
      ctx,
    );
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    expect(m.input).toMatchObject({
      type: 'book',
      title: 'Lịch sử Khánh Hòa',
      creators: ['Nguyễn A', 'Trần B'],
      year: 2019,
      language: 'vie',
      isbn: '9786040000002',
      inventoryNo: 'VV.001',
      published: true,
      holdings: [{ location: 'Kho 1', availability: 'on_loan' }],
    });
    expect(m.matchKey).toBe('inv:VV.001');
  });

  it('reports every problem of a bad row and skips blank rows', () => {
    const bad = mapRow(row(['', 'A', '1975', 'Klingon', '123', '', '', 'mất']), mapping, ctx);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.code).sort()).toEqual(
      ['availabilityUnknown', 'isbnInvalid', 'languageUnknown', 'titleMissing'].sort(),
    );
    const blank = mapRow(row(['', ' ', '', '', '', '', '', '']), mapping, ctx);
    expect(blank).toMatchObject({ ok: false, blank: true });
  });

  it('keeps formula cells as plain text and flags them', () => {
    const m = mapRow(row(["=cmd|' /C calc'!A0", '', '', '', '', '', '', ''], [0]), mapping, ctx);
    expect(m).toMatchObject({
      ok: true,
      input: { title: "=cmd|' /C calc'!A0" },
      warnings: [{ code: 'formula', params: { column: 'Nhan đề' } }],
    });
  });

  it('gives the same hash to the same row and a different one when a cell changes', () => {
    fc.assert(
      fc.property(viText, viText, (title, other) => {
        const a = mapRow(row([title]), { 0: 'title' }, ctx);
        const b = mapRow(row([title]), { 0: 'title' }, ctx);
        const c = mapRow(row([`${other}!`]), { 0: 'title' }, ctx);
        if (!a.ok || !b.ok || !c.ok) return;
        expect(a.hash).toBe(b.hash);
        if (title.trim() !== `${other}!`.trim()) expect(a.hash).not.toBe(c.hash);
      }),
    );
  });
});

describe('reading files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tabular-'));
  });
  const file = async (name: string, body: string | Uint8Array) => {
    const p = join(dir, name);
    await writeFile(p, body);
    return p;
  };

  it('reads a Windows-1258 CSV with semicolons, blank lines and multi-line cells, numbering rows as a sheet', async () => {
    const csv = 'Nhan đề;Mô tả\r\nHòa bình;"dòng một\r\ndòng hai"\r\n\r\nĐất nước;x\r\n';
    const path = await file('cp1258.csv', toWindows1258(csv));
    expect(await detectFileEncoding(path)).toEqual({ ok: true, encoding: 'windows-1258' });
    const inspected = await inspectTabularFile(path);
    expect(inspected.source).toMatchObject({ format: 'csv', encoding: 'windows-1258', delimiter: ';' });
    expect(inspected.columns).toEqual(['Nhan đề', 'Mô tả']);
    expect(inspected.totalRows).toBe(3);
    expect(inspected.sample.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [2, 'Hòa bình'],
      [4, 'Đất nước'],
    ]);
    expect(inspected.sample[0]?.cells[1]).toBe('dòng một\r\ndòng hai');
    const resumed: number[] = [];
    for await (const item of readTabular(inspected.source, 2))
      if (!('header' in item)) resumed.push(item.rowNumber);
    expect(resumed).toEqual([4]);
  });

  it('refuses empty, header-only, binary and over-wide files with a reason', async () => {
    const reason = async (body: string | Uint8Array) =>
      inspectTabularFile(await file(`f${Math.random()}.csv`, body)).then(
        () => 'accepted',
        (e: { messageKey?: string }) => e.messageKey,
      );
    expect(await reason('')).toBe('catalogueTabular.error.empty');
    expect(await reason('Nhan đề,Tác giả\r\n')).toBe('catalogueTabular.error.noRows');
    expect(await reason(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x02, 0x03]))).toBe(
      'catalogueTabular.error.notTabular',
    );
    expect(await reason(`${Array.from({ length: 101 }, (_, i) => `c${i}`).join(',')}\nx\n`)).toBe(
      'catalogueTabular.error.tooManyColumns',
    );
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'catalogueTabular.error.oldExcel',
    );
    expect(await reason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe(
      'catalogueTabular.error.notTabular',
    );
  });

  it('refuses a CSV cut inside a quoted cell, naming the row where the damage starts', async () => {
    const path = await file('cut.csv', 'Nhan đề,Tác giả\n"Một",A\n"Hai\nhai dòng",B\n"Ba bị cắt');
    const refused = await inspectTabularFile(path).then(
      () => undefined,
      (e: { messageKey?: string; params?: Record<string, unknown> }) => e,
    );
    expect(refused).toMatchObject({ messageKey: 'catalogueTabular.error.malformedAt', params: { row: 4 } });
  });

  it('streams the first worksheet of an XLSX file, taking formula results as text and flagging them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hiện vật');
    ws.addRow(['Tên hiện vật', 'Số kiểm kê', 'Niên đại']);
    ws.addRow(['Trống đồng', 'BT-001', 1850]);
    ws.addRow([
      { formula: 'A2&" (bản sao)"', result: 'Trống đồng (bản sao)' },
      'BT-002',
      new Date(Date.UTC(1990, 4, 1)),
    ]);
    wb.addWorksheet('Khác').addRow(['bỏ qua']);
    const path = join(dir, 'objects.xlsx');
    await wb.xlsx.writeFile(path);
    const inspected = await inspectTabularFile(path);
    expect(inspected.source.format).toBe('xlsx');
    expect(inspected.columns).toEqual(['Tên hiện vật', 'Số kiểm kê', 'Niên đại']);
    expect(inspected.totalRows).toBe(2);
    expect(inspected.sample.map((r) => r.cells)).toEqual([
      ['Trống đồng', 'BT-001', '1850'],
      ['Trống đồng (bản sao)', 'BT-002', '1990-05-01'],
    ]);
    expect(inspected.sample[1]?.formulaColumns).toEqual([0]);
    expect(suggestMapping(inspected.columns)).toEqual({ 0: 'title', 1: 'inventoryNo', 2: 'date' });
  });
});
