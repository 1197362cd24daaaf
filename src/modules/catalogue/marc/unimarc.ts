// UNIMARC (IFLA) bibliographic records: detection, the character set they declare, and conversion to MARC 21
// for the common fields after the UNIMARC → MARC 21 concordance (LoC/IFLA, also used by Koha and MarcEdit).
// The original UNIMARC record stays on the converted one (`original`), so nothing a library sent is lost.
import {
  isControlField,
  type MarcDataField,
  type MarcField,
  type MarcRecord,
  type MarcSubfield,
} from './marc.types.ts';

/** UNIMARC has its title in 200 and its coded data in 100; MARC 21 in 245 and 008. */
export function looksUnimarc(tags: readonly string[]): boolean {
  return tags.includes('200') && !tags.includes('245') && !tags.includes('008');
}

export function isUnimarc(rec: MarcRecord): boolean {
  return looksUnimarc(rec.fields.map((f) => f.tag));
}

/** 100 $a/26-27: the character set of a UNIMARC record (ISO 2709). */
export type UnimarcCharset = 'utf-8' | 'ascii' | 'iso-5426' | { unsupported: string };
const CHARSETS: Record<string, string> = {
  '01': 'ISO 646 (ASCII)',
  '02': 'ISO registration #37 (basic Cyrillic)',
  '03': 'ISO 5426 (extended Latin)',
  '04': 'ISO DIS 5427 (extended Cyrillic)',
  '05': 'ISO 5428 (Greek)',
  '06': 'ISO 6438 (African)',
  '07': 'ISO 10586 (Georgian)',
  '08': 'ISO 8957 (Hebrew, table 1)',
  '09': 'ISO 8957 (Hebrew, table 2)',
  '10': 'reserved',
  '11': 'ISO 5426-2 (Latin in European minority languages)',
  '50': 'ISO 10646 (Unicode, UTF-8)',
};
export function unimarcCharset(field100a: string | undefined): UnimarcCharset {
  const code = field100a?.slice(26, 28) ?? '';
  if (code === '50') return 'utf-8';
  if (code === '01') return 'ascii';
  if (code === '03') return 'iso-5426';
  // A 100 field too short to say, or blank: most systems that leave it out write UTF-8 today.
  if (code.trim() === '' || !/^\d\d$/.test(code)) return 'utf-8';
  return { unsupported: `${code} (${CHARSETS[code] ?? 'unknown code'})` };
}

const RELATORS: Record<string, string> = {
  '010': 'adp',
  '020': 'ann',
  '070': 'aut',
  '072': 'aui',
  '075': 'aft',
  '080': 'aui',
  '180': 'cll',
  '205': 'ctb',
  '212': 'cwt',
  '220': 'com',
  '230': 'cmp',
  '273': 'cur',
  '340': 'edt',
  '365': 'exp',
  '440': 'ill',
  '557': 'orm',
  '600': 'pht',
  '605': 'pre',
  '610': 'prt',
  '650': 'pbl',
  '651': 'pbd',
  '710': 'red',
  '727': 'dgs',
  '730': 'trl',
};

// UNIMARC marks the start and end of non-filing text with NSB/NSE (U+0088/U+0089 or U+0098/U+009C).
const NONSORT = /[\u0088\u0089\u0098\u009c]/gu;
const stripNonSort = (s: string) => s.replace(NONSORT, '');
/** MARC 21 245 ind2: the number of non-filing characters UNIMARC marked with NSB … NSE (0–9). */
function nonFiling(s: string | undefined): string {
  const m = s ? /^[\u0088\u0098]([^\u0089\u009c]*)[\u0089\u009c]/u.exec(s) : null;
  return m ? String(Math.min(9, (m[1] ?? '').length)) : '0';
}

const data = (tag: string, ind1: string, ind2: string, subfields: MarcSubfield[]): MarcDataField => ({
  tag,
  ind1,
  ind2,
  subfields: subfields.map((s) => ({ code: s.code, value: stripNonSort(s.value) })),
});
const subs = (f: MarcDataField, map: Record<string, string>): MarcSubfield[] =>
  f.subfields.flatMap((s) => (map[s.code] ? [{ code: map[s.code] as string, value: s.value }] : []));
