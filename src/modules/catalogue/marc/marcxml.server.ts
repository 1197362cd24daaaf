// MARCXML (MARC 21 slim): the writer, and XML events for OAI-PMH responses on the saxes parser — no DTDs,
// no entity declarations, only the five predefined entities and character references. A DOCTYPE anywhere
// rejects the whole response (entity-expansion and external-entity attacks start there).
// Import files are read by marcxml-reader.ts (streaming, byte offsets, resumable).
import { SaxesParser } from 'saxes';
import type { MarcRecord } from './marc.types.ts';

export class XmlRejected extends Error {}

export type XmlEvent =
  | { kind: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string };

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/**
 * XML events with local names, from the saxes parser: a DOCTYPE, an undefined entity, malformed XML, a
 * non-UTF-8 encoding or a document that ends early throw XmlRejected (used by the OAI-PMH harvester).
 */
export async function* xmlEvents(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<XmlEvent> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new SaxesParser({ position: true });
  const queue: XmlEvent[] = [];
  parser.on('doctype', () => {
    throw new XmlRejected('DOCTYPE and entity declarations are not allowed; export the file without a DTD');
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding))
      throw new XmlRejected(`encoding "${decl.encoding}" is not supported; use UTF-8`);
  });
  parser.on('error', (err) => {
    throw new XmlRejected(`malformed XML: ${err.message}`);
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[localName(k)] = v;
    queue.push({ kind: 'start', name: localName(tag.name), attrs, selfClosing: tag.isSelfClosing });
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) queue.push({ kind: 'end', name: localName(tag.name) });
  });
  parser.on('text', (text) => queue.push({ kind: 'text', text }));
  parser.on('cdata', (text) => queue.push({ kind: 'text', text }));
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* queue.splice(0);
  }
  parser.write(decoder.decode());
  parser.close();
  yield* queue.splice(0);
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
