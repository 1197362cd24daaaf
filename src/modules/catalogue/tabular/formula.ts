// Spreadsheet formula injection (CSV injection): a cell such as `=cmd|' /C calc'!A0` or `@SUM(A1)` becomes a
// live formula when a CSV export is opened in a spreadsheet program. Imported cells are only ever stored as
// plain text (nothing is evaluated); cells that look like formulas are flagged in the import report, and
// every CSV this module writes neutralises them with a leading apostrophe (OWASP's recommendation).

const TRIGGER = /^[=+\-@\t\r]/;
/** A plain signed number ("-5", "+84 258 3822 000", "-1.234,5") is data, not a formula. */
const SIGNED_NUMBER = /^[+-]?[\d\s.,()]+$/;

/** True when a spreadsheet program would read the cell as a formula (or DDE command). */
export function looksLikeFormula(cell: string): boolean {
  const s = cell.trimStart();
  if (!TRIGGER.test(cell) && !/^[=+\-@]/.test(s)) return false;
  if (s === '' || s === '-' || s === '+') return false;
  if (SIGNED_NUMBER.test(s)) return false;
  return true;
}

/** The cell as it must be written to a CSV file: formulas neutralised, quoted when needed (RFC 4180). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && (looksLikeFormula(s) || /^[\t\r]/.test(s))) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (CRLF-terminated) from cells. */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