const first = (f: MarcDataField, code: string) => f.subfields.find((s) => s.code === code)?.value;

/** The subfields of a field embedded with $1 (linking blocks 4XX): those of its 200, or $t. */
function linkedTitle(f: MarcDataField): { title?: string; volume?: string } {
  let inTitle = false;
  let title: string | undefined;
  for (const s of f.subfields) {
    if (s.code === '1') inTitle = s.value.startsWith('200');
    else if (inTitle && s.code === 'a' && title === undefined) title = s.value;
  }
  return { title: stripNonSort(title ?? first(f, 't') ?? '') || undefined, volume: first(f, 'v') };
}

/** Adds ISBD punctuation the way MARC 21 data carries it (UNIMARC leaves it to the display). */
function punctuate(list: MarcSubfield[], before: Record<string, string>): MarcSubfield[] {
  return list.map((s, i) => {
    const next = list[i + 1];
    const mark = next ? before[next.code] : undefined;
    return mark && !s.value.trimEnd().endsWith(mark.trim()) ? { ...s, value: `${s.value}${mark}` } : s;
  });
}

function personal(f: MarcDataField, tag: string): MarcDataField {
  const a = [first(f, 'a'), first(f, 'b')].filter(Boolean).join(', ').replace(/,\s*,/g, ',');
  const out: MarcSubfield[] = [{ code: 'a', value: a }];
  for (const s of f.subfields) {
    if (s.code === 'd') out.push({ code: 'b', value: s.value });
    else if (s.code === 'c') out.push({ code: 'c', value: s.value });
    else if (s.code === 'f') out.push({ code: 'd', value: s.value });
    else if (s.code === 'g') out.push({ code: 'q', value: s.value });
    else if (s.code === '4' && RELATORS[s.value]) out.push({ code: '4', value: RELATORS[s.value] as string });
  }
  return data(tag, f.ind2 === '0' ? '0' : '1', ' ', out);
}

function corporate(f: MarcDataField, main: boolean): MarcDataField {
  const meeting = f.ind1 === '1';
  const tag = meeting ? (main ? '111' : '711') : main ? '110' : '710';
  const map: Record<string, string> = meeting
    ? { a: 'a', b: 'e', d: 'n', e: 'c', f: 'd', '4': '4' }
    : { a: 'a', b: 'b', d: 'n', e: 'c', f: 'd', '4': '4' };
  const out = subs(f, map).map((s) => (s.code === '4' ? { ...s, value: RELATORS[s.value] ?? '' } : s));
  return data(
    tag,
    '2',
    ' ',
    out.filter((s) => s.value),
  );
}

const SUBJECT: Record<string, string> = { a: 'a', x: 'x', y: 'z', z: 'y', j: 'v', '2': '2' };

function subject(f: MarcDataField, tag: string): MarcDataField {
  let out: MarcSubfield[];
  if (tag === '600') {
    const name = personal(f, '600');
    out = [
      ...name.subfields.filter((s) => s.code !== '4'),
      ...subs(f, { t: 't', x: 'x', y: 'z', z: 'y', j: 'v', '2': '2' }),
    ];
  } else out = subs(f, tag === '610' ? { ...SUBJECT, b: 'b' } : SUBJECT);
  const thesaurus = out.some((s) => s.code === '2');
  return data(tag, tag === '600' ? (f.ind2 === '0' ? '0' : '1') : ' ', thesaurus ? '7' : '4', out);
}

/** Leader/06 type of record, UNIMARC → MARC 21 (l electronic → m, m multimedia → o, b manuscript → t). */
const TYPES: Record<string, string> = {
  a: 'a',
  b: 't',
  c: 'c',
  d: 'd',
  e: 'e',
  f: 'f',
  g: 'g',
  i: 'i',
  j: 'j',
  k: 'k',
  l: 'm',
  m: 'o',
  r: 'r',
};
const DATE_TYPES: Record<string, string> = {
  a: 'c',
  b: 'd',
  c: 'u',
  d: 's',
  e: 'r',
  f: 'q',
  g: 'm',
  h: 't',
  i: 'p',
  j: 'e',
  k: 's',
  u: 'n',
};

