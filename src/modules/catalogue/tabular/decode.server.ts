// Text encodings of uploaded CSV files. Spreadsheet exports in Vietnam come as UTF-8, UTF-8 with a BOM (Excel's
// "CSV UTF-8") or Windows-1258 (Excel's legacy "CSV" on Vietnamese Windows). Windows-1258 writes most tone marks
// as separate combining characters, so decoded text is NFC-normalised: search, matching and content hashes
// then see one form whatever the source encoding.
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1258';

export type EncodingVerdict =
  | { ok: true; encoding: CsvEncoding }
  | { ok: false; reason: 'binary' | 'utf16' | 'encoding' };

const BOM = [0xef, 0xbb, 0xbf];
/** Control bytes no text file contains (TAB, LF, VT, FF, CR are allowed): their presence means binary. */
const isBinaryByte = (b: number) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a);
const hasBinary = (bytes: Uint8Array) => bytes.some(isBinaryByte);
// Bytes Windows-1258 leaves undefined: a file containing them was written in some other encoding.
const CP1258_UNDEFINED = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);

/**
 * Streams through the file once: valid UTF-8 → UTF-8 (with or without BOM); otherwise Windows-1258 when every
 * byte is defined there. Control bytes (binary files, UTF-16) are refused.
 */
export async function detectFileEncoding(path: string): Promise<EncodingVerdict> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let cp1258 = true;
  let first = true;
  let bom = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        return { ok: false, reason: 'utf16' };
      bom = BOM.every((b, i) => chunk[i] === b);
    }
    if (hasBinary(chunk)) return { ok: false, reason: 'binary' };
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    if (!utf8 && cp1258) {
      for (const b of chunk) if (CP1258_UNDEFINED.has(b)) cp1258 = false;
    }
    if (!utf8 && !cp1258) return { ok: false, reason: 'encoding' };
  }
  if (utf8) {
    try {
      decoder.decode();
      return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8' };
    } catch {
      // a multi-byte sequence cut off at the end of the file
    }
  }
  return cp1258 ? { ok: true, encoding: 'windows-1258' } : { ok: false, reason: 'encoding' };
}

/** Same verdict for bytes in memory (tests, small files). */
export function detectEncoding(bytes: Uint8Array): EncodingVerdict {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, reason: 'utf16' };
  if (hasBinary(bytes)) return { ok: false, reason: 'binary' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, encoding: BOM.every((b, i) => bytes[i] === b) ? 'utf-8-bom' : 'utf-8' };
  } catch {
    for (const b of bytes) if (CP1258_UNDEFINED.has(b)) return { ok: false, reason: 'encoding' };
    return { ok: true, encoding: 'windows-1258' };
  }
}

/** Decodes bytes in the detected encoding to NFC text, without a BOM. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding): string {
  const text =
    encoding === 'windows-1258'
      ? iconv.decode(Buffer.from(bytes), 'windows1258')
      : new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\uFEFF/, '').normalize('NFC');
}

/** A transform stream decoding the file's bytes to text (NFC per cell is applied by the reader). */
export function decodingStream(encoding: CsvEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding === 'windows-1258' ? 'windows1258' : 'utf8', { stripBOM: true });
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter of the header line: whichever of , ; TAB | occurs most often outside quotes (Excel on a
 * Vietnamese-locale Windows writes `;`, most other tools `,`).
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as CsvDelimiter))
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
