// MARC 21 bibliographic ⇄ catalogue record. Import keeps what the catalogue shows and searches; export
// writes a record standard MARC tools read (leader, 001/003/008, 020, 041, 100/700, 245, 264, 520, 650, 852).
import { type RecordInput, RecordInputSchema, type RecordType } from '../catalogue.schemas.server.ts';
import {
  controlValue,
  dataFields,
  type MarcDataField,
  type MarcField,
  type MarcRecord,
  subfield,
} from './marc.types.ts';

/** Strips ISBD punctuation MARC cataloguers end subfields with (" /", " :", ";", ",", "."). */
function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const out = s
    .normalize('NFC')
    .replace(/[\s/:;,=]+$/u, '')
    .replace(/(?<!\b\p{Lu})\.$/u, '')
    .trim();
  return out || undefined;
}

function joined(f: MarcDataField, codes: string, sep = ' '): string | undefined {
  return clean(
    f.subfields
      .filter((s) => codes.includes(s.code))
      .map((s) => clean(s.value))
      .filter(Boolean)
      .join(sep),
  );
}

function typeFromLeader(leader: string): RecordType {
  const t = leader.charAt(6);
  const level = leader.charAt(7);
  if ((t === 'a' || t === 't') && (level === 's' || level === 'i')) return 'serial';
  if ('gijk'.includes(t)) return 'audiovisual';
  if (t === 'r') return 'museum_object';
  if ('ef'.includes(t) || t === 'd' || t === 'p') return 'digitised_document';
  return 'book';
}

function firstYear(s: string | undefined): number | undefined {
  const m = s ? /(\d{4})/.exec(s) : null;
  return m ? Number(m[1]) : undefined;
}

export type MappedRecord =
  | {
      ok: true;
      input: RecordInput /** The MARC record it came from (kept for a lossless export). */;
      marc?: MarcRecord;
    }
  | { ok: false; error: string };

