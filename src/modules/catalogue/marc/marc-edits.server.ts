// Lossless MARC export of an imported record: the MARC record it came from is the record of truth, and only the
// fields behind what staff changed on the platform are rewritten. What changed is found by mapping the source
// record again (the same `marcToRecord` the import used) and comparing with the record's current values, so an
// untouched record exports field for field as it was imported.
//
// Fields the platform owns (rewritten on every export): 005 (date and time of latest transaction). 852 (location)
// is rewritten only when the holdings no longer match those the import made from it.

import {
  isControlField,
  type MarcControlField,
  type MarcDataField,
  type MarcField,
  type MarcRecord,
} from './marc.types.ts';
import { type ExportableRecord, marcToRecord, recordToMarc } from './marc-map.server.ts';

/** Fields the export always writes itself. */
export const PLATFORM_OWNED_TAGS = ['005'] as const;

const CREATOR_TAGS = ['100', '110', '111', '700', '710', '711'];
const SUBJECT_TAGS = ['600', '610', '611', '630', '650', '651', '655'];
const PUBLICATION_TAGS = ['264', '260'];

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const norm = (v: string | null | undefined) => v ?? null;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** MARC 005: yyyymmddhhmmss.f (UTC; MARC gives no zone). */
export function transactionStamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(
    d.getUTCMinutes(),
  )}${p(d.getUTCSeconds())}.${Math.floor(d.getUTCMilliseconds() / 100)}`;
}

/** Inserts `added` fields where their tags belong (after the last field with a tag ≤ theirs). */
function insertInTagOrder(fields: MarcField[], added: readonly MarcField[]): MarcField[] {
  const out = [...fields];
  for (const f of added) {
    let at = out.length;
    for (let i = out.length - 1; i >= 0; i--) {
      if ((out[i]?.tag ?? '') <= f.tag) {
        at = i + 1;
        break;
      }
      at = i;
    }
    out.splice(at, 0, f);
  }
  return out;
}

/** Replaces every field with one of `tags` by `generated`, at the place of the first one (else in tag order). */
function replaceTags(
  fields: MarcField[],
  tags: readonly string[],
  generated: readonly MarcField[],
): MarcField[] {
  const first = fields.findIndex((f) => tags.includes(f.tag));
  const kept = fields.filter((f) => !tags.includes(f.tag));
  if (first === -1) return insertInTagOrder(kept, generated);
  const before = fields.slice(0, first).filter((f) => !tags.includes(f.tag)).length;
  return [...kept.slice(0, before), ...generated, ...kept.slice(before)];
}

function setSubfield(f: MarcDataField, code: string, value: string | null): MarcDataField {
  const at = f.subfields.findIndex((s) => s.code === code);
  const subfields = f.subfields.filter((s, i) => s.code !== code || i === at);
  if (value === null) return { ...f, subfields: subfields.filter((s) => s.code !== code) };
  if (at === -1) return { ...f, subfields: [...subfields, { code, value }] };
  return { ...f, subfields: subfields.map((s) => (s.code === code ? { code, value } : s)) };
}

const dataOf = (r: MarcRecord, tags: readonly string[]) =>
  r.fields.filter((f): f is MarcDataField => tags.includes(f.tag) && !isControlField(f));

/**
 * The source record with the current values applied where they differ from what the import mapped, and 005
 * set to `updatedAt`. A source record the mapping no longer accepts is written back unchanged (plus 005).
 */
export function sourceWithEdits(source: MarcRecord, current: ExportableRecord, updatedAt: Date): MarcRecord {
  let fields: MarcField[] = source.fields.map((f) =>
    isControlField(f) ? { ...f } : { ...f, subfields: f.subfields.map((s) => ({ ...s })) },
  );
  const imported = marcToRecord(source, { unitId: 'export', published: false });
  if (imported.ok) {
    const was = imported.input;
    const generated = recordToMarc(current);
    const gen = (tags: readonly string[]) => dataOf(generated, tags);
    if (current.title !== was.title) {
      fields = fields.map((f) =>
        f.tag === '245' && !isControlField(f)
          ? setSubfield(
              { ...f, subfields: f.subfields.filter((s) => !'bnp'.includes(s.code)) },
              'a',
              current.title,
            )
          : f,
      );
      if (!fields.some((f) => f.tag === '245')) fields = insertInTagOrder(fields, gen(['245']));
    }
    if (!sameList(current.creators, was.creators))
      fields = replaceTags(fields, CREATOR_TAGS, gen(['100', '700']));
    if (!sameList(current.subjects, was.subjects)) fields = replaceTags(fields, SUBJECT_TAGS, gen(['650']));
    if (norm(current.isbn) !== norm(was.isbn)) fields = replaceTags(fields, ['020'], gen(['020']));
    if (norm(current.issn) !== norm(was.issn)) fields = replaceTags(fields, ['022'], gen(['022']));
    if (norm(current.description) !== norm(was.description))
      fields = replaceTags(fields, ['520'], gen(['520']));
    if (norm(current.rights) !== norm(was.rights)) fields = replaceTags(fields, ['540'], gen(['540']));
    if (norm(current.language) !== norm(was.language)) {
      fields = replaceTags(fields, ['041'], gen(['041']));
      const lang = (current.language ?? '   ').padEnd(3).slice(0, 3);
      fields = fields.map((f) =>
        f.tag === '008' && isControlField(f) && f.value.length >= 38
          ? { ...f, value: `${f.value.slice(0, 35)}${lang}${f.value.slice(38)}` }
          : f,
      );
    }
    const yearNow = current.year === null ? null : String(current.year);
    const yearWas = was.year === undefined ? null : String(was.year);
    const pubChanges: Array<[string, string | null]> = [];
    if (str(current.details.place) !== str(was.details.place))
      pubChanges.push(['a', str(current.details.place)]);
    if (str(current.details.publisher) !== str(was.details.publisher))
      pubChanges.push(['b', str(current.details.publisher)]);
    if (norm(current.dateText) !== norm(was.dateText) || yearNow !== yearWas)
      pubChanges.push(['c', current.dateText ?? yearNow]);
    if (pubChanges.length) {
      const at = fields.findIndex((f) => PUBLICATION_TAGS.includes(f.tag) && !isControlField(f));
      if (at === -1) fields = insertInTagOrder(fields, gen(['264']));
      else {
        let f = fields[at] as MarcDataField;
        for (const [code, now] of pubChanges) f = setSubfield(f, code, now);
        fields[at] = f;
      }
    }
    if (yearNow !== yearWas) {
      const date1 = yearNow && /^\d{1,4}$/.test(yearNow) ? yearNow.padStart(4, '0') : '    ';
      fields = fields.map((f) =>
        f.tag === '008' && isControlField(f) && f.value.length >= 11
          ? { ...f, value: `${f.value.slice(0, 7)}${date1}${f.value.slice(11)}` }
          : f,
      );
    }
    const wasHoldings = was.holdings.map((h) => `${h.location ?? ''}|${h.callNumber ?? ''}`);
    const nowHoldings = current.holdings.map((h) => `${h.location ?? ''}|${h.callNumber ?? ''}`);
    if (!sameList([...wasHoldings].sort(), [...nowHoldings].sort()))
      fields = replaceTags(fields, ['852'], gen(['852']));
  }
  const stamp: MarcControlField = { tag: '005', value: transactionStamp(updatedAt) };
  fields = fields.some((f) => f.tag === '005')
    ? fields.map((f) => (f.tag === '005' ? stamp : f))
    : insertInTagOrder(fields, [stamp]);
  return { leader: source.leader, fields };
}
