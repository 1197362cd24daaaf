// OAI-PMH 2.0 data provider (https://www.openarchives.org/OAI/openarchivesprotocol.html): the six verbs, oai_dc
// and marcxml, sets `unit:<code>` and `type:<type>` (with their parents `unit` and `type`), from/until at day or
// second granularity, signed keyset resumption tokens, persistent deletions. Besides the catalogue's records it
// lists other modules' public records (oai_dc only; `oaiSources`, see oai-sources.server.ts). Every protocol error is an OAI
// error element in a 200 response; nothing the harvester sends can produce a 500.
import type { AppDeps } from '../../../app/deps.types.ts';
import type { OaiDublinCore } from '../../../app/module.ts';
import { RECORD_TYPES } from '../catalogue.schemas.server.ts';
import { checkPrefix, FORMATS, OaiError, queryFromArgs, validate } from './oai-request.server.ts';
import { type Listed, listAcross, OaiSources, RECORDS } from './oai-sources.server.ts';
import {
  decodeToken,
  encodeToken,
  type OaiQuery,
  TOKEN_TTL_MS,
  type TokenState,
} from './oai-token.server.ts';
import { datestamp, esc, type OaiRecordData, oaiDc, oaiDcOf, oaiMarcXml } from './oai-xml.server.ts';

type Deps = AppDeps;

export const LIST_RECORDS_PAGE = 100;
export const LIST_IDENTIFIERS_PAGE = 500;

export interface OaiResponse {
  status: number;
  body: string;
}

function repositoryId(deps: Deps): string {
  return new URL(deps.config.publicUrl).hostname;
}

export function oaiIdentifier(deps: Deps, recordId: string): string {
  return `oai:${repositoryId(deps)}:${recordId}`;
}

function itemIdOf(deps: Deps, identifier: string): string | null {
  const prefix = `oai:${repositoryId(deps)}:`;
  if (!identifier.startsWith(prefix)) return null;
  const id = identifier.slice(prefix.length);
  return /^[a-z]+_[a-z2-9]{16}$/.test(id) ? id : null;
}

function selectionOf(q: OaiQuery) {
  return {
    set: q.set,
    metadataPrefix: q.metadataPrefix,
    from: q.from ? new Date(q.from) : null,
    untilBefore: q.untilBefore ? new Date(q.untilBefore) : null,
  };
}

function header(deps: Deps, item: Listed): string {
  const sets = `<setSpec>unit:${esc(item.unitCode)}</setSpec><setSpec>type:${esc(item.type)}</setSpec>`;
  return `<header${item.deleted ? ' status="deleted"' : ''}><identifier>${esc(oaiIdentifier(deps, item.id))}</identifier><datestamp>${datestamp(item.datestamp)}</datestamp>${sets}</header>`;
}

type ItemData = { kind: 'record'; data: OaiRecordData } | { kind: 'dc'; dc: OaiDublinCore };

/** The metadata of a page's live items: the catalogue's records, and each contributed source's in one call. */
async function dataOf(
  deps: Deps,
  sources: OaiSources,
  items: readonly Listed[],
): Promise<Map<string, ItemData>> {
  const out = new Map<string, ItemData>();
  const live = items.filter((i) => !i.deleted);
  const records = await recordsById(
    deps,
    live.filter((i) => i.source === RECORDS).map((i) => i.id),
  );
  for (const [id, data] of records) out.set(id, { kind: 'record', data });
  for (const key of new Set(live.map((i) => i.source))) {
    const source = sources.source(key);
    if (!source) continue;
    const ids = live.filter((i) => i.source === key).map((i) => i.id);
    for (const [id, dc] of await source.dublinCore(deps, ids)) out.set(id, { kind: 'dc', dc });
  }
  return out;
}

async function recordsById(deps: Deps, ids: readonly string[]): Promise<Map<string, OaiRecordData>> {
  if (ids.length === 0) return new Map();
  const [rows, holdings] = await Promise.all([
    deps.repos.catalogue.getRecordsForExport(deps.db, ids),
    deps.repos.catalogue.listHoldings(deps.db, ids),
  ]);
  const out = new Map<string, OaiRecordData>();
  for (const r of rows) if (r.published) out.set(r.id, { ...r, holdings: [] });
  for (const h of holdings) out.get(h.recordId)?.holdings.push(h);
  return out;
}

