// Reading an ILS statistics export (Koha reports and others, CSV): one row per day × collection × reader
// category with counts of loans, active readers and visits. Header names are matched loosely (English, Koha,
// Vietnamese); every problem is reported with its line, none is skipped silently.
import { fold as foldVietnamese } from '../../lib/vn-text.ts';

export interface IlsRow {
  day: string;
  collection: string;
  readerCategory: string;
  loans: number;
  activeReaders: number;
  visits: number;
}

export interface IlsProblem {
  line: number;
  column: string;
  value: string;
}

const ALIASES: Record<keyof IlsRow, string[]> = {
  day: ['day', 'date', 'ngay', 'issuedate', 'datetime'],
  collection: ['collection', 'ccode', 'bo suu tap', 'kho', 'itemtype'],
  readerCategory: ['reader category', 'categorycode', 'category', 'doi tuong', 'loai ban doc'],
  loans: ['loans', 'issues', 'checkouts', 'luot muon', 'so luot muon'],
  activeReaders: ['active readers', 'borrowers', 'ban doc', 'so ban doc', 'readers'],
  visits: ['visits', 'luot den', 'luot truy cap', 'entries'],
};

const key = (h: string) =>
  foldVietnamese(h)
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Splits CSV text (quotes, doubled quotes, CRLF; comma or semicolon as Excel writes in Vietnam). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function toDay(v: string): string | null {
  const s = v.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
  return null;
}

/** Rows of a table (header first) as ILS rows within [from, to] (inclusive days), with every problem found. */
export function readIlsTable(
  table: readonly (readonly string[])[],
  period: { from: string; to: string },
): { rows: IlsRow[]; problems: IlsProblem[]; missing: string[] } {
  const header = (table[0] ?? []).map(key);
  const col = Object.fromEntries(
    Object.entries(ALIASES).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))]),
  ) as Record<keyof IlsRow, number>;
  const missing = col.day < 0 ? ['day'] : [];
  if (col.loans < 0 && col.visits < 0 && col.activeReaders < 0) missing.push('loans');
  if (missing.length) return { rows: [], problems: [], missing };
  const rows: IlsRow[] = [];
  const problems: IlsProblem[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (k: keyof IlsRow) => (col[k] >= 0 ? (cells[col[k]] ?? '').trim() : '');
    const day = toDay(get('day'));
    if (!day || day < period.from || day > period.to) {
      problems.push({ line, column: 'day', value: get('day') });
      return;
    }
    const num = (k: 'loans' | 'activeReaders' | 'visits') => {
      const raw = get(k).replace(/[.\s]/g, '');
      if (raw === '') return 0;
      if (!/^\d{1,9}$/.test(raw)) {
        problems.push({ line, column: k, value: get(k) });
        return 0;
      }
      return Number(raw);
    };
    rows.push({
      day,
      collection: get('collection').slice(0, 100),
      readerCategory: get('readerCategory').slice(0, 100),
      loans: num('loans'),
      activeReaders: num('activeReaders'),
      visits: num('visits'),
    });
  });
  return { rows, problems, missing };
}
