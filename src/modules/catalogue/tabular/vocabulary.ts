// What spreadsheet headers and cell values mean, in Vietnamese and English, compared folded (no tone marks,
// lower case, punctuation as spaces) so "Nhan đề", "NHAN DE" and "nhan_de" all read the same.
import { fold } from '../../../lib/vn-text.ts';
import type { Availability, RecordType } from '../catalogue.schemas.server.ts';

/** Record fields a spreadsheet column can fill. `ignore` leaves the column out. */
export const TABULAR_FIELDS = [
  'title',
  'creators',
  'subjects',
  'date',
  'language',
  'description',
  'rights',
  'isbn',
  'issn',
  'inventoryNo',
  'identifier',
  'type',
  'callNumber',
  'location',
  'availability',
  'barcode',
  'publisher',
  'place',
  'edition',
  'extent',
  'classification',
] as const;
export type TabularField = (typeof TABULAR_FIELDS)[number];

/** Fields several columns may fill (their values are joined); every other field takes one column. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<TabularField> = new Set(['creators', 'subjects']);

export function isTabularField(s: string): s is TabularField {
  return (TABULAR_FIELDS as readonly string[]).includes(s);
}

/** Folded, punctuation-free form used for every comparison in this file. */
export function key(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const HEADER_SYNONYMS: Record<TabularField, readonly string[]> = {
  title: [
    'nhan de',
    'nhan de chinh',
    'ten',
    'ten tai lieu',
    'ten sach',
    'ten hien vat',
    'tieu de',
    'ten goi',
    'ten di tich',
    'ten trien lam',
    'title',
    'name',
    'object name',
  ],
  creators: [
    'tac gia',
    'tac gia chinh',
    'dong tac gia',
    'nguoi tao',
    'tac gia hien vat',
    'but danh',
    'author',
    'authors',
    'creator',
    'creators',
    'artist',
    'maker',
  ],
  subjects: [
    'chu de',
    'tu khoa',
    'de muc',
    'de muc chu de',
    'chu diem',
    'subject',
    'subjects',
    'keywords',
    'tags',
  ],
  date: [
    'nam',
    'nam xuat ban',
    'ngay',
    'thoi gian',
    'nien dai',
    'nam san xuat',
    'thoi ky',
    'date',
    'year',
    'publication year',
    'period',
  ],
  language: ['ngon ngu', 'language', 'lang'],
  description: [
    'mo ta',
    'tom tat',
    'noi dung',
    'ghi chu',
    'gioi thieu',
    'description',
    'abstract',
    'summary',
    'notes',
    'note',
  ],
  rights: ['ban quyen', 'quyen', 'quyen su dung', 'giay phep', 'rights', 'license', 'licence', 'copyright'],
  isbn: ['isbn', 'ma isbn'],
  issn: ['issn', 'ma issn'],
  inventoryNo: [
    'so dang ky',
    'so dang ky ca biet',
    'so dkcb',
    'dkcb',
    'so kiem ke',
    'ma hien vat',
    'so hieu hien vat',
    'so hieu',
    'so kiem ke hien vat',
    'inventory number',
    'inventory no',
    'accession number',
    'accession no',
    'object number',
  ],
  identifier: ['ma', 'ma so', 'ma tai lieu', 'ma dinh danh', 'ma ban ghi', 'id', 'identifier', 'record id'],
  type: [
    'loai',
    'loai tai lieu',
    'loai hinh',
    'dang tai lieu',
    'kieu',
    'type',
    'record type',
    'material type',
  ],
  callNumber: ['ky hieu xep gia', 'ky hieu kho', 'so xep gia', 'call number', 'shelfmark', 'shelf mark'],
  location: ['vi tri', 'kho', 'noi luu giu', 'noi de', 'phong', 'location', 'shelf'],
  availability: ['tinh trang', 'trang thai', 'tinh trang muon', 'availability', 'status'],
  barcode: ['ma vach', 'barcode'],
  publisher: ['nha xuat ban', 'nxb', 'publisher'],
  place: ['noi xuat ban', 'dia diem xuat ban', 'place of publication', 'place'],
  edition: ['lan xuat ban', 'tai ban', 'edition'],
  extent: [
    'so trang',
    'kich thuoc',
    'mo ta vat ly',
    'chat lieu',
    'extent',
    'pages',
    'dimensions',
    'material',
  ],
  classification: ['ky hieu phan loai', 'phan loai', 'ddc', 'bbk', 'classification'],
};

const EXACT = new Map<string, TabularField>();
const PHRASES: Array<[string, TabularField]> = [];
for (const field of TABULAR_FIELDS) {
  for (const s of HEADER_SYNONYMS[field]) {
    EXACT.set(s, field);
    if (s.length >= 4) PHRASES.push([s, field]);
  }
}
PHRASES.sort((a, b) => b[0].length - a[0].length);

/** The field a header names: an exact synonym, else the longest synonym it contains as whole words. */
export function fieldForHeader(header: string): TabularField | undefined {
  const k = key(header);
  if (!k) return undefined;
  const exact = EXACT.get(k);
  if (exact) return exact;
  const padded = ` ${k} `;
  return PHRASES.find(([s]) => padded.includes(` ${s} `))?.[1];
}

/** A suggested mapping for a header row: single-valued fields go to the first column that names them. */
export function suggestMapping(columns: readonly string[]): Record<number, TabularField> {
  const out: Record<number, TabularField> = {};
  const taken = new Set<TabularField>();
  columns.forEach((header, i) => {
    const field = fieldForHeader(header);
    if (!field || (taken.has(field) && !MULTI_COLUMN_FIELDS.has(field))) return;
    taken.add(field);
    out[i] = field;
  });
  return out;
}

const TYPE_WORDS: Record<RecordType, readonly string[]> = {
  book: ['sach', 'book', 'books', 'giao trinh', 'sach in', 'chuyen khao'],
  serial: ['bao', 'tap chi', 'bao tap chi', 'an pham dinh ky', 'serial', 'journal', 'magazine', 'newspaper'],
  audiovisual: [
    'nghe nhin',
    'tai lieu nghe nhin',
    'am thanh',
    'phim',
    'video',
    'audio',
    'bang dia',
    'dia',
    'audiovisual',
    'film',
  ],
  digitised_document: [
    'tai lieu so',
    'tai lieu so hoa',
    'so hoa',
    'ban so',
    'digitised document',
    'digitized document',
    'digital',
  ],
  museum_object: [
    'hien vat',
    'hien vat bao tang',
    'co vat',
    'tu lieu hien vat',
    'museum object',
    'object',
    'artefact',
    'artifact',
  ],
  exhibition: ['trien lam', 'trung bay', 'exhibition'],
  learning_resource: ['hoc lieu', 'tai lieu hoc tap', 'bai giang', 'khoa hoc', 'learning resource', 'course'],
  heritage_site: ['di tich', 'di san', 'di tich lich su', 'heritage site', 'heritage', 'site', 'monument'],
};

const AVAILABILITY_WORDS: Record<Availability, readonly string[]> = {
  available: ['co san', 'san sang', 'con', 'san co', 'cho muon duoc', 'available', 'yes'],
  on_loan: ['dang muon', 'dang cho muon', 'da muon', 'cho muon', 'on loan', 'loaned', 'checked out'],
  reference_only: ['doc tai cho', 'chi doc tai cho', 'tham khao', 'reference', 'reference only'],
  in_storage: ['trong kho', 'luu kho', 'bao quan', 'kho bao quan', 'in storage', 'storage', 'stored'],
  on_display: ['trung bay', 'dang trung bay', 'on display', 'displayed', 'exhibited'],
};

const LANGUAGE_WORDS: Record<string, readonly string[]> = {
  vie: ['tieng viet', 'viet', 'viet nam', 'vietnamese', 'vi', 'vn'],
  eng: ['tieng anh', 'anh', 'english', 'en'],
  fre: ['tieng phap', 'phap', 'french', 'francais', 'fr'],
  chi: ['tieng trung', 'tieng hoa', 'trung', 'trung quoc', 'han', 'chu han', 'chinese', 'zh'],
  rus: ['tieng nga', 'nga', 'russian', 'ru'],
  jpn: ['tieng nhat', 'nhat', 'japanese', 'ja'],
  kor: ['tieng han', 'tieng han quoc', 'han quoc', 'korean', 'ko'],
  ger: ['tieng duc', 'duc', 'german', 'de'],
  cmc: ['tieng cham', 'cham', 'cham language'],
};

function lookup<T extends string>(table: Record<T, readonly string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, words] of Object.entries(table) as Array<[T, readonly string[]]>) {
    m.set(key(code), code);
    for (const w of words) m.set(w, code);
  }
  return m;
}
const TYPES = lookup(TYPE_WORDS);
const AVAILABILITIES = lookup(AVAILABILITY_WORDS);
const LANGUAGES = lookup(LANGUAGE_WORDS);

export const recordTypeOf = (value: string): RecordType | undefined => TYPES.get(key(value));
export const availabilityOf = (value: string): Availability | undefined => AVAILABILITIES.get(key(value));
/** An ISO 639-2 code from a code or a language name; any other three-letter code is taken as written. */
export function languageOf(value: string): string | undefined {
  const k = key(value);
  return LANGUAGES.get(k) ?? (/^[a-z]{3}$/.test(k) ? k : undefined);
}
