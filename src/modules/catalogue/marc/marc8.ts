// MARC-8 (MARC 21 leader/09 blank): every character set of the Library of Congress code tables, switched
// by escape sequences — ASCII and ANSEL (Latin, incl. Vietnamese Ơ Ư Đ and combining tone marks written
// BEFORE their base letter), Greek symbols, subscripts, superscripts, Hebrew, Cyrillic (basic and
// extended), Arabic (basic and extended), Greek, and the East Asian set (EACC, three bytes a character).
// The tables are generated from LoC's codetables.xml by scripts/marc8-tables.ts (ADR 0012).
import tables from './marc8-tables.json' with { type: 'json' };

const SETS = tables.sets as Record<string, Record<string, string>>;
const COMBINING = new Map(
  Object.entries(tables.combining as Record<string, string[]>).map(([k, v]) => [k, new Set(v)]),
);
const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
const EACC = 0x31;
/** Technique 1 (ESC + one byte) switches G0 to these, `ESC s` back to ASCII. */
const TECHNIQUE_1 = new Set([0x67, 0x62, 0x70]);
/** Non-standard codes some systems (Innovative) wrote in EACC mode; read as pymarc and marc4j do. */
const ODD: Record<number, string> = {
  2170941: '\u2026',
  2170944: '\u201c',
  8331284: '\u2014',
  8331289: '\u2019',
  8331296: '\u201d',
  8331554: '\u2122',
};
const SET_NAMES: Record<number, string> = {
  66: 'ASCII',
  69: 'ANSEL',
  49: 'EACC',
  50: 'Hebrew',
  51: 'Arabic',
  52: 'Extended Arabic',
  78: 'Cyrillic',
  81: 'Extended Cyrillic',
  83: 'Greek',
  98: 'Subscripts',
  103: 'Greek symbols',
  112: 'Superscripts',
};

const hex = (n: number, w = 2) => n.toString(16).toUpperCase().padStart(w, '0');
const setKey = (final: number) => hex(final);
const setName = (final: number) => SET_NAMES[final] ?? `set 0x${hex(final)}`;

export class Marc8Error extends Error {}

/**
 * Decodes MARC-8 bytes to an NFC string; throws a Marc8Error naming the byte offset and character set of
 * the first code it cannot decode (an unknown escape sequence, a code outside the set in use).
 */
export function decodeMarc8(bytes: Uint8Array): string {
  let g0 = BASIC_LATIN;
  let g1 = ANSEL;
  let out = '';
  let marks = '';
  let i = 0;
  const n = bytes.length;
  const at = (k: number) => bytes[k] ?? -1;
  while (i < n) {
    const b = at(i);
    if (b === 0x1b) {
      const x = at(i + 1);
      if (x === 0x28 || x === 0x2c || x === 0x29 || x === 0x2d) {
        // ESC ( F / ESC , F → G0; ESC ) F / ESC - F → G1 ("!E" is the registered form of ANSEL).
        let f = at(i + 2);
        let len = 3;
        if (f === 0x21) {
          f = at(i + 3);
          len = 4;
        }
        if (f < 0x20 || !SETS[setKey(f)])
          throw new Marc8Error(`unknown MARC-8 escape sequence at byte ${i} (final byte 0x${hex(f)})`);
        if (x === 0x28 || x === 0x2c) g0 = f;
        else g1 = f;
        i += len;
        continue;
      }
      if (x === 0x24) {
        // ESC $ F (G0), ESC $ ( F / ESC $ , F (G0), ESC $ ) F / ESC $ - F (G1): multibyte (EACC).
        const y = at(i + 2);
        const toG1 = y === 0x29 || y === 0x2d;
        const explicit = toG1 || y === 0x28 || y === 0x2c;
        const f = explicit ? at(i + 3) : y;
        if (f !== EACC)
          throw new Marc8Error(
            `unknown MARC-8 multibyte escape sequence at byte ${i} (final byte 0x${hex(f)})`,
          );
        if (toG1) g1 = f;
        else g0 = f;
        i += explicit ? 4 : 3;
        continue;
      }
      if (TECHNIQUE_1.has(x)) {
        g0 = x;
        i += 2;
        continue;
      }
      if (x === 0x73) {
        g0 = BASIC_LATIN;
        i += 2;
        continue;
      }
      throw new Marc8Error(
        x < 0
          ? `incomplete MARC-8 escape sequence at byte ${i}`
          : `unknown MARC-8 escape sequence at byte ${i}`,
      );
    }
    if (b < 0x20) {
      // Control characters other than the delimiters (already split off) carry no text.
      i++;
      continue;
    }
    if (b >= 0x80 && b < 0xa0) {
      // C1 controls: joiner and non-joiner are text; non-sort marks (0x88/0x89) and the rest are dropped.
      if (b === 0x8d) out += '\u200d';
      else if (b === 0x8e) out += '\u200c';
      i++;
      continue;
    }
    const high = b >= 0xa0;
    const set = high ? g1 : g0;
    let ch: string | undefined;
    let key: string;
    if (set === EACC) {
      if (i + 3 > n) throw new Marc8Error(`EACC character cut short at byte ${i}: three bytes are needed`);
      const code = (b << 16) | (at(i + 1) << 8) | at(i + 2);
      key = hex(code & 0x7f7f7f, 6).toLowerCase();
      ch = SETS['31']?.[key] ?? ODD[code];
      i += 3;
    } else {
      if (b === 0x20) {
        out += ` ${marks}`;
        marks = '';
        i++;
        continue;
      }
      key = hex(b & 0x7f).toLowerCase();
      ch = SETS[setKey(set)]?.[key];
      i++;
    }
    if (ch === undefined)
      throw new Marc8Error(
        `byte${set === EACC ? 's' : ''} 0x${key.toUpperCase()} at ${i - (set === EACC ? 3 : 1)} ${set === EACC ? 'are' : 'is'} not a character of the MARC-8 ${setName(set)} set`,
      );
    if (COMBINING.get(setKey(set))?.has(key)) {
      marks += ch;
      continue;
    }
    out += ch + marks;
    marks = '';
  }
  return (out + marks).normalize('NFC');
}
