// Streams a CSV upload as rows: bytes → text in the detected encoding → csv-parse → NFC cells. Rows are
// numbered as a spreadsheet program shows them (header = row 1), blank lines included, so the row numbers in
// the validation report are the ones staff see when they open the file.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../../lib/errors.ts';
import { type CsvDelimiter, type CsvEncoding, decodingStream } from './decode.server.ts';
import { looksLikeFormula } from './formula.ts';
import { MAX_CELL_CHARS, type TabularRow } from './tabular.types.ts';

export async function* readCsvRecords(
  path: string,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
): AsyncGenerator<string[]> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_CELL_CHARS * 4,
    // A damaged record is reported (below) instead of destroying the stream: a stream that errors drops the
    // good records still buffered in it, so how many rows before the damage arrive would depend on timing.
    skip_records_with_error: true,
  });
  let damagedAfter: number | undefined; // records (header included) before the first damaged one
  parser.on('skip', (e: { records?: unknown }) => {
    damagedAfter ??= typeof e.records === 'number' ? e.records : 0;
  });
  // The damaged row, numbered as a spreadsheet shows it (the header is row 1).
  const malformed = (row: number) =>
    new AppError('catalogue.tabular.csv_malformed', 422, 'catalogueTabular.error.malformedAt', {
      params: { row },
    });
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  const stream = pipeline(source, decodingStream(encoding), parser, () => {});
  let read = 0;
  try {
    for await (const record of stream as AsyncIterable<string[]>) {
      if (damagedAfter !== undefined && read >= damagedAfter) break;
      read++;
      yield record;
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) throw malformed(read + 1);
    throw e;
  } finally {
    source.destroy();
  }
  if (damagedAfter !== undefined) throw malformed(Math.min(read, damagedAfter) + 1);
}

export async function* readCsvRows(
  path: string,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  skip = 0,
): AsyncGenerator<TabularRow | { header: string[] }> {
  let index = -1;
  for await (const record of readCsvRecords(path, encoding, delimiter)) {
    const cells = record.map((c) => c.normalize('NFC'));
    if (index === -1) {
      index = 0;
      yield { header: cells };
      continue;
    }
    const i = index++;
    if (i < skip) continue;
    const formulaColumns: number[] = [];
    cells.forEach((c, col) => {
      if (looksLikeFormula(c)) formulaColumns.push(col);
    });
    yield { index: i, rowNumber: i + 2, cells, formulaColumns };
  }
}
