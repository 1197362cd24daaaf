// MARCXML (MARC 21 slim) reader on a streaming XML parser (saxes): constant memory, every complete record is
// yielded as soon as it closes, and positions are exact byte offsets in the file (as for ISO 2709), so an
// import commits every record before any damage and resumes exactly. Damage — a file cut mid-record, mid-tag
// or mid-character, malformed XML, a DOCTYPE (entity attacks start there), a token over 1 MiB — ends the
// file with one last `fatal` item naming the record and its byte offset: nothing past it can be trusted.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { MarcDataField, MarcReadResult, MarcRecord } from './marc.types.ts';
import { ByteMap, Utf8Chunks } from './xml-bytes.ts';

export const MARC21_SLIM = 'http://www.loc.gov/MARC21/slim';
/** Longest stretch of input without an XML event (one text node, tag or comment). */
export const MAX_XML_TOKEN = 1024 * 1024;
const SLICE = 1 << 16;
const RECORD_START = /^<([A-Za-z_][\w.-]*:)?record[\s>/]/;

export interface MarcXmlReadOptions {
  /** File offset of the first byte of `chunks` (a resumed import opens the file there). */
  startOffset?: number;
  /** Resuming: the file's bytes before its first record (declaration, root start tag with its namespaces). */
  prologue?: Uint8Array;
  /** Records before `startOffset`; numbering continues after them. */
  recordsBefore?: number;
  /** Records read but not yielded (resuming a job that counted records instead of bytes). */
  skipRecords?: number;
  /** Called with the byte offset of each record's `<` as the record opens. */
  onRecordStart?: (offset: number) => void;
}

class Stop extends Error {}

/**
 * Yields each `<record>` (in the MARC 21 slim namespace or none, under any prefix, as the root or inside any
 * wrapper): `position` is the byte offset of its `<`, `next` the byte offset just after `</record>`,
 * `number` its number in the file (from 1). Bad MARC inside well-formed XML (a bad tag, a short leader) is a
 * non-fatal error item; damaged XML is a last item with `fatal: true`.
 */
