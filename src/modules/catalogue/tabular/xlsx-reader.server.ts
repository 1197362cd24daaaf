// Streams the first worksheet of an XLSX upload (exceljs streaming reader: rows are never all in memory).
// Before exceljs sees the file, its ZIP directory is checked: it must be a workbook, with a bounded number of
// entries and a bounded total uncompressed size (zip bombs). Formula cells are never evaluated: the value the
// spreadsheet program stored with the formula is taken as plain text and the cell is flagged.
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError } from '../../../lib/errors.ts';
import { looksLikeFormula } from './formula.ts';
import type { TabularRow } from './tabular.types.ts';

const MAX_ENTRIES = 2000;
const MAX_UNCOMPRESSED = 300 * 1024 * 1024;
const MAX_RATIO = 200;

const notXlsx = () => new AppError('catalogue.tabular.not_xlsx', 422, 'catalogueTabular.error.notTabular');
const bomb = () => new AppError('catalogue.tabular.zip_bomb', 422, 'catalogueTabular.error.zipBomb');

/** Refuses files that are not a ZIP holding a workbook, or whose content would expand beyond the limits. */
export function checkXlsxContainer(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(notXlsx());
      let entries = 0;
      let total = 0;
      let workbook = false;
      zip.on('error', () => reject(notXlsx()));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        total += entry.uncompressedSize;
        if (entry.fileName === 'xl/workbook.xml') workbook = true;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
        if (
          entries > MAX_ENTRIES ||
          total > MAX_UNCOMPRESSED ||
          (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_RATIO)
        ) {
          zip.close();
          return reject(bomb());
        }
        zip.readEntry();
      });
      zip.on('end', () => (workbook ? resolve() : reject(notXlsx())));
      zip.readEntry();
    });
  });
}

type CellValue = ExcelJS.CellValue;

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A cell's value as plain text; `formula` tells whether it came from a formula cell. */
export function cellText(value: CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value.normalize('NFC'), formula: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), formula: false };
  if (value instanceof Date) return { text: isoDate(value), formula: false };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      const inner =
        result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
          ? ''
          : cellText(result as CellValue).text;
      return { text: inner, formula: true };
    }
    if ('richText' in value && Array.isArray(value.richText))
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .normalize('NFC'),
        formula: false,
      };
    if ('text' in value && typeof value.text === 'string')
      return { text: value.text.normalize('NFC'), formula: false };
    if ('error' in value) return { text: '', formula: false };
  }
  return { text: '', formula: false };
}

/** Header then data rows of the first worksheet; rows the sheet leaves out (blank) are not yielded. */
export async function* readXlsxRows(
  path: string,
  skip = 0,
): AsyncGenerator<TabularRow | { header: string[] }> {
  await checkXlsxContainer(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let index = -1;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        const formulaColumns: number[] = [];
        // exceljs rows are 1-based: values[0] is always empty.
        for (let col = 1; col < values.length; col++) {
          const { text, formula } = cellText(values[col] as CellValue);
          cells.push(text);
          if (formula || looksLikeFormula(text)) formulaColumns.push(col - 1);
        }
        if (index === -1) {
          index = 0;
          yield { header: cells };
          continue;
        }
        const i = index++;
        if (i < skip) continue;
        yield { index: i, rowNumber: row.number, cells, formulaColumns };
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('catalogue.tabular.xlsx_malformed', 422, 'catalogueTabular.error.malformed');
  }
}
