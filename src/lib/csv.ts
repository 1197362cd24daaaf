// CSV a spreadsheet opens safely: UTF-8 with a BOM (Excel reads Vietnamese correctly), CRLF line ends, every cell
// quoted, and cells a spreadsheet would run as a formula (= + - @ tab CR) prefixed with an apostrophe.

export type CsvValue = string | number | null;

/** A cell a spreadsheet cannot take for a formula, quoted for CSV. */
export function csvCell(value: CsvValue): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
