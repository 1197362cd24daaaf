// ISO 5426:1983 (registered as ISO-IR 53), the extended Latin set of UNIMARC records whose 100 $a/26-27 says
// `03`, and of MAB2. Bytes 0x00-0x7F are ISO 646 (ASCII). 0xC0-0xDF are non-spacing diacritics that come
// BEFORE the letter they sit on (several may stack: Vietnamese "ậ" is 0xC3 0xD6 "a"); Unicode puts combining
// marks after the letter, so each letter is emitted followed by its marks in the order they were written, and
// the text is composed (NFC): "ậ", "ơ", "Đ" come out as the precomposed characters Vietnamese text uses.
// 0x88/0x89 are the ISO 6630 non-sorting begin/end controls (NSB/NSE), kept as U+0088/U+0089 exactly as a UTF-8
// UNIMARC record carries them (unimarc.ts reads them). Positions the standard leaves empty, and a diacritic
// with no letter after it, are refused with the byte and its offset.
//
// Source of the table: the ISO-IR 53 code chart, positions as named in ISO 5426 and in marc4j's
// Iso5426ToUnicode and smc.bibencodings' iso-5426 codec (which agree with it on every spacing character and on
// the diacritics 0xC0-0xD0, 0xD3-0xD9; 0xD1 rude, 0xD2 hook to left, 0xDA-0xDF have no precomposed letters in
// either, and are mapped here to the combining marks of the same names). Each diacritic is mapped to its
// Unicode combining mark rather than to a list of precomposed pairs, so every letter + mark combination decodes,
// not only the ones a pair table happens to list. Tested on real MAB2 records (fixtures/README.md).

/** 0xA0-0xBF and 0xE0-0xFF: spacing characters. */
const SPACING: Record<number, string> = {
  161: '\u00a1', // inverted exclamation mark
  162: '\u201e', // left low double quotation mark
  163: '\u00a3', // pound sign
  164: '\u0024', // dollar sign
  165: '\u00a5', // yen sign
  166: '\u2020', // dagger
  167: '\u00a7', // section sign
  168: '\u2032', // prime
  169: '\u2018', // left high single quotation mark
  170: '\u201c', // left high double quotation mark
  171: '\u00ab', // left angle quotation mark
  172: '\u266d', // music flat
  173: '\u00a9', // copyright sign
  174: '\u2117', // sound recording copyright
  175: '\u00ae', // registered sign
  176: '\u02bb', // ayn
  177: '\u02bc', // alif / hamzah
  178: '\u201a', // left low single quotation mark
  182: '\u2021', // double dagger
  183: '\u00b7', // middle dot
  184: '\u2033', // double prime
  185: '\u2019', // right high single quotation mark
  186: '\u201d', // right high double quotation mark
  187: '\u00bb', // right angle quotation mark
  188: '\u266f', // music sharp
  189: '\u02b9', // mjagkij znak (soft sign)
  190: '\u02ba', // tverdyj znak (hard sign)
  191: '\u00bf', // inverted question mark
  225: '\u00c6', // Æ
  226: '\u0110', // Đ (D with stroke)
  230: '\u0132', // Ĳ
  232: '\u0141', // Ł
  233: '\u00d8', // Ø
  234: '\u0152', // Œ
  236: '\u00de', // Þ
  241: '\u00e6', // æ
  242: '\u0111', // đ (d with stroke)
  243: '\u00f0', // ð (eth)
  245: '\u0131', // ı (dotless i)
  246: '\u0133', // ĳ
  248: '\u0142', // ł
  249: '\u00f8', // ø
  250: '\u0153', // œ
  251: '\u00df', // ß
  252: '\u00fe', // þ
};

/** 0xC0-0xDF: non-spacing diacritics, as Unicode combining marks. */
const DIACRITICS: Record<number, string> = {
  192: '\u0309', // low rising tone mark = hook above (Vietnamese hỏi)
  193: '\u0300', // grave
  194: '\u0301', // acute
  195: '\u0302', // circumflex
  196: '\u0303', // tilde
  197: '\u0304', // macron
  198: '\u0306', // breve
  199: '\u0307', // dot above
  200: '\u0308', // trema / diaeresis
  201: '\u0308', // umlaut
  202: '\u030a', // circle above
  203: '\u0315', // high comma off centre
  204: '\u0312', // inverted high comma, centred
  205: '\u030b', // double acute
  206: '\u031b', // horn (Vietnamese ơ, ư)
  207: '\u030c', // caron
  208: '\u0327', // cedilla
  209: '\u031c', // rude (left half ring below)
  210: '\u0326', // hook to left = comma below (Romanian ș, ț)
  211: '\u0328', // ogonek (hook to right)
  212: '\u0325', // circle below
  213: '\u032e', // half circle below = breve below
  214: '\u0323', // dot below (Vietnamese nặng)
  215: '\u0324', // double dot below
  216: '\u0332', // underline
  217: '\u0333', // double underline
  218: '\u0329', // small low vertical bar
  219: '\u032d', // circumflex below
  221: '\ufe20', // left half of ligature sign / of double tilde
  222: '\ufe21', // right half of ligature sign
  223: '\ufe23', // right half of double tilde
};

/** C1 controls a record may carry: NSB/NSE (non-sorting begin/end, ISO 6630). */
const CONTROLS = new Set([0x88, 0x89]);

export class Iso5426Error extends Error {}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Decodes ISO 5426 bytes (one field or subfield) to NFC text. Throws Iso5426Error naming the byte. */
export function decodeIso5426(bytes: Uint8Array): string {
  let out = '';
  let marks = '';
  let markAt = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const mark = DIACRITICS[b];
    if (mark !== undefined) {
      if (!marks) markAt = i;
      marks += mark;
      continue;
    }
    let ch: string | undefined;
    if (b < 0x80) ch = String.fromCharCode(b);
    else if (CONTROLS.has(b)) ch = String.fromCharCode(b);
    else ch = SPACING[b];
    if (ch === undefined) throw new Iso5426Error(`byte ${hex(b)} at ${i} is not a character of ISO 5426`);
    if (marks && (b < 0x20 || CONTROLS.has(b)))
      throw new Iso5426Error(
        `diacritic ${hex(bytes[markAt] as number)} at ${markAt} is not followed by a letter`,
      );
    out += ch + marks;
    marks = '';
  }
  if (marks)
    throw new Iso5426Error(
      `diacritic ${hex(bytes[markAt] as number)} at ${markAt} is not followed by a letter`,
    );
  return out.normalize('NFC');
}
