// MARCXML (MARC 21 slim): the writer, and a deliberately small XML tokenizer — no DTDs, no entity
// declarations, only the five predefined entities and character references — used for OAI-PMH responses.
// A DOCTYPE anywhere rejects the whole response (entity-expansion and external-entity attacks start there).
// Import files are read by marcxml-reader.ts (streaming, byte offsets, resumable).
import type { MarcRecord } from './marc.types.ts';

export class XmlRejected extends Error {}

const MAX_TOKEN = 1024 * 1024;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// XML 1.0 Char production: tab, newline, carriage return and everything from U+0020 except surrogates/FFFE/FFFF.
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]$/u;

function decodeEntities(s: string, at: number): string {
  return s.replace(/&([^;&\s]{0,12});/g, (m, name: string) => {
    if (PREDEFINED[name]) return PREDEFINED[name] as string;
    const code = /^#x[0-9a-f]+$/i.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#\d+$/.test(name)
        ? Number(name.slice(1))
        : undefined;
    if (code === undefined) throw new XmlRejected(`undefined entity "${m}" near character ${at}`);
    const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '';
    if (!XML_CHAR.test(ch))
      throw new XmlRejected(`character reference "${m}" is not allowed near character ${at}`);
    return ch;
  });
}

export type XmlEvent =
  | { kind: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string };

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

function parseStartTag(body: string, at: number): XmlEvent {
  const selfClosing = body.endsWith('/');
  const inner = selfClosing ? body.slice(0, -1) : body;
  const nameMatch = /^([A-Za-z_][\w.:-]*)/.exec(inner);
  if (!nameMatch) throw new XmlRejected(`malformed start tag near character ${at}`);
  const attrs: Record<string, string> = {};
  const re = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/gy;
  re.lastIndex = (nameMatch[1] as string).length;
  let m: RegExpExecArray | null = re.exec(inner);
  let end = (nameMatch[1] as string).length;
  while (m) {
    attrs[localName(m[1] as string)] = decodeEntities(m[3] ?? m[4] ?? '', at);
    end = re.lastIndex;
    m = re.exec(inner);
  }
  if (inner.slice(end).trim() !== '') throw new XmlRejected(`malformed attributes near character ${at}`);
  return { kind: 'start', name: localName(nameMatch[1] as string), attrs, selfClosing };
}

/** The hardened tokenizer on its own (also used by the OAI-PMH harvester). */
export async function* xmlEvents(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<XmlEvent> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const it = chunks[Symbol.asyncIterator]();
  let buf = '';
  let i = 0;
  let consumed = 0; // characters dropped from the front of buf
  let eof = false;
  const more = async (): Promise<boolean> => {
    if (eof) return false;
    const n = await it.next();
    buf = buf.slice(i);
    consumed += i;
    i = 0;
    if (n.done) {
      eof = true;
      buf += decoder.decode();
      return buf.length > 0;
    }
    buf += typeof n.value === 'string' ? n.value : decoder.decode(n.value, { stream: true });
    return true;
  };
  /** Index of `needle` at or after `from`, reading more input as needed; -1 at end of input. */
  const find = async (needle: string, from: number): Promise<number> => {
    let offset = from - i;
    for (;;) {
      const idx = buf.indexOf(needle, i + offset);
      if (idx >= 0) return idx;
      offset = Math.max(0, buf.length - i - needle.length);
      if (buf.length - i > MAX_TOKEN)
        throw new XmlRejected(`an XML token longer than 1 MiB near character ${consumed + i}`);
      if (!(await more())) return -1;
    }
  };
  for (;;) {
    if (i >= buf.length && !(await more())) return;
    if (i >= buf.length) continue;
    const at = consumed + i;
    if (buf[i] !== '<') {
      let lt = await find('<', i);
      if (lt < 0) lt = buf.length;
      const text = buf.slice(i, lt);
      i = lt;
      yield { kind: 'text', text: decodeEntities(text, at) };
      continue;
    }
    while (buf.length - i < 9 && (await more()));
    const head = buf.slice(i, i + 9);
    if (head.startsWith('<!--')) {
      const end = await find('-->', i + 4);
      if (end < 0) throw new XmlRejected(`unterminated comment at character ${at}`);
      i = end + 3;
    } else if (head.startsWith('<![CDATA[')) {
      const end = await find(']]>', i + 9);
      if (end < 0) throw new XmlRejected(`unterminated CDATA section at character ${at}`);
      const text = buf.slice(i + 9, end);
      i = end + 3;
      yield { kind: 'text', text };
    } else if (head.startsWith('<!')) {
      throw new XmlRejected(
        `DOCTYPE and entity declarations are not allowed (character ${at}); export the file without a DTD`,
      );
    } else if (head.startsWith('<?')) {
      const end = await find('?>', i + 2);
      if (end < 0) throw new XmlRejected(`unterminated processing instruction at character ${at}`);
      const pi = buf.slice(i, end);
      const enc = /encoding\s*=\s*["']([^"']+)["']/.exec(pi)?.[1];
      if (enc && !/^utf-?8$/i.test(enc))
        throw new XmlRejected(`encoding "${enc}" is not supported; use UTF-8`);
      i = end + 2;
    } else {
      const end = await find('>', i + 1);
      if (end < 0) throw new XmlRejected(`unterminated tag at character ${at}`);
      const body = buf.slice(i + 1, end);
      i = end + 1;
      if (body.startsWith('/')) yield { kind: 'end', name: localName(body.slice(1).trim()) };
      else yield parseStartTag(body.trim(), at);
    }
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing an unreadable file.
  return s
    .replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c)
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

export const MARCXML_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n';
export const MARCXML_FOOTER = '</collection>\n';

export function marcXmlRecord(record: MarcRecord): string {
  let out = `<record>\n  <leader>${escapeXml(record.leader)}</leader>\n`;
  for (const f of record.fields) {
    if ('value' in f) {
      out += `  <controlfield tag="${escapeXml(f.tag)}">${escapeXml(f.value)}</controlfield>\n`;
      continue;
    }
    out += `  <datafield tag="${escapeXml(f.tag)}" ind1="${escapeXml(f.ind1)}" ind2="${escapeXml(f.ind2)}">\n`;
    for (const s of f.subfields)
      out += `    <subfield code="${escapeXml(s.code)}">${escapeXml(s.value)}</subfield>\n`;
    out += '  </datafield>\n';
  }
  return `${out}</record>\n`;
}
