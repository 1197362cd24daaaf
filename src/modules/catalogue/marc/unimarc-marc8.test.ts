// Real public files (fixtures/README.md): UNIMARC, full MARC-8 (every character set incl. EACC), Windows-1251.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIso2709 } from './iso2709.ts';
import { dataFields, type MarcReadResult, type MarcRecord, subfield } from './marc.types.ts';
import { marcToRecord } from './marc-map.server.ts';
import { decodeMarc8 } from './marc8.ts';
import { readMarcXml } from './marcxml-reader.server.ts';
import { isUnimarc, unimarcToMarc21 } from './unimarc.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
async function read(name: string, options = {}): Promise<MarcReadResult[]> {
  const out: MarcReadResult[] = [];
  for await (const r of readIso2709(once(fixture(name)), 0, options)) out.push(r);
  return out;
}
const records = (items: MarcReadResult[]) =>
  items.map((r) => {
    if (!r.ok) throw new Error(r.error);
    return r.record;
  });
const target = { unitId: 'u', published: true };

describe('MARC-8, all character sets (pymarc test corpus)', () => {
  it('decodes every line of pymarc test_marc8.txt to its test_utf8.txt counterpart', () => {
    const marc8 = fixture('pymarc-test_marc8.txt');
    const expected = fixture('pymarc-test_utf8.txt').toString('utf8').split('\n');
    const lines: Uint8Array[] = [];
    let from = 0;
    for (let i = 0; i <= marc8.length; i++)
      if (i === marc8.length || marc8[i] === 0x0a) {
        lines.push(marc8.subarray(from, i));
        from = i + 1;
      }
    expect(lines.length).toBe(1516);
    const scripts = new Set<string>();
    lines.forEach((line, k) => {
      const text = decodeMarc8(line);
      expect(text, `line ${k + 1}`).toBe((expected[k] ?? '').normalize('NFC'));
      for (const [script, re] of [
        ['Han', /\p{Script=Han}/u],
        ['Hangul', /\p{Script=Hangul}/u],
        ['Cyrillic', /\p{Script=Cyrillic}/u],
        ['Arabic', /\p{Script=Arabic}/u],
        ['Hebrew', /\p{Script=Hebrew}/u],
        ['Greek', /\p{Script=Greek}/u],
      ] as const)
        if (re.test(text)) scripts.add(script);
    });
    expect([...scripts].sort()).toEqual(['Arabic', 'Han', 'Hangul', 'Hebrew']);
  });

  it('reads a MARC-8 record with combining diacritics (pymarc marc8.dat)', async () => {
    const [rec] = records(await read('pymarc-marc8.dat'));
    expect(subfield(rec as MarcRecord, '240', 'a')).toBe('De la solitude à la communauté.');
  });

  it('reads MARC-8 Cyrillic escape sequences (marc4j cyrillic_capital_e.mrc)', async () => {
    const recs = records(await read('marc4j-cyrillic_capital_e.mrc'));
    const text = JSON.stringify(recs);
    expect(text).toMatch(/\p{Script=Cyrillic}{3,}/u);
  });

  it('refuses a broken EACC sequence and names the field and the character set', async () => {
    const items = await read('pymarc-bad_eacc_encoding.dat');
    const bad = items.find((r) => !r.ok);
    expect(bad && !bad.ok && bad.error).toMatch(/^field \d{3}: .*(EACC|escape)/);
  });
});

describe('Windows-1251 declared on upload (pymarc 1251.dat)', () => {
  it('is refused as MARC-8 without the declaration, and read with it', async () => {
    const plain = await read('pymarc-1251.dat');
    expect(plain.some((r) => !r.ok)).toBe(true);
    const recs = records(await read('pymarc-1251.dat', { encoding: 'windows-1251' }));
    expect(subfield(recs[0] as MarcRecord, '245', 'a')).toBe(
      'Основы гидравлического расчета инженерных сетей',
    );
  });
});

describe('UNIMARC', () => {
  it('reads pymarc testunimarc.dat (UTF-8 declared in 100 $a/26-27) and maps it through MARC 21', async () => {
    const [rec] = records(await read('pymarc-testunimarc.dat'));
    const source = rec as MarcRecord;
    expect(isUnimarc(source)).toBe(true);
    const marc21 = unimarcToMarc21(source);
    // Nothing received is lost: the original travels with the conversion.
    expect(marc21.original).toEqual({ format: 'unimarc', leader: source.leader, fields: source.fields });
    const f245 = dataFields(marc21, '245')[0];
    expect(f245?.ind2).toBe('2'); // "L'" marked non-filing with NSB/NSE
    expect(f245?.subfields[0]?.value).toBe("L'altra faccia della spirale /");
    const mapped = marcToRecord(marc21, target);
    if (!mapped.ok) throw new Error(mapped.error);
    expect(mapped.input).toMatchObject({
      type: 'book',
      title: "L'altra faccia della spirale",
      creators: ['Asimov, Isaac', 'Fruttero, Carlo', 'Lucentini, Franco', 'Scaglia, Cesare'],
      isbn: '8804406828',
      language: 'ita',
      year: 1996,
      controlNumber: 'IT\\ICCU\\ANA\\0019370',
      details: { publisher: 'A. Mondadori', place: 'Milano', extent: 'V, 201 p 20 cm' },
    });
    expect(mapped.input.details?.series).toEqual(['Bestsellers 641', 'Il ciclo delle fondazioni 4']);
    expect(dataFields(marc21, '100')[0]?.subfields).toEqual([
      { code: 'a', value: 'Asimov, Isaac' },
      { code: '4', value: 'aut' },
    ]);
  });

  it('reads a UNIMARC MARCXML record (marc4j unimarc_record.xml): subjects, notes, French text', async () => {
    const items: MarcReadResult[] = [];
    for await (const r of readMarcXml(once(fixture('marc4j-unimarc_record.xml')))) items.push(r);
    const [rec] = records(items);
    const marc21 = unimarcToMarc21(rec as MarcRecord);
    const mapped = marcToRecord(marc21, target);
    if (!mapped.ok) throw new Error(mapped.error);
    expect(mapped.input).toMatchObject({
      title: 'Le Spleen de Paris Petits poèmes en prose',
      creators: ['Baudelaire, Charles'],
      subjects: ['Poésie française -- 19e siècle'],
      language: 'fre',
      isbn: '9782707301234',
      year: 1984,
      details: { publisher: 'Éditions de Minuit', place: 'Paris' },
    });
    expect(dataFields(marc21, '500')[0]?.subfields[0]?.value).toBe(
      "Contient également une étude critique de l'œuvre.",
    );
    expect(marc21.fields.find((f) => f.tag === '008')).toMatchObject({
      value: expect.stringMatching(/^261105s1984/),
    });
  });

  it('a MARC 21 record is not taken for UNIMARC', async () => {
    for (const r of records(await read('pymarc-test.dat'))) expect(isUnimarc(r)).toBe(false);
  });
});