export async function* readMarcXml(
  chunks: AsyncIterable<Uint8Array | string>,
  opts: MarcXmlReadOptions = {},
): AsyncGenerator<MarcReadResult> {
  const startOffset = opts.startOffset ?? 0;
  const resumed = opts.prologue !== undefined && startOffset > 0;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const map = new ByteMap();
  const out: MarcReadResult[] = [];
  let fatal: MarcReadResult | undefined;
  let count = opts.recordsBefore ?? 0;
  let lastEvent = 0; // parser position of the latest event
  let sawRoot = false;
  let sawElement = false; // an element after the prologue (only matters when resuming)
  let closing = false;
  let recordAt = -1; // byte offset of the open record, -1 outside a record
  let record: MarcRecord | undefined;
  let depth = 0; // elements open inside the record
  let problem: string | undefined;
  let field: MarcDataField | undefined;
  let capture:
    | { target: 'leader' | 'control' | 'subfield'; tag: string; code: string; text: string }
    | undefined;
  let pendingLt = -1;

  const damage = (why: string, byte: number): never => {
    const where =
      recordAt >= 0
        ? `record ${count} (starting at byte ${recordAt})`
        : count > 0
          ? `after record ${count}`
          : 'before the first record';
    fatal = {
      ok: false,
      fatal: true,
      error: `${where}: ${why} at byte ${byte}; nothing after it was read`,
      position: recordAt >= 0 ? recordAt : byte,
      next: recordAt >= 0 ? recordAt : byte,
      ...(recordAt >= 0 ? { number: count } : {}),
    };
    throw new Stop();
  };
  const touch = () => {
    lastEvent = parser.position;
  };
  const localOf = (qname: string) => qname.slice(qname.indexOf(':') + 1);
  const isMarc = (tag: SaxesTagNS, local: string) =>
    tag.local === local && (tag.uri === MARC21_SLIM || tag.uri === '');
  const attr = (tag: SaxesTagNS, name: string) => tag.attributes[name]?.value;

  parser.on('xmldecl', (decl) => {
    touch();
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding))
      damage(
        `encoding "${decl.encoding}" is not supported; save the file as UTF-8`,
        map.byteAt(parser.position),
      );
  });
  parser.on('doctype', () =>
    damage(
      'a DOCTYPE (DTD, entity declarations) is not allowed; export the file without one',
      map.byteAt(lastEvent),
    ),
  );
  parser.on('comment', touch);
  parser.on('processinginstruction', touch);
  parser.on('error', (err) => {
    if (closing && resumed && !sawElement && /root element/.test(err.message)) return;
    const why = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (closing && recordAt >= 0)
      damage('the file ends inside the record (truncated?)', map.byteAt(parser.position));
    if (closing) damage(`the file ends early: ${why} (truncated?)`, map.byteAt(parser.position));
    damage(`malformed XML: ${why}`, map.byteAt(Math.max(lastEvent, parser.position - 1)));
  });
  parser.on('opentagstart', (tag) => {
    sawRoot = true;
    sawElement = true;
    if (recordAt < 0 && localOf(tag.name) === 'record') {
      // The delimiter after the name (space, `>`, `/` — or CR LF, two code units) has just been read.
      const pos = parser.position;
      const width = map.charAt(pos - 1) === '\n' && map.charAt(pos - 2) === '\r' ? 2 : 1;
      pendingLt = pos - width - tag.name.length - 1;
    }
  });
  parser.on('opentag', (raw) => {
    touch();
    const tag = raw as SaxesTagNS;
    if (record) {
      depth++;
      if (isMarc(tag, 'leader')) capture = { target: 'leader', tag: '', code: '', text: '' };
      else if (isMarc(tag, 'controlfield')) {
        const t = attr(tag, 'tag') ?? '';
        if (!/^[0-9A-Za-z]{3}$/.test(t)) problem ??= `controlfield with a missing or bad tag "${t}"`;
        capture = { target: 'control', tag: t, code: '', text: '' };
      } else if (isMarc(tag, 'datafield')) {
        const t = attr(tag, 'tag') ?? '';
        if (!/^[0-9A-Za-z]{3}$/.test(t)) problem ??= `datafield with a missing or bad tag "${t}"`;
        field = {
          tag: t,
          ind1: (attr(tag, 'ind1') ?? ' ').charAt(0) || ' ',
          ind2: (attr(tag, 'ind2') ?? ' ').charAt(0) || ' ',
          subfields: [],
        };
      } else if (isMarc(tag, 'subfield')) {
        const code = attr(tag, 'code') ?? '';
        if (code.length !== 1)
          problem ??= `subfield with a missing or bad code in field ${field?.tag ?? '?'}`;
        capture = { target: 'subfield', tag: field?.tag ?? '', code, text: '' };
      } else if (isMarc(tag, 'record')) problem ??= 'a record inside a record';
      return;
    }
    if (isMarc(tag, 'record') && pendingLt >= 0) {
      count++;
      recordAt = map.byteAt(pendingLt);
      opts.onRecordStart?.(recordAt);
      record = { leader: '', fields: [] };
      depth = 0;
      problem = undefined;
      field = undefined;
      capture = undefined;
    }
    pendingLt = -1;
  });
  const addText = (text: string) => {
    touch();
    if (capture) capture.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (raw) => {
    touch();
    if (!record) return;
    const tag = raw as SaxesTagNS;
    if (depth > 0) {
      depth--;
      if (isMarc(tag, 'leader') && capture?.target === 'leader') record.leader = capture.text;
      else if (isMarc(tag, 'controlfield') && capture?.target === 'control')
        record.fields.push({ tag: capture.tag, value: capture.text });
      else if (isMarc(tag, 'subfield') && capture?.target === 'subfield') {
        if (field) field.subfields.push({ code: capture.code, value: capture.text });
        else problem ??= 'subfield outside a datafield';
      } else if (isMarc(tag, 'datafield') && field) {
        record.fields.push(field);
        field = undefined;
      }
      if (!isMarc(tag, 'datafield')) capture = undefined;
      return;
    }
    const next = map.byteAt(parser.position);
    if (!problem && record.leader.length !== 24)
      problem = `leader is ${record.leader.length} characters, expected 24`;
    if (count > (opts.skipRecords ?? 0))
      out.push(
        problem
          ? { ok: false, error: problem, position: recordAt, next, number: count }
          : { ok: true, record, position: recordAt, next, number: count },
      );
    record = undefined;
    recordAt = -1;
  });

  let prologTail = '';
  const feed = (text: string, byte: number) => {
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + SLICE);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep surrogate pairs together
      const slice = text.slice(i, end);
      i = end;
      if (!sawRoot) {
        // A DTD is refused before the parser buffers it (a billion-laughs DTD can be large).
        const look = prologTail + slice;
        const at = look.indexOf('<!DOCTYPE');
        if (at >= 0)
          damage(
            'a DOCTYPE (DTD, entity declarations) is not allowed; export the file without one',
            map.byteAt(map.fed - prologTail.length + at),
          );
        prologTail = look.slice(-8);
      }
      map.push(slice, byte);
      byte += Buffer.byteLength(slice);
      parser.write(slice);
      if (parser.position - lastEvent > MAX_XML_TOKEN)
        damage('an XML token (text, tag or comment) longer than 1 MiB', map.byteAt(lastEvent));
      map.forget(lastEvent - 1);
    }
  };

  const decoder = new Utf8Chunks(startOffset);
  try {
    if (resumed && opts.prologue) {
      const head = new Utf8Chunks(0);
      for (const piece of head.push(opts.prologue).pieces) feed(piece.text, piece.byte);
      decoder.skipBom = false;
    }
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      const { pieces, error } = decoder.push(bytes);
      for (const piece of pieces) feed(piece.text, piece.byte);
      if (error) damage(error.why, error.byte);
      yield* out.splice(0);
    }
    const tail = decoder.end();
    if (tail) damage(tail.why, tail.byte);
    closing = true;
    parser.close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  yield* out.splice(0);
  if (fatal) yield fatal;
}

