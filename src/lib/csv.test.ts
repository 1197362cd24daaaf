import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('prefixes cells a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx']) expect(csvCell(s)).toBe(`"'${s}"`);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('Thư viện tỉnh')).toBe('"Thư viện tỉnh"');
    expect(csvCell(2026)).toBe('"2026"');
    expect(csvCell(null)).toBe('""');
  });

  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const csv = toCsv([
      ['Nội dung', 'Năm'],
      ['Đọc sách, "vui"', 2025],
    ]);
    expect(csv.startsWith('\uFEFF"Nội dung","Năm"\r\n')).toBe(true);
    expect(csv.endsWith('"Đọc sách, ""vui""","2025"\r\n')).toBe(true);
  });
});
