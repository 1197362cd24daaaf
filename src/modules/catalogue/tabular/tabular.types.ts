// Shapes shared by the spreadsheet readers, the mapping and the import job.
import type { CsvDelimiter, CsvEncoding } from './decode.server.ts';

export type TabularFormat = 'csv' | 'xlsx';

/** How to read a stored upload again (the import job re-opens it on every run). */
export interface TabularSource {
  path: string;
  format: TabularFormat;
  encoding: CsvEncoding | null;
  delimiter: CsvDelimiter | null;
}

/** One data row: `index` counts data rows from 0 (the resume point), `rowNumber` is what the sheet shows. */
export interface TabularRow {
  index: number;
  rowNumber: number;
  cells: string[];
  /** Columns whose cell was (or looked like) a formula: kept as plain text and flagged. */
  formulaColumns: number[];
}

export const MAX_TABULAR_BYTES = 20 * 1024 * 1024;
export const MAX_TABULAR_ROWS = 100_000;
export const MAX_TABULAR_COLUMNS = 100;
export const MAX_CELL_CHARS = 20_000;
