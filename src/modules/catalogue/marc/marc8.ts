// MARC-8 (leader/09 blank) decoding for the Latin repertoire: ASCII plus ANSEL, which covers Vietnamese
// (Ơ Ư Đ as letters, tones and vowel marks as combining diacritics written BEFORE their base letter).
// Escape sequences to other character sets (CJK, Cyrillic, Arabic…) are refused with a clear message.

const SPACING: Record<number, string> = {
  161: 'Ł',
  162: 'Ø',
  163: 'Đ',
  164: 'Þ',
  165: 'Æ',
  166: 'Œ',
  167: 'ʹ',
  168: '·',
  169: '♭',
  170: '®',
  171: '±',
  172: 'Ơ',
  173: 'Ư',
  174: 'ʼ',
  176: 'ʻ',
  177: 'ł',
  178: 'ø',
  179: 'đ',
  180: 'þ',
  181: 'æ',
  182: 'œ',
  183: 'ʺ',
  184: 'ı',
  185: '£',
  186: 'ð',
  188: 'ơ',
  189: 'ư',
  192: '°',
  193: 'ℓ',
  194: '℗',
  195: '©',
  196: '♯',
  197: '¿',
  198: '¡',
  199: 'ß',
  200: '€',
};

const COMBINING: Record<number, string> = {
  224: '\u0309',
  225: '\u0300',
  226: '\u0301',
  227: '\u0302',
  228: '\u0303',
  229: '\u0304',
  230: '\u0306',
  231: '\u0307',
  232: '\u0308',
  233: '\u030c',
  234: '\u030a',
  235: '\ufe20',
  236: '\ufe21',
  237: '\u0315',
  238: '\u030b',
  239: '\u0310',
  240: '\u0327',
  241: '\u0328',
  242: '\u0323',
  243: '\u0324',
  244: '\u0325',
  245: '\u0333',
  246: '\u0332',
  247: '\u0326',
  248: '\u031c',
  249: '\u032e',
  250: '\ufe22',
  251: '\ufe23',
  254: '\u0313',
};

/** Decodes MARC-8 bytes to an NFC string; throws an Error naming the first byte it cannot decode. */
export function decodeMarc8(bytes: Uint8Array): string {
  let out = '';
  let pending = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x1b) {
      throw new Error(
        'MARC-8 escape sequence to a non-Latin character set is not supported; convert the file to UTF-8',
      );
    }
    const mark = COMBINING[b];
    if (mark) {
      pending += mark;
      continue;
    }
    let ch: string | undefined;
    if (b < 0x80) ch = String.fromCharCode(b);
    else ch = SPACING[b];
    if (ch === undefined) throw new Error(`byte 0x${b.toString(16)} is not a MARC-8 (ANSEL) character`);
    out += ch + pending;
    pending = '';
  }
  return (out + pending).normalize('NFC');
}
