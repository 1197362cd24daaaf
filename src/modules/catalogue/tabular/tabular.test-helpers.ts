// Test helpers: Windows-1258 bytes as a Vietnamese Excel writes them (tone marks as combining characters).
import iconv from 'iconv-lite';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Encodes text to Windows-1258: vowel marks stay precomposed (â, ơ…), tone marks become combining bytes. */
export function toWindows1258(text: string): Buffer {
  let out = '';
  for (const cluster of text.normalize('NFC').match(/\P{M}\p{M}*/gu) ?? []) {
    const parts = [...cluster.normalize('NFD')];
    const tones = parts.filter((c) => TONES.test(c)).join('');
    const base = parts
      .filter((c) => !TONES.test(c))
      .join('')
      .normalize('NFC');
    out += base + tones;
  }
  return iconv.encode(out, 'windows1258');
}
