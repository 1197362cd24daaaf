// Reads an OAI-PMH response from another repository with the MARCXML reader's hardened tokenizer (no DTD, no
// entity declarations, UTF-8 only), into a small element tree with depth and size limits, then into pages of
// records (oai_dc or MARC 21 slim metadata).
import type { MarcField, MarcRecord } from '../marc/marc.types.ts';
import { XmlRejected, xmlEvents } from '../marc/marcxml.server.ts';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<XNode | string>;
}

const MAX_DEPTH = 64;
const MAX_NODES = 2_000_000;

async function* once(body: Uint8Array): AsyncGenerator<Uint8Array> {
  yield body;
}

/** The document element; throws XmlRejected for a DOCTYPE, bad nesting, or a tree too deep or too large. */
export async function parseXmlTree(body: Uint8Array): Promise<XNode> {
  const stack: XNode[] = [];
  let root: XNode | undefined;
  let nodes = 0;
  for await (const ev of xmlEvents(once(body))) {
    if (ev.kind === 'text') {
      const top = stack.at(-1);
      if (top) top.children.push(ev.text);
      else if (ev.text.trim()) throw new XmlRejected('text outside the document element');
      continue;
    }
    if (ev.kind === 'start') {
      if (++nodes > MAX_NODES) throw new XmlRejected('the response has too many elements');
      const node: XNode = { name: ev.name, attrs: ev.attrs, children: [] };
      const parent = stack.at(-1);
      if (parent) parent.children.push(node);
      else if (root) throw new XmlRejected('more than one document element');
      else root = node;
      if (!ev.selfClosing) {
        stack.push(node);
        if (stack.length > MAX_DEPTH) throw new XmlRejected('the response nests elements too deeply');
      }
      continue;
    }
    const open = stack.pop();
    if (!open || open.name !== ev.name)
      throw new XmlRejected(`closing tag </${ev.name}> does not match <${open?.name ?? ''}>`);
  }
  if (stack.length > 0 || !root) throw new XmlRejected('the response ends early (truncated?)');
  return root;
}

export const kids = (n: XNode, name?: string): XNode[] =>
  n.children.filter((c): c is XNode => typeof c !== 'string' && (name === undefined || c.name === name));
export const child = (n: XNode, name: string): XNode | undefined => kids(n, name)[0];
export const textOf = (n: XNode | undefined): string =>
  n ? n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('') : '';

export interface HarvestedRecord {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  /** The single element inside <metadata>, if any. */
  metadata: XNode | undefined;
}

export interface OaiPage {
  responseDate: string | null;
  errors: Array<{ code: string; message: string }>;
  records: HarvestedRecord[];
  /** Next token; null when the list is complete. */
  token: string | null;
  completeListSize: number | null;
  granularity: string | null;
}

/** Interprets an OAI-PMH document (any verb); throws XmlRejected when it is not one. */
export async function parseOaiResponse(body: Uint8Array): Promise<OaiPage> {
  const root = await parseXmlTree(body);
  if (root.name !== 'OAI-PMH') throw new XmlRejected(`not an OAI-PMH response (<${root.name}>)`);
  const page: OaiPage = {
    responseDate: textOf(child(root, 'responseDate')).trim() || null,
    errors: kids(root, 'error').map((e) => ({ code: e.attrs.code ?? '', message: textOf(e).trim() })),
    records: [],
    token: null,
    completeListSize: null,
    granularity: textOf(child(child(root, 'Identify') ?? root, 'granularity')).trim() || null,
  };
  const list = child(root, 'ListRecords') ?? child(root, 'GetRecord') ?? child(root, 'ListIdentifiers');
  if (!list) return page;
  for (const r of kids(list, 'record')) {
    const h = child(r, 'header');
    if (!h) continue;
    page.records.push({
      identifier: textOf(child(h, 'identifier')).trim(),
      datestamp: textOf(child(h, 'datestamp')).trim(),
      deleted: h.attrs.status === 'deleted',
      metadata: kids(child(r, 'metadata') ?? { name: '', attrs: {}, children: [] })[0],
    });
  }
  const token = child(list, 'resumptionToken');
  if (token) {
    page.token = textOf(token).trim() || null;
    const size = Number(token.attrs.completeListSize);
    page.completeListSize = Number.isSafeInteger(size) && size >= 0 ? size : null;
  }
  return page;
}

/** A MARC 21 slim <record> element as a MarcRecord, or why it is not one. */
export function marcFromNode(node: XNode): MarcRecord | string {
  if (node.name !== 'record') return `expected a MARCXML <record>, found <${node.name}>`;
  const leader = textOf(child(node, 'leader'));
  if (leader.length !== 24) return `leader is ${leader.length} characters, expected 24`;
  const fields: MarcField[] = [];
  for (const f of kids(node)) {
    if (f.name === 'controlfield') fields.push({ tag: f.attrs.tag ?? '', value: textOf(f) });
    else if (f.name === 'datafield')
      fields.push({
        tag: f.attrs.tag ?? '',
        ind1: (f.attrs.ind1 ?? ' ').charAt(0) || ' ',
        ind2: (f.attrs.ind2 ?? ' ').charAt(0) || ' ',
        subfields: kids(f, 'subfield').map((s) => ({ code: s.attrs.code ?? '', value: textOf(s) })),
      });
  }
  if (fields.some((f) => !/^[0-9A-Za-z]{3}$/.test(f.tag))) return 'a field has a missing or bad tag';
  return { leader, fields };
}

/** Dublin Core elements of an oai_dc:dc element: element name → values (trimmed, non-empty). */
export function dcFromNode(node: XNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const el of kids(node)) {
    const v = textOf(el).trim();
    if (v) out.set(el.name, [...(out.get(el.name) ?? []), v]);
  }
  return out;
}