function recordXml(
  deps: Deps,
  sources: OaiSources,
  item: Listed,
  found: ItemData | undefined,
  prefix: string,
): string {
  if (item.deleted || !found) return `<record>${header(deps, { ...item, deleted: true })}</record>`;
  let metadata: string;
  if (found.kind === 'dc') {
    const unit = sources.units.find((u) => u.code === item.unitCode);
    metadata = oaiDcOf(found.dc, unit?.name ?? null);
  } else {
    const data = found.data;
    metadata =
      prefix === 'marcxml' ? oaiMarcXml(data) : oaiDc(data, `${deps.config.publicUrl}/records/${data.id}`);
  }
  return `<record>${header(deps, item)}<metadata>${metadata}</metadata></record>`;
}

async function identify(deps: Deps): Promise<string> {
  const earliest = await (await OaiSources.load(deps)).earliestDatestamp();
  const host = repositoryId(deps);
  const email = deps.config.oai.adminEmail ?? '';
  const idDescription = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(host)
    ? `<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"><scheme>oai</scheme><repositoryIdentifier>${esc(host)}</repositoryIdentifier><delimiter>:</delimiter><sampleIdentifier>${esc(`oai:${host}:rec_abcdefghijkmnpqr`)}</sampleIdentifier></oai-identifier></description>`
    : '';
  return `<Identify><repositoryName>${esc(deps.config.oai.repositoryName)}</repositoryName><baseURL>${esc(
    `${deps.config.publicUrl}/oai`,
  )}</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>${esc(email)}</adminEmail><earliestDatestamp>${datestamp(
    earliest ?? new Date(0),
  )}</earliestDatestamp><deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity>${idDescription}</Identify>`;
}

async function listSets(deps: Deps): Promise<string> {
  const { units, contributed } = await OaiSources.load(deps);
  const set = (spec: string, name: string) =>
    `<set><setSpec>${esc(spec)}</setSpec><setName>${esc(name)}</setName></set>`;
  return `<ListSets>${[
    set('unit', 'Theo đơn vị lưu giữ / By holding institution'),
    ...units.map((u) => set(`unit:${u.code}`, u.name)),
    set('type', 'Theo loại tài liệu / By record type'),
    ...RECORD_TYPES.map((t) => set(`type:${t}`, t)),
    ...contributed.map((s) => set(`type:${s.type}`, s.setName)),
  ].join('')}</ListSets>`;
}

