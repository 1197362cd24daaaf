// ISO 2709 (binary MARC, `.mrc`): a streaming reader that never holds more than one record in memory and
// reports each bad record with its byte offset instead of failing the file, and the matching writer.

import iconv from 'iconv-lite';
import type { LegacyEncoding } from './encodings.ts';
import { decodeIso5426 } from './iso5426.ts';
import {
  isControlField,
  isControlTag,
  type MarcField,
  type MarcReadResult,
  type MarcRecord,
} from './marc.types.ts';
import { decodeMarc8 } from './marc8.ts';
import { looksUnimarc, unimarcCharset } from './unimarc.ts';

const RECORD_END = 0x1d;
const FIELD_END = 0x1e;
const SUBFIELD = 0x1f;
const MAX_RECORD = 99_999;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function digits(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

class RecordError extends Error {}

export interface Iso2709Options {
  /** The file's declared 8-bit character set: used for records whose leader does not say UTF-8. */
  encoding?: LegacyEncoding | undefined;
}

type Decode = (b: Uint8Array, tag: string) => string;

function utf8Decoder(what: string): Decode {
  return (b, tag) => {
    try {
      return utf8.decode(b);
    } catch {
      throw new RecordError(`field ${tag}: invalid UTF-8 (${what})`);
    }
  };
}

/** Chooses how the record's text is decoded: leader/09, UNIMARC 100 $a/26-27, or the declared encoding. */
function decoderFor(
  leader: string,
  raw: ReadonlyArray<{ tag: string; content: Uint8Array }>,
  options: Iso2709Options,
): Decode {
  const coding = leader.charAt(9);
  const unimarc = looksUnimarc(raw.map((r) => r.tag));
  if (options.encoding && (unimarc || coding !== 'a')) {
    const encoding = options.encoding;
    return (b) => iconv.decode(Buffer.from(b), encoding).normalize('NFC');
  }
  if (unimarc) {
    const f100 = raw.find((r) => r.tag === '100');
    const text = f100 ? ascii(f100.content) : '';
    const a = text
      .split(String.fromCharCode(SUBFIELD))
      .find((s) => s.startsWith('a'))
      ?.slice(1);
    const charset = unimarcCharset(a);
    if (typeof charset === 'object')
      throw new RecordError(
        `UNIMARC record in character set ${charset.unsupported} (field 100 $a/26-27), which cannot be read; convert the file to UTF-8 (code 50)`,
      );
    if (charset === 'iso-5426')
      return (b, tag) => {
        try {
          return decodeIso5426(b);
        } catch (e) {
          throw new RecordError(
            `field ${tag}: ${e instanceof Error ? e.message : 'undecodable ISO 5426 bytes'}`,
          );
        }
      };
    if (charset === 'ascii')
      return (b, tag) => {
        if (b.some((x) => x >= 0x80))
          throw new RecordError(
            `field ${tag}: bytes above 0x7F in a record declaring ISO 646 (ASCII) in 100 $a/26-27`,
          );
        return ascii(b);
      };
    return utf8Decoder('UNIMARC 100 $a/26-27 declares Unicode');
  }
  if (coding === 'a') return utf8Decoder('leader/09 declares UTF-8');
  if (coding !== ' ')
    throw new RecordError(
      `leader/09 (character coding) is "${coding}"; expected "a" (UTF-8) or blank (MARC-8)`,
    );
  return (b, tag) => {
    try {
      return decodeMarc8(b);
    } catch (e) {
      throw new RecordError(`field ${tag}: ${e instanceof Error ? e.message : 'undecodable MARC-8 bytes'}`);
    }
  };
}

/** Parses one complete record (its bytes end with the record terminator). Throws RecordError. */
export function parseIso2709Record(bytes: Uint8Array, options: Iso2709Options = {}): MarcRecord {
  if (bytes.length < 26) throw new RecordError('record shorter than a leader and a directory');
  const leader = ascii(bytes.subarray(0, 24));
  if (!/^[\x20-\x7e]{24}$/.test(leader)) throw new RecordError('leader contains non-ASCII bytes');
  const base = digits(leader.slice(12, 17));
  if (base === undefined || base < 25 || base > bytes.length - 1)
    throw new RecordError(`leader/12-16 (base address of data) "${leader.slice(12, 17)}" is not valid`);
  if (bytes[base - 1] !== FIELD_END) throw new RecordError('directory does not end with a field terminator');
  const dirLength = base - 1 - 24;
  if (dirLength % 12 !== 0) throw new RecordError('directory length is not a multiple of 12');
  const raw: Array<{ tag: string; content: Uint8Array }> = [];
  for (let at = 24; at < base - 1; at += 12) {
    const entry = ascii(bytes.subarray(at, at + 12));
    const tag = entry.slice(0, 3);
    const length = digits(entry.slice(3, 7));
    const start = digits(entry.slice(7, 12));
    if (!/^[0-9A-Za-z]{3}$/.test(tag) || length === undefined || start === undefined)
      throw new RecordError(`directory entry "${entry}" is malformed`);
    const from = base + start;
    const to = from + length;
    if (length < 1 || to > bytes.length - 1)
      throw new RecordError(`field ${tag}: length ${length} at ${start} runs past the end of the record`);
    if (bytes[to - 1] !== FIELD_END)
      throw new RecordError(`field ${tag}: does not end with a field terminator`);
    raw.push({ tag, content: bytes.subarray(from, to - 1) });
  }
  const decode = decoderFor(leader, raw, options);
  const fields: MarcField[] = [];
  for (const { tag, content } of raw) {
    if (isControlTag(tag)) {
      fields.push({ tag, value: decode(content, tag) });
      continue;
    }
    if (content.length < 2) throw new RecordError(`field ${tag}: missing indicators`);
    const ind1 = String.fromCharCode(content[0] as number);
    const ind2 = String.fromCharCode(content[1] as number);
    const subfields: Array<{ code: string; value: string }> = [];
    let i = 2;
    if (i < content.length && content[i] !== SUBFIELD)
      throw new RecordError(`field ${tag}: data does not start with a subfield delimiter`);
    while (i < content.length) {
      let j = i + 1;
      while (j < content.length && content[j] !== SUBFIELD) j++;
      if (j === i + 1) throw new RecordError(`field ${tag}: empty subfield code`);
      subfields.push({
        code: String.fromCharCode(content[i + 1] as number),
        value: decode(content.subarray(i + 2, j), tag),
      });
      i = j;
    }
    fields.push({ tag, ind1, ind2, subfields });
  }
  return { leader, fields };
}

/**
 * Reads records from a byte stream. `startOffset` is the file offset of the first chunk (a resumed import
 * opens the file there). Every yielded item carries `position` (byte offset of the record) and `next`
 * (where the following record starts), so a caller can commit progress and resume exactly.
 */
export async function* readIso2709(
  chunks: AsyncIterable<Uint8Array>,
  startOffset = 0,
  options: Iso2709Options = {},
): AsyncGenerator<MarcReadResult> {
  const it = chunks[Symbol.asyncIterator]();
  let buf = new Uint8Array(0);
  let pos = 0; // index into buf
  let bufOffset = startOffset; // file offset of buf[0]
  let eof = false;

  const fill = async (): Promise<boolean> => {
    if (eof) return false;
    const n = await it.next();
    if (n.done) {
      eof = true;
      return false;
    }
    const rest = buf.subarray(pos);
    const next = new Uint8Array(rest.length + n.value.length);
    next.set(rest, 0);
    next.set(n.value, rest.length);
    bufOffset += pos;
    buf = next;
    pos = 0;
    return true;
  };
  /** Skips to just past the next record terminator, discarding what it passes (memory stays bounded). */
  const skipPastTerminator = async (): Promise<void> => {
    for (;;) {
      const idx = buf.indexOf(RECORD_END, pos);
      if (idx >= 0) {
        pos = idx + 1;
        return;
      }
      pos = buf.length;
      if (!(await fill())) return;
    }
  };

  for (;;) {
    // Line breaks or spaces between records are tolerated (some exports add them).
    for (;;) {
      while (pos < buf.length && (buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x20)) pos++;
      if (pos < buf.length) break;
      if (!(await fill())) return;
    }
    while (buf.length - pos < 5 && (await fill()));
    const position = bufOffset + pos;
    const resync = async (error: string): Promise<MarcReadResult> => {
      await skipPastTerminator();
      return { ok: false, error, position, next: bufOffset + pos };
    };
    const declared = digits(ascii(buf.subarray(pos, pos + 5)));
    if (declared === undefined || declared < 26) {
      yield await resync(
        `bad leader: record length "${ascii(buf.subarray(pos, pos + 5))}" is not a valid number`,
      );
      continue;
    }
    while (buf.length - pos < declared && (await fill()));
    if (buf.length - pos < declared) {
      const have = buf.length - pos;
      const terminator = buf.indexOf(RECORD_END, pos);
      if (terminator >= 0 && terminator < buf.length - 1) {
        // A record terminator before the end of the file: this record's length is wrong, later ones may be fine.
        yield await resync(
          `wrong record length: leader declares ${declared} bytes, more than the rest of the file`,
        );
        continue;
      }
      pos = buf.length;
      yield {
        ok: false,
        error: `truncated record: leader declares ${declared} bytes, the file ends after ${have}`,
        position,
        next: bufOffset + pos,
      };
      return;
    }
    if (buf[pos + declared - 1] !== RECORD_END) {
      yield await resync(`wrong record length: byte ${declared} of the record is not the record terminator`);
      continue;
    }
    const bytes = buf.subarray(pos, pos + declared);
    pos += declared;
    const next = bufOffset + pos;
    try {
      yield { ok: true, record: parseIso2709Record(bytes, options), position, next };
    } catch (e) {
      if (!(e instanceof RecordError)) throw e;
      yield { ok: false, error: e.message, position, next };
    }
  }
}

/** Serialises one record as ISO 2709 in UTF-8 (leader/09 = "a"). Throws when it exceeds 99,999 bytes. */
export function writeIso2709(record: MarcRecord): Uint8Array {
  const parts: Uint8Array[] = [];
  const dir: string[] = [];
  let dataLength = 0;
  for (const f of record.fields) {
    let text: string;
    if (isControlField(f)) {
      text = f.value;
    } else {
      text = (f.ind1 || ' ').charAt(0) + (f.ind2 || ' ').charAt(0);
      for (const s of f.subfields) text += `\x1f${s.code.charAt(0)}${s.value}`;
    }
    const bytes = utf8Encoder.encode(`${text}\x1e`);
    if (bytes.length > 9999) throw new Error(`field ${f.tag} is longer than 9,999 bytes`);
    dir.push(
      f.tag.padStart(3, '0').slice(0, 3) +
        String(bytes.length).padStart(4, '0') +
        String(dataLength).padStart(5, '0'),
    );
    parts.push(bytes);
    dataLength += bytes.length;
  }
  const base = 24 + dir.length * 12 + 1;
  const total = base + dataLength + 1;
  if (total > MAX_RECORD) throw new Error('record is longer than 99,999 bytes');
  const l = record.leader.padEnd(24, ' ').slice(0, 24);
  const leader = `${String(total).padStart(5, '0')}${l.slice(5, 9)}a22${String(base).padStart(5, '0')}${l.slice(17, 20)}4500`;
  const out = new Uint8Array(total);
  out.set(utf8Encoder.encode(`${leader}${dir.join('')}\x1e`), 0);
  let at = base;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out[total - 1] = RECORD_END;
  return out;
}

/** The leader a record gets after a write: what a round trip compares against. */
export function normaliseLeader(leader: string): string {
  const l = leader.padEnd(24, ' ').slice(0, 24);
  return `${l.slice(5, 9)}a22${l.slice(17, 20)}4500`;
}
