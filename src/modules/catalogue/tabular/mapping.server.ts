// One spreadsheet row → one catalogue record (and at most one holding), with every problem of the row as a
// translatable issue. Pure: the preview on the mapping screen and the import job use the same function, so
// what staff see in the preview is what the import does.
import { createHash } from 'node:crypto';
import { type RecordInput, RecordInputSchema, type RecordType } from '../catalogue.schemas.server.ts';
import type { TabularRow } from './tabular.types.ts';
import {
  availabilityOf,
  isTabularField,
  languageOf,
  MULTI_COLUMN_FIELDS,
  recordTypeOf,
  TABULAR_FIELDS,
  type TabularField,
} from './vocabulary.ts';

/** Column index → field; columns without an entry are ignored. */
export type ColumnMapping = Record<number, TabularField>;

export const ISSUE_CODES = [
  'titleMissing',
  'tooLong',
  'tooMany',
  'languageUnknown',
  'typeUnknown',
  'availabilityUnknown',
  'isbnInvalid',
  'issnInvalid',
  'yearInvalid',
  'invalid',
  'duplicateInFile',
  'formula',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface RowIssue {
  rowNumber: number;
  severity: 'error' | 'warning';
  code: IssueCode;
  params: Record<string, string | number>;
}

export interface MappingContext {
  unitId: string;
  publish: boolean;
  defaultType: RecordType;
  columns: readonly string[];
}

export type MappedRow =
  | {
      ok: true;
      rowNumber: number;
      input: RecordInput;
      /** Matching key inside the unit: inventory number, identifier, ISBN, else the content hash. */
      matchKey: string;
      hash: string;
      warnings: RowIssue[];
    }
  | { ok: false; rowNumber: number; issues: RowIssue[]; blank: boolean };

const LIMITS: Partial<Record<TabularField, number>> = {
  title: 2000,
  date: 100,
  description: 20_000,
  rights: 2000,
  isbn: 20,
  issn: 20,
  inventoryNo: 60,
  identifier: 60,
  callNumber: 100,
  location: 200,
  barcode: 100,
  publisher: 2000,
  place: 2000,
  edition: 2000,
  extent: 2000,
  classification: 2000,
};

/** Validates a mapping chosen on the screen: known fields, one column per single field, a title column. */
export function checkMapping(
  mapping: Record<string, string>,
  columnCount: number,
): { ok: true; mapping: ColumnMapping } | { ok: false; error: 'titleMissing' | 'duplicate'; field?: string } {
  const out: ColumnMapping = {};
  const used = new Set<string>();
  for (const [k, field] of Object.entries(mapping)) {
    const col = Number(k);
    if (!Number.isInteger(col) || col < 0 || col >= columnCount || field === '' || field === 'ignore')
      continue;
    if (!isTabularField(field)) continue;
    if (used.has(field) && !MULTI_COLUMN_FIELDS.has(field)) return { ok: false, error: 'duplicate', field };
    used.add(field);
    out[col] = field;
  }
  if (!used.has('title')) return { ok: false, error: 'titleMissing' };
  return { ok: true, mapping: out };
}

const splitList = (s: string) =>
  s
    .split(/\s*[;|\n]\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

function isbnValid(digits: string): boolean {
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += (i % 2 ? 3 : 1) * Number(digits[i]);
    return sum % 10 === 0;
  }
  return false;
}

/** The year a date cell names: a bare number (1975, 1975.0) or the first 3–4 digit run ("khoảng 1930"). */
export function yearOf(dateText: string): number | undefined {
  const bare = /^-?\d{1,4}(\.0+)?$/.test(dateText) ? Number.parseFloat(dateText) : undefined;
  const found = bare ?? Number(/(?<!\d)(\d{3,4})(?!\d)/.exec(dateText)?.[1] ?? Number.NaN);
  return Number.isFinite(found) ? Math.trunc(found) : undefined;
}

export function mapRow(row: TabularRow, mapping: ColumnMapping, ctx: MappingContext): MappedRow {
  const issues: RowIssue[] = [];
  const issue = (
    code: IssueCode,
    params: Record<string, string | number> = {},
    severity = 'error' as const,
  ) => issues.push({ rowNumber: row.rowNumber, severity, code, params });
  const single: Partial<Record<TabularField, string>> = {};
  const lists: { creators: string[]; subjects: string[] } = { creators: [], subjects: [] };
  const warnings: RowIssue[] = [];
  for (const [k, field] of Object.entries(mapping) as Array<[string, TabularField]>) {
    const col = Number(k);
    const value = (row.cells[col] ?? '').trim();
    if (row.formulaColumns.includes(col) && value !== '')
      warnings.push({
        rowNumber: row.rowNumber,
        severity: 'warning',
        code: 'formula',
        params: { column: ctx.columns[col] || String(col + 1) },
      });
    if (field === 'creators' || field === 'subjects') lists[field].push(...splitList(value));
    else if (value !== '') single[field] = value;
  }
  if (Object.keys(single).length === 0 && lists.creators.length === 0 && lists.subjects.length === 0)
    return { ok: false, rowNumber: row.rowNumber, issues: [], blank: true };

  for (const field of TABULAR_FIELDS) {
    const limit = LIMITS[field];
    const v = single[field];
    if (limit && v && v.length > limit) issue('tooLong', { field, max: limit });
  }
  if (!single.title) issue('titleMissing');
  for (const field of ['creators', 'subjects'] as const) {
    const max = field === 'creators' ? 50 : 100;
    if (lists[field].length > max) issue('tooMany', { field, max });
    if (lists[field].some((x) => x.length > 300)) issue('tooLong', { field, max: 300 });
  }
  let type: RecordType = ctx.defaultType;
  if (single.type) {
    const t = recordTypeOf(single.type);
    if (t) type = t;
    else issue('typeUnknown', { value: single.type.slice(0, 80) });
  }
  const language = single.language ? languageOf(single.language) : undefined;
  if (single.language && !language) issue('languageUnknown', { value: single.language.slice(0, 80) });
  const year = single.date ? yearOf(single.date) : undefined;
  if (year !== undefined && (year < -3000 || year > 2200)) issue('yearInvalid', { value: year });
  let isbn: string | undefined;
  if (single.isbn) {
    isbn = single.isbn.replace(/[\s-]/g, '').toUpperCase();
    if (!isbnValid(isbn)) issue('isbnInvalid', { value: single.isbn.slice(0, 40) });
  }
  if (single.issn && !/^\d{4}-?\d{3}[\dXx]$/.test(single.issn))
    issue('issnInvalid', { value: single.issn.slice(0, 40) });
  const availability = single.availability ? availabilityOf(single.availability) : undefined;
  if (single.availability && !availability)
    issue('availabilityUnknown', { value: single.availability.slice(0, 80) });
  if (issues.length)
    return { ok: false, rowNumber: row.rowNumber, issues: [...issues, ...warnings], blank: false };

  const details: Record<string, string> = {};
  for (const f of ['publisher', 'place', 'edition', 'extent', 'classification'] as const) {
    const v = single[f];
    if (v) details[f] = v;
  }
  const holding =
    single.callNumber || single.location || single.barcode || availability
      ? [
          {
            callNumber: single.callNumber,
            location: single.location,
            barcode: single.barcode,
            availability: availability ?? 'available',
          },
        ]
      : [];
  const candidate = {
    type,
    title: single.title,
    creators: lists.creators,
    subjects: lists.subjects,
    dateText: single.date,
    year: year,
    language,
    description: single.description,
    rights: single.rights,
    unitId: ctx.unitId,
    isbn,
    issn: single.issn?.toUpperCase(),
    inventoryNo: single.inventoryNo,
    controlNumber: single.identifier,
    controlSource: single.identifier ? 'tabular' : undefined,
    published: ctx.publish,
    details,
    holdings: holding,
  };
  const parsed = RecordInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'title');
    return {
      ok: false,
      rowNumber: row.rowNumber,
      issues: [
        { rowNumber: row.rowNumber, severity: 'error', code: 'invalid', params: { field } },
        ...warnings,
      ],
      blank: false,
    };
  }
  const input = parsed.data;
  const hash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const matchKey = input.inventoryNo
    ? `inv:${input.inventoryNo}`
    : input.controlNumber
      ? `id:${input.controlNumber}`
      : input.isbn
        ? `isbn:${input.isbn}`
        : `hash:${hash}`;
  return { ok: true, rowNumber: row.rowNumber, input, matchKey, hash, warnings };
}
