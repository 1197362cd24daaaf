// Opening a spreadsheet upload: which format, which encoding and delimiter (CSV), its columns, a sample of
// rows for the mapping screen, and the limits (size, rows, columns) with a clear reason when refused.
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { readCsvRows } from './csv-reader.server.ts';
import { type CsvDelimiter, type CsvEncoding, detectDelimiter, detectFileEncoding } from './decode.server.ts';
import {
  MAX_TABULAR_BYTES,
  MAX_TABULAR_COLUMNS,
  MAX_TABULAR_ROWS,
  type TabularFormat,
  type TabularRow,
  type TabularSource,
} from './tabular.types.ts';
import { readXlsxRows } from './xlsx-reader.server.ts';

const refuse = (code: string, key: MessageKey, status = 422, params?: Record<string, string | number>) =>
  new AppError(`catalogue.tabular.${code}`, status, key, params ? { params } : {});

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Rows of a stored upload, header first; `skip` data rows are read past (resuming a job). */
export function readTabular(
  source: TabularSource,
  skip = 0,
): AsyncGenerator<TabularRow | { header: string[] }> {
  if (source.format === 'xlsx') return readXlsxRows(source.path, skip);
  return readCsvRows(source.path, source.encoding ?? 'utf-8', source.delimiter ?? ',', skip);
}

export interface InspectedFile {
  source: TabularSource;
  columns: string[];
  totalRows: number;
  sample: TabularRow[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Detects the format from the content (never the file name) and reads the file once, checking the limits. */
export async function inspectTabularFile(path: string, sampleSize = 10): Promise<InspectedFile> {
  const size = (await stat(path)).size;
  if (size === 0) throw refuse('empty', 'catalogueTabular.error.empty');
  if (size > MAX_TABULAR_BYTES)
    throw refuse('too_large', 'catalogueTabular.error.tooLarge', 413, { mb: MAX_TABULAR_BYTES >> 20 });
  const first = await head(path, 4096);
  let format: TabularFormat;
  let encoding: CsvEncoding | null = null;
  let delimiter: CsvDelimiter | null = null;
  if (ZIP.every((b, i) => first[i] === b)) format = 'xlsx';
  else if (OLE.every((b, i) => first[i] === b)) throw refuse('xls', 'catalogueTabular.error.oldExcel');
  else {
    const verdict = await detectFileEncoding(path);
    if (!verdict.ok)
      throw verdict.reason === 'encoding'
        ? refuse('encoding', 'catalogueTabular.error.encoding')
        : verdict.reason === 'utf16'
          ? refuse('utf16', 'catalogueTabular.error.encoding')
          : refuse('not_csv', 'catalogueTabular.error.notTabular');
    format = 'csv';
    encoding = verdict.encoding;
    const text = first.toString(encoding === 'windows-1258' ? 'latin1' : 'utf8').replace(/^\uFEFF/, '');
    delimiter = detectDelimiter(text.split(/\r?\n/)[0] ?? '');
  }
  const source: TabularSource = { path, format, encoding, delimiter };
  let columns: string[] | null = null;
  let totalRows = 0;
  let lastNonBlank = 0;
  const sample: TabularRow[] = [];
  for await (const item of readTabular(source)) {
    if ('header' in item) {
      columns = item.header.map((h) => h.trim());
      while (columns.length > 0 && columns.at(-1) === '') columns.pop();
      if (columns.length > MAX_TABULAR_COLUMNS)
        throw refuse('too_many_columns', 'catalogueTabular.error.tooManyColumns', 422, {
          max: MAX_TABULAR_COLUMNS,
        });
      continue;
    }
    totalRows++;
    if (item.cells.some((c) => c.trim() !== '')) lastNonBlank = totalRows;
    if (totalRows > MAX_TABULAR_ROWS)
      throw refuse('too_many_rows', 'catalogueTabular.error.tooManyRows', 422, { max: MAX_TABULAR_ROWS });
    if (sample.length < sampleSize && item.cells.some((c) => c.trim() !== '')) sample.push(item);
  }
  if (!columns || columns.length === 0) throw refuse('empty', 'catalogueTabular.error.empty');
  if (lastNonBlank === 0) throw refuse('no_rows', 'catalogueTabular.error.noRows');
  return { source, columns, totalRows, sample };
}