/** Byte offset of the first record's `<` (what a resumed read needs as its prologue), or -1 if none. */
export async function firstMarcXmlRecordOffset(chunks: AsyncIterable<Uint8Array | string>): Promise<number> {
  let first = -1;
  const it = readMarcXml(chunks, {
    onRecordStart: (at) => {
      if (first < 0) first = at;
    },
  });
  for await (const _ of it) break;
  return first;
}

/**
 * MARCXML from `offset` on. A resumed read (offset past the first record) is fed the file's bytes before its
 * first record first — the declaration and the root start tag with its namespace prefixes — then the file
 * from the offset, so offsets stay file offsets and record numbers continue after `recordsBefore`.
 * A job saved before MARCXML offsets were bytes holds a record count there (no record starts at it): it is
 * read from the start, past that many records.
 */
export async function openMarcXml(path: string, offset: number, recordsBefore: number) {
  const stream = (start = 0) => createReadStream(path, { start, highWaterMark: 1 << 18 });
  if (offset === 0) return readMarcXml(stream());
  const first = await firstMarcXmlRecordOffset(stream());
  // No byte offset a job commits lies before the end of the first record: this one is a record count.
  if (first < 0 || offset <= first) return readMarcXml(stream(), { skipRecords: offset });
  const fh = await open(path, 'r');
  const prologue = Buffer.alloc(first);
  const head = Buffer.alloc(64);
  try {
    await fh.read(prologue, 0, first, 0);
    await fh.read(head, 0, head.length, offset);
  } finally {
    await fh.close();
  }
  if (!RECORD_START.test(head.toString('latin1'))) return readMarcXml(stream(), { skipRecords: offset });
  return readMarcXml(stream(offset), { startOffset: offset, prologue, recordsBefore });
}