async function list(
  deps: Deps,
  verb: OaiQuery['verb'],
  args: Record<string, string>,
  now: Date,
): Promise<string> {
  const secret = deps.config.sessionSecret;
  const sources = await OaiSources.load(deps);
  let state: TokenState;
  if (args.resumptionToken !== undefined) {
    const decoded = decodeToken(secret, args.resumptionToken, verb, now);
    if (decoded === 'invalid') throw new OaiError('badResumptionToken', 'The resumption token is invalid.');
    if (decoded === 'expired')
      throw new OaiError('badResumptionToken', 'The resumption token has expired; start the list again.');
    state = decoded;
  } else {
    const q = queryFromArgs(verb, args);
    const lanes = sources.lanes(selectionOf(q));
    const counts = await Promise.all(lanes.map((l) => l.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0 || !lanes[0]) throw new OaiError('noRecordsMatch', 'No records match the request.');
    state = {
      ...q,
      source: lanes[0].key,
      afterSeq: 0,
      cursor: 0,
      completeListSize: total,
      expiresAt: now.getTime() + TOKEN_TTL_MS,
    };
  }
  const pageSize = verb === 'ListRecords' ? LIST_RECORDS_PAGE : LIST_IDENTIFIERS_PAGE;
  const items = await listAcross(
    sources.lanes(selectionOf(state)),
    state.source,
    state.afterSeq,
    pageSize + 1,
  );
  if (!items) throw new OaiError('badResumptionToken', 'The resumption token is invalid.');
  const page = items.slice(0, pageSize);
  if (page.length === 0) throw new OaiError('noRecordsMatch', 'No records match the request.');
  let body: string;
  if (verb === 'ListRecords') {
    const data = await dataOf(deps, sources, page);
    body = page.map((i) => recordXml(deps, sources, i, data.get(i.id), state.metadataPrefix)).join('');
  } else {
    body = page.map((i) => header(deps, i)).join('');
  }
  const more = items.length > pageSize;
  const nextCursor = state.cursor + page.length;
  const size = Math.max(state.completeListSize, more ? nextCursor + 1 : nextCursor);
  let token: string;
  if (more) {
    const expiresAt = now.getTime() + TOKEN_TTL_MS;
    const last = page.at(-1) as Listed;
    const next = encodeToken(secret, {
      ...state,
      source: last.source,
      afterSeq: last.seq,
      cursor: nextCursor,
      completeListSize: size,
      expiresAt,
    });
    token = `<resumptionToken completeListSize="${size}" cursor="${state.cursor}" expirationDate="${datestamp(new Date(expiresAt))}">${esc(next)}</resumptionToken>`;
  } else if (state.cursor > 0) {
    token = `<resumptionToken completeListSize="${nextCursor}" cursor="${state.cursor}"/>`;
  } else token = '';
  return `<${verb}>${body}${token}</${verb}>`;
}

async function getRecord(deps: Deps, args: Record<string, string>): Promise<string> {
  const prefix = args.metadataPrefix as string;
  const sources = await OaiSources.load(deps);
  const id = itemIdOf(deps, args.identifier as string);
  const item = id ? await sources.get(id) : undefined;
  if (!item) throw new OaiError('idDoesNotExist', 'No item has this identifier.');
  checkPrefix(prefix);
  if (!sources.formatsOf(item, Object.keys(FORMATS)).includes(prefix))
    throw new OaiError('cannotDisseminateFormat', `This item is not available as "${prefix}".`);
  const data = await dataOf(deps, sources, [item]);
  return `<GetRecord>${recordXml(deps, sources, item, data.get(item.id), prefix)}</GetRecord>`;
}

async function listMetadataFormats(deps: Deps, args: Record<string, string>): Promise<string> {
  let offered = Object.keys(FORMATS);
  if (args.identifier !== undefined) {
    const sources = await OaiSources.load(deps);
    const id = itemIdOf(deps, args.identifier);
    const item = id ? await sources.get(id) : undefined;
    if (!item) throw new OaiError('idDoesNotExist', 'No item has this identifier.');
    offered = [...sources.formatsOf(item, offered)];
  }
  const formats = Object.entries(FORMATS)
    .filter(([prefix]) => offered.includes(prefix))
    .map(
      ([prefix, f]) =>
        `<metadataFormat><metadataPrefix>${prefix}</metadataPrefix><schema>${f.schema}</schema><metadataNamespace>${f.ns}</metadataNamespace></metadataFormat>`,
    )
    .join('');
  return `<ListMetadataFormats>${formats}</ListMetadataFormats>`;
}

const OPEN = `<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">`;

/** Answers one OAI-PMH request (`params` from the query string or the form body). */
export async function handleOai(deps: Deps, params: URLSearchParams, now: Date): Promise<OaiResponse> {
  const baseUrl = esc(`${deps.config.publicUrl}/oai`);
  const head = `${OPEN}<responseDate>${datestamp(now)}</responseDate>`;
  let validated: { verb: string; args: Record<string, string> };
  try {
    validated = validate(params);
  } catch (e) {
    if (!(e instanceof OaiError)) throw e;
    return { status: 200, body: `${head}<request>${baseUrl}</request>${errorsXml(e)}</OAI-PMH>\n` };
  }
  const { verb, args } = validated;
  const attrs = [`verb="${esc(verb)}"`, ...Object.entries(args).map(([k, v]) => `${k}="${esc(v)}"`)].join(
    ' ',
  );
  const request = `<request ${attrs}>${baseUrl}</request>`;
  try {
    let body: string;
    if (verb === 'Identify') body = await identify(deps);
    else if (verb === 'ListMetadataFormats') body = await listMetadataFormats(deps, args);
    else if (verb === 'ListSets') {
      if (args.resumptionToken !== undefined)
        throw new OaiError('badResumptionToken', 'ListSets is answered in one response; no token is valid.');
      body = await listSets(deps);
    } else if (verb === 'GetRecord') body = await getRecord(deps, args);
    else body = await list(deps, verb as OaiQuery['verb'], args, now);
    return { status: 200, body: `${head}${request}${body}</OAI-PMH>\n` };
  } catch (e) {
    if (!(e instanceof OaiError)) throw e;
    // After a badArgument the request element carries only the base URL (spec 3.6).
    const req = e.codes.some((c) => c.code === 'badArgument') ? `<request>${baseUrl}</request>` : request;
    return { status: 200, body: `${head}${req}${errorsXml(e)}</OAI-PMH>\n` };
  }
}

function errorsXml(e: OaiError): string {
  return e.codes.map((c) => `<error code="${c.code}">${esc(c.message)}</error>`).join('');
}