export function marcToRecord(rec: MarcRecord, target: { unitId: string; published: boolean }): MappedRecord {
  const f245 = dataFields(rec, '245')[0];
  const title = f245 ? joined(f245, 'abnp') : undefined;
  if (!title) return { ok: false, error: 'no title (245 $a)' };
  const f008 = controlValue(rec, '008') ?? '';
  const creators = dataFields(rec, '100', '110', '111', '700', '710', '711')
    .map((f) => joined(f, 'abcq'))
    .filter((x): x is string => Boolean(x));
  const subjects = dataFields(rec, '600', '610', '611', '630', '650', '651', '655')
    .map((f) => joined(f, 'abvxyz', ' -- '))
    .filter((x): x is string => Boolean(x));
  const pub = dataFields(rec, '264', '260')[0];
  const dateText = pub ? joined(pub, 'c') : undefined;
  const year =
    firstYear(dateText) ?? firstYear(/^\d{4}$/.test(f008.slice(7, 11)) ? f008.slice(7, 11) : undefined);
  const lang041 = subfield(rec, '041', 'a');
  const lang008 = f008.slice(35, 38).trim();
  const language = [lang041, lang008]
    .map((l) => l?.toLowerCase().trim())
    .find((l) => l && /^[a-z]{3}$/.test(l));
  const isbn = subfield(rec, '020', 'a')
    ?.match(/[0-9Xx-]{10,17}/)?.[0]
    ?.replace(/-/g, '')
    .toUpperCase();
  const issn = subfield(rec, '022', 'a')?.match(/\d{4}-?\d{3}[\dXx]/)?.[0];
  const details: Record<string, string | string[]> = {};
  if (pub) {
    const publisher = joined(pub, 'b');
    const place = joined(pub, 'a');
    if (publisher) details.publisher = publisher;
    if (place) details.place = place;
  }
  const edition = subfield(rec, '250', 'a');
  if (edition) details.edition = clean(edition) ?? edition;
  const extent = dataFields(rec, '300')[0];
  if (extent) details.extent = joined(extent, 'abc') ?? '';
  const series = dataFields(rec, '490', '830')
    .map((f) => joined(f, 'av'))
    .filter((x): x is string => Boolean(x));
  if (series.length) details.series = series.slice(0, 50);
  const ddc = subfield(rec, '082', 'a') ?? subfield(rec, '084', 'a');
  if (ddc) details.classification = ddc.trim();
  const description = dataFields(rec, '520')
    .map((f) => joined(f, 'a'))
    .filter(Boolean)
    .join('\n\n');
  const rights = subfield(rec, '540', 'a') ?? subfield(rec, '506', 'a');
  const holdings = dataFields(rec, '852').map((f) => ({
    location: joined(f, 'bc', ' — '),
    callNumber: joined(f, 'hijklm'),
    barcode: joined(f, 'p'),
    availability: 'available' as const,
  }));
  const parsed = RecordInputSchema.safeParse({
    type: typeFromLeader(rec.leader),
    title: title.slice(0, 2000),
    creators: [...new Set(creators.map((c) => c.slice(0, 300)))].slice(0, 50),
    subjects: [...new Set(subjects.map((s) => s.slice(0, 300)))].slice(0, 100),
    dateText: dateText?.slice(0, 100),
    year: year !== undefined && year >= -3000 && year <= 2200 ? year : undefined,
    language,
    description: description ? description.slice(0, 20_000) : undefined,
    rights: clean(rights)?.slice(0, 2000),
    unitId: target.unitId,
    isbn,
    issn,
    controlNumber: controlValue(rec, '001')?.trim() || undefined,
    controlSource: controlValue(rec, '003')?.trim() || undefined,
    published: target.published,
    details,
    holdings: holdings.slice(0, 500),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid ${issue?.path.join('.') ?? 'record'}: ${issue?.message ?? ''}` };
  }
  return { ok: true, input: parsed.data };
}

const LEADER_TYPE: Record<RecordType, string> = {
  book: 'am',
  serial: 'as',
  audiovisual: 'gm',
  digitised_document: 'am',
  museum_object: 'rm',
  exhibition: 'rm',
  learning_resource: 'am',
  heritage_site: 'am',
};

export interface ExportableRecord {
  id: string;
  type: RecordType;
  title: string;
  creators: string[];
  subjects: string[];
  dateText: string | null;
  year: number | null;
  language: string | null;
  description: string | null;
  rights: string | null;
  isbn: string | null;
  issn: string | null;
  controlNumber: string | null;
  controlSource: string | null;
  details: Record<string, unknown>;
  holdings: Array<{ institutionName: string; callNumber: string | null; location: string | null }>;
  /** When the record was made on the platform (008/00-05, date entered on file). */
  createdAt?: Date | undefined;
}

/** Places of publication in Viet Nam, folded, for 008/15-17 (MARC country code `vm`). */
const VIETNAM_PLACES = [
  'viet nam',
  'vietnam',
  'ha noi',
  'hanoi',
  'ho chi minh',
  'sai gon',
  'saigon',
  'nha trang',
  'khanh hoa',
  'cam ranh',
  'ninh hoa',
  'hue',
  'da nang',
  'hai phong',
  'can tho',
  'da lat',
  'vinh',
  'quy nhon',
  'phan rang',
];
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * 008 for a record made on the platform (MARC 21 bibliographic, books layout): date entered (Viet Nam date),
 * date type `s` with date 1 from the year (else `n`, unknown), place `vm` only when the place of publication is
 * in Viet Nam (else `xx`, unknown), language, cataloguing source `d`.
 */
export function field008(r: Pick<ExportableRecord, 'year' | 'language' | 'details' | 'createdAt'>): string {
  const d = r.createdAt ? new Date(r.createdAt.getTime() + 7 * 3600_000) : null;
  const p2 = (n: number) => String(n).padStart(2, '0');
  const entered = d
    ? `${p2(d.getUTCFullYear() % 100)}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}`
    : '      ';
  const known = r.year !== null && r.year >= 0 && r.year <= 9999;
  const dates = known ? `s${String(r.year).padStart(4, '0')}    ` : 'nuuuuuuuu';
  const place = typeof r.details.place === 'string' ? fold(r.details.place) : '';
  const country = place && VIETNAM_PLACES.some((v) => place.includes(v)) ? 'vm ' : 'xx ';
  const lang = (r.language ?? '   ').padEnd(3, ' ').slice(0, 3);
  return `${entered}${dates}${country}${' '.repeat(11)}000 0 ${lang} d`;
}

const sub = (code: string, value: string | null | undefined) => (value ? [{ code, value }] : []);

export function recordToMarc(r: ExportableRecord): MarcRecord {
  const fields: MarcField[] = [
    { tag: '001', value: r.controlNumber ?? r.id },
    { tag: '003', value: r.controlNumber ? (r.controlSource ?? 'VN-KhanhHoa') : 'VN-SuotDoi' },
  ];
  fields.push({ tag: '008', value: field008(r) });
  if (r.isbn) fields.push({ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: r.isbn }] });
  if (r.issn) fields.push({ tag: '022', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: r.issn }] });
  if (r.language)
    fields.push({ tag: '041', ind1: '0', ind2: ' ', subfields: [{ code: 'a', value: r.language }] });
  r.creators.forEach((c, i) => {
    fields.push({ tag: i === 0 ? '100' : '700', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: c }] });
  });
  fields.push({
    tag: '245',
    ind1: r.creators.length ? '1' : '0',
    ind2: '0',
    subfields: [{ code: 'a', value: r.title }],
  });
  const publisher = typeof r.details.publisher === 'string' ? r.details.publisher : null;
  const place = typeof r.details.place === 'string' ? r.details.place : null;
  if (publisher || place || r.dateText || r.year !== null) {
    fields.push({
      tag: '264',
      ind1: ' ',
      ind2: '1',
      subfields: [
        ...sub('a', place),
        ...sub('b', publisher),
        ...sub('c', r.dateText ?? (r.year !== null ? String(r.year) : null)),
      ],
    });
  }
  if (r.description)
    fields.push({ tag: '520', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: r.description }] });
  if (r.rights)
    fields.push({ tag: '540', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: r.rights }] });
  for (const s of r.subjects) {
    const [a, ...rest] = s.split(' -- ');
    fields.push({
      tag: '650',
      ind1: ' ',
      ind2: '4',
      subfields: [{ code: 'a', value: a ?? s }, ...rest.map((x) => ({ code: 'x', value: x }))],
    });
  }
  for (const h of r.holdings) {
    fields.push({
      tag: '852',
      ind1: ' ',
      ind2: ' ',
      subfields: [...sub('a', h.institutionName), ...sub('b', h.location), ...sub('h', h.callNumber)],
    });
  }
  return { leader: `00000n${LEADER_TYPE[r.type]} a2200000 i 4500`, fields };
}