function field008(f100: string, lang: string | undefined): string {
  const v = f100.padEnd(36, ' ');
  const entered = /^\d{8}/.test(v) ? v.slice(2, 8) : '      ';
  const type = DATE_TYPES[v.charAt(8)] ?? 'n';
  const d1 = v.slice(9, 13).replace(/[^\du]/g, 'u');
  const d2 = v.slice(13, 17).replace(/[^\du]/g, ' ');
  const l = (lang ?? '   ').padEnd(3, ' ').slice(0, 3);
  return `${entered}${type}${d1}${d2}xx ${' '.repeat(11)}000 0 ${l} d`;
}

/**
 * A MARC 21 record for the common UNIMARC fields (title, responsibility, edition, publication,
 * description, series, notes, subjects, classification, names, identifiers, holdings in Koha's 995).
 * Fields without a counterpart are not carried to MARC 21; they remain in `original`.
 */
export function unimarcToMarc21(rec: MarcRecord): MarcRecord {
  const out: MarcField[] = [];
  const dataf = rec.fields.filter((f): f is MarcDataField => !isControlField(f));
  const by = (tag: string) => dataf.filter((f) => f.tag === tag);
  for (const f of rec.fields)
    if (isControlField(f) && (f.tag === '001' || f.tag === '005')) out.push({ ...f });
  const lang = by('101')[0] ? first(by('101')[0] as MarcDataField, 'a') : undefined;
  const f100 = by('100')[0];
  out.push({ tag: '008', value: field008((f100 && first(f100, 'a')) ?? '', lang) });
  for (const f of by('010')) out.push(data('020', ' ', ' ', subs(f, { a: 'a', b: 'q', d: 'c', z: 'z' })));
  for (const f of by('011')) out.push(data('022', ' ', ' ', subs(f, { a: 'a', y: 'y', z: 'z' })));
  for (const f of by('020')) out.push(data('015', ' ', ' ', subs(f, { b: 'a', z: 'z' })));
  for (const f of by('801')) {
    const agency = first(f, 'b');
    if (agency) out.push(data('040', ' ', ' ', [{ code: 'a', value: agency }]));
  }
  for (const f of by('101')) {
    const l = subs(f, { a: 'a', c: 'h' });
    if (l.length) out.push(data('041', f.ind1 === '1' ? '1' : '0', ' ', l));
  }
  for (const f of by('680')) out.push(data('050', ' ', '4', subs(f, { a: 'a', b: 'b' })));
  for (const f of by('675')) out.push(data('080', ' ', ' ', subs(f, { a: 'a', v: '2' })));
  for (const f of by('676')) out.push(data('082', '0', '4', subs(f, { a: 'a', v: '2' })));
  for (const f of by('686')) out.push(data('084', ' ', ' ', subs(f, { a: 'a', '2': '2' })));
  const main = by('700')[0] ?? by('710')[0];
  if (main) out.push(main.tag === '700' ? personal(main, '100') : corporate(main, true));
  const titleField = by('200')[0];
  for (const f of by('500')) {
    const t = subs(f, { a: 'a', h: 'n', i: 'p', l: 'k', m: 'l' });
    out.push(data(main ? '240' : '130', main ? '1' : '0', '0', t));
  }
  if (titleField) {
    const titles = titleField.subfields.filter((s) => s.code === 'a').map((s) => s.value);
    const resp = titleField.subfields.filter((s) => s.code === 'f' || s.code === 'g').map((s) => s.value);
    const list: MarcSubfield[] = [];
    if (titles.length) list.push({ code: 'a', value: titles.join(' ; ') });
    for (const s of titleField.subfields) {
      if (s.code === 'e') list.push({ code: 'b', value: s.value });
      else if (s.code === 'h') list.push({ code: 'n', value: s.value });
      else if (s.code === 'i') list.push({ code: 'p', value: s.value });
      else if (s.code === 'b') list.push({ code: 'h', value: `[${s.value}]` });
    }
    if (resp.length) list.push({ code: 'c', value: resp.join(' ; ') });
    out.push(
      data(
        '245',
        main ? '1' : '0',
        nonFiling(titles[0]),
        punctuate(list, { b: ' :', c: ' /', n: '.', p: ',' }),
      ),
    );
  }
  for (const f of by('510')) out.push(data('246', '3', '1', subs(f, { a: 'a', e: 'b' })));
  for (const f of by('517')) out.push(data('246', '3', ' ', subs(f, { a: 'a', e: 'b' })));
  for (const f of by('205')) out.push(data('250', ' ', ' ', subs(f, { a: 'a', b: 'b', f: 'b' })));
  for (const f of by('210'))
    out.push(
      data(
        '260',
        ' ',
        ' ',
        punctuate(subs(f, { a: 'a', c: 'b', d: 'c', e: 'e', g: 'f', h: 'g' }), { b: ' :', c: ',' }),
      ),
    );
  for (const f of by('214')) {
    const ind2 =
      ({ '0': '1', '1': '0', '2': '2', '3': '3', '4': '4' } as Record<string, string>)[f.ind2] ?? '1';
    out.push(data('264', ' ', ind2, punctuate(subs(f, { a: 'a', c: 'b', d: 'c' }), { b: ' :', c: ',' })));
  }
  for (const f of by('215'))
    out.push(
      data(
        '300',
        ' ',
        ' ',
        punctuate(subs(f, { a: 'a', c: 'b', d: 'c', e: 'e' }), { b: ' :', c: ' ;', e: ' +' }),
      ),
    );
  for (const f of by('225')) out.push(data('490', '0', ' ', subs(f, { a: 'a', v: 'v', x: 'x' })));
  for (const tag of ['300', '310', '320', '327', '330', '333']) {
    const target = (
      { '300': '500', '310': '500', '320': '504', '327': '505', '330': '520', '333': '521' } as Record<
        string,
        string
      >
    )[tag] as string;
    for (const f of by(tag)) out.push(data(target, target === '505' ? '0' : ' ', ' ', subs(f, { a: 'a' })));
  }
  const subjectTags: Record<string, string> = {
    '600': '600',
    '601': '610',
    '602': '600',
    '605': '630',
    '606': '650',
    '607': '651',
    '608': '655',
  };
  for (const f of dataf) {
    const tag = subjectTags[f.tag];
    if (tag) out.push(f.tag === '602' ? data('600', '3', '4', subs(f, SUBJECT)) : subject(f, tag));
    else if (f.tag === '610')
      for (const s of f.subfields) if (s.code === 'a') out.push(data('653', ' ', ' ', [s]));
  }
  for (const f of dataf) {
    if (f === main) continue;
    if (f.tag === '700' || f.tag === '701' || f.tag === '702') out.push(personal(f, '700'));
    else if (f.tag === '710' || f.tag === '711' || f.tag === '712') out.push(corporate(f, false));
  }
  for (const f of [...by('410'), ...by('411')]) {
    const { title, volume } = linkedTitle(f);
    if (title)
      out.push(
        data('830', ' ', '0', [
          { code: 'a', value: title },
          ...(volume ? [{ code: 'v', value: volume }] : []),
        ]),
      );
  }
  for (const f of by('856')) out.push(data('856', f.ind1, f.ind2, f.subfields));
  // Koha's UNIMARC items: $b owner, $c holding library, $k call number, $f barcode.
  for (const f of by('995')) out.push(data('852', ' ', ' ', subs(f, { c: 'b', e: 'c', k: 'h', f: 'p' })));
  const l = rec.leader.padEnd(24, ' ');
  const leader = `${l.slice(0, 5)}${l.charAt(5)}${TYPES[l.charAt(6)] ?? 'a'}${l.charAt(7) || 'm'} a22${l.slice(12, 17)}${
    ({ ' ': ' ', '1': '7', '2': '8', '3': '7' } as Record<string, string>)[l.charAt(17)] ?? 'u'
  }${l.charAt(18) === 'n' ? ' ' : 'i'} 4500`;
  const order = (f: MarcField) => f.tag;
  const fields = out
    .filter((f) => isControlField(f) || f.subfields.length > 0)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f).localeCompare(order(b.f)) || a.i - b.i)
    .map((x) => x.f);
  return { leader, fields, original: { format: 'unimarc', leader: rec.leader, fields: rec.fields } };
}
