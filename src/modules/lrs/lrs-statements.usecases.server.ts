// Storing and reading statements (xAPI 1.0.3 §2.1, Communication §2.1): validation, ids, authority, stored,
// immutability (the same id again must match, or 409), voiding, StatementRef filter keys, attachments, and
// queries with `more` paging. The HTTP layer (xapi.http.server.ts) and the platform's own write port
// (index.server.ts) both go through `storeStatements`.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type ExtensionName, VERBS } from './lrs.vocab.ts';
import type { StatementFilter, StatementRow, StoredStatement } from './lrs-statements.repository.server.ts';
import { agentKey, comparisonSignature, type FilterKeys, filterKeys } from './xapi-format.ts';
import { verifySignedStatement } from './xapi-signature.server.ts';
import {
  durationSeconds,
  isUuid,
  type Json,
  type JsonObject,
  VOIDED_VERB,
  validateStatement,
} from './xapi-validate.ts';

export type LrsDeps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>;

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

export const xapiError = (status: 400 | 401 | 403 | 404 | 409 | 412, detail: string | string[]) =>
  new AppError(`lrs.${status}`, status, `lrs.error.status${status}`, {
    details: (Array.isArray(detail) ? detail : [detail]).map((d) => {
      const i = d.indexOf(': ');
      return i > 0 ? { path: d.slice(0, i), message: d.slice(i + 2) } : { path: '(request)', message: d };
    }),
  });

/** The platform's own address as an xAPI account home page, and its extension IRIs. */
export const platformHome = (deps: Pick<AppDeps, 'config'>) => deps.config.publicUrl;
export const extensionIri = (deps: Pick<AppDeps, 'config'>, name: ExtensionName) =>
  `${deps.config.publicUrl}/xapi/extensions/${name}`;

/** Who stored a statement: a client credential, or the platform itself. */
export interface Authority {
  credentialId: string | null;
  agent: JsonObject;
}

export interface AttachmentPart {
  sha2: string;
  contentType: string;
  content: Uint8Array;
}

const isObj = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** The platform's reading of a statement: whose record, which unit/place/commune/category, how long. */
function platformFields(deps: LrsDeps, s: JsonObject) {
  const actor = s.actor as JsonObject;
  const account = isObj(actor.account) ? actor.account : null;
  const learnerId = account && account.homePage === platformHome(deps) ? String(account.name) : null;
  const ext = isObj(s.context) && isObj(s.context.extensions) ? s.context.extensions : {};
  const read = (n: ExtensionName) => {
    const v = ext[extensionIri(deps, n)];
    return typeof v === 'string' && v.length <= 200 ? v : null;
  };
  const duration =
    isObj(s.result) && typeof s.result.duration === 'string' ? durationSeconds(s.result.duration) : null;
  return {
    learnerId,
    unitId: read('unit'),
    placeId: read('place'),
    commune: read('commune'),
    category: read('category'),
    durationSeconds: duration === null ? null : Math.min(Math.round(duration), 2_000_000_000),
  };
}

function checkAttachments(statements: JsonObject[], parts: readonly AttachmentPart[]) {
  // Every part belongs to a declared attachment; an attachment without a fileUrl must come with its part
  // (one with a fileUrl may be sent as a part too).
  const required = new Set<string>();
  const declared = new Set<string>();
  for (const s of statements) {
    for (const a of Array.isArray(s.attachments) ? s.attachments : []) {
      if (!isObj(a)) continue;
      declared.add(String(a.sha2));
      if (a.fileUrl === undefined) required.add(String(a.sha2));
    }
  }
  const given = new Set(parts.map((p) => p.sha2));
  for (const sha of required)
    if (!given.has(sha)) throw xapiError(400, `attachments: no part was sent for sha2 ${sha}`);
  for (const sha of given)
    if (!declared.has(sha)) throw xapiError(400, `attachments: part ${sha} is not declared by any statement`);
}

function checkSignatures(statements: JsonObject[], parts: readonly AttachmentPart[]) {
  for (const s of statements) {
    for (const a of Array.isArray(s.attachments) ? s.attachments : []) {
      if (!isObj(a) || a.usageType !== SIGNATURE_USAGE) continue;
      if (a.contentType !== 'application/octet-stream')
        throw xapiError(400, 'attachments: a signature must be application/octet-stream');
      const part = parts.find((p) => p.sha2 === a.sha2);
      if (!part) throw xapiError(400, 'attachments: the signature part is missing');
      const problem = verifySignedStatement(s, part.content);
      if (problem) throw xapiError(400, `signature: ${problem}`);
    }
  }
}

/** A single context activity is stored (and answered) as an array of one (Data 2.4.6.2), sub-statements too. */
function contextActivitiesAsArrays(s: JsonObject): JsonObject {
  for (const holder of [s, isObj(s.object) && s.object.objectType === 'SubStatement' ? s.object : null]) {
    const ca = holder && isObj(holder.context) ? holder.context.contextActivities : undefined;
    if (!isObj(ca)) continue;
    for (const k of Object.keys(ca)) if (!Array.isArray(ca[k])) ca[k] = [ca[k] as Json];
  }
  return s;
}

/**
 * Validates and stores statements; answers their ids in order. A statement whose id is already stored with
 * the same content is not stored again (idempotent); with other content it is a 409.
 */
export async function storeStatements(
  deps: LrsDeps,
  authority: Authority,
  input: Json,
  opts: { statementId?: string; parts?: readonly AttachmentPart[]; tx?: Db } = {},
): Promise<string[]> {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw xapiError(400, 'body: no statements');
  const problems = list.flatMap((s, i) =>
    validateStatement(s).map((p) => (list.length > 1 ? `[${i}] ${p}` : p)),
  );
  if (problems.length) throw xapiError(400, problems);
  const statements = list.map((s) => contextActivitiesAsArrays(structuredClone(s) as JsonObject));
  if (opts.statementId !== undefined) {
    const [s] = statements;
    if (!s || statements.length !== 1) throw xapiError(400, 'body: PUT takes one statement');
    if (s.id !== undefined && String(s.id).toLowerCase() !== opts.statementId.toLowerCase())
      throw xapiError(400, 'statement.id: differs from the statementId parameter');
    s.id = opts.statementId;
  }
  for (const s of statements) s.id = typeof s.id === 'string' ? s.id.toLowerCase() : randomUUID();
  const ids = statements.map((s) => s.id as string);
  if (new Set(ids).size !== ids.length)
    throw xapiError(400, 'body: the same statement id twice in one batch');
  const parts = opts.parts ?? [];
  checkAttachments(statements, parts);
  checkSignatures(statements, parts);

  const targetOf = (s: JsonObject) =>
    isObj(s.object) && s.object.objectType === 'StatementRef' ? String(s.object.id).toLowerCase() : null;
  const run = async (tx: Db) => {
    const repo = deps.repos.lrsStatements;
    const stored = await repo.lockForInsert(tx, deps.now());
    const lookups = [...new Set([...ids, ...statements.map(targetOf).filter((x): x is string => !!x)])];
    const known = new Map((await repo.byIds(tx, lookups)).map((r) => [r.id, r]));
    const fresh: JsonObject[] = [];
    for (const s of statements) {
      const existing = known.get(s.id as string);
      if (!existing) fresh.push(s);
      else if (existing.signature !== comparisonSignature(s))
        throw xapiError(409, `statement ${String(s.id)}: already stored with different content`);
    }
    const batchKeys = new Map<string, { keys: FilterKeys; voiding: boolean }>();
    const rows: StatementRow[] = [];
    const voids: string[] = [];
    for (const s of fresh) {
      const target = targetOf(s);
      const verbId = (s.verb as JsonObject).id;
      const t = target ? (known.get(target) ?? null) : null;
      const tBatch = target ? batchKeys.get(target) : undefined;
      if (verbId === VOIDED_VERB && target) {
        const targetVoids = t ? isVoiding(t) : tBatch?.voiding;
        if (targetVoids)
          throw xapiError(400, `statement ${String(s.id)}: a voiding statement cannot be voided`);
        voids.push(target);
      }
      s.authority = authority.agent;
      if (s.version === undefined) s.version = '1.0.0';
      if (s.timestamp === undefined) s.timestamp = stored.toISOString();
      delete s.stored;
      const keys = filterKeys(s, t?.keys ?? tBatch?.keys);
      batchKeys.set(s.id as string, { keys, voiding: verbId === VOIDED_VERB });
      rows.push({
        id: s.id as string,
        statement: s,
        signature: comparisonSignature(s),
        timestamp: new Date(String(s.timestamp)),
        registration:
          isObj(s.context) && typeof s.context.registration === 'string' ? s.context.registration : null,
        voids: verbId === VOIDED_VERB ? target : null,
        credentialId: authority.credentialId,
        hasAttachments: Array.isArray(s.attachments) && s.attachments.length > 0,
        ...keys,
        ...platformFields(deps, s),
      });
    }
    await repo.insert(tx, rows, stored);
    await repo.markVoided(tx, voids);
    if (parts.length) await repo.putAttachments(tx, parts);
  };
  if (opts.tx) await run(opts.tx);
  else await deps.db.transaction(run);
  return ids;
}

const isVoiding = (s: StoredStatement) => s.keys.verbs[0] === VOIDED_VERB && s.voids !== null;

export interface StatementQuery extends Omit<StatementFilter, 'agent' | 'bound' | 'after'> {
  agent?: Json;
  attachments?: boolean;
}

export interface MoreCursor {
  q: StatementQuery & { agentKey?: string };
  after: number;
  bound: number;
}

export const encodeMore = (c: MoreCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optString = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= 2000);
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const optDate = (v: unknown) => v === undefined || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));

/** Reads a `more` token back; it came from a client, so every field is checked (400 otherwise). */
export function decodeMore(token: string): MoreCursor {
  const bad = () => xapiError(400, 'more: not a cursor this LRS issued');
  let c: { q?: Record<string, unknown>; after?: unknown; bound?: unknown };
  try {
    c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const q = c?.q;
  if (!q || typeof q !== 'object' || !int(c.after) || !int(c.bound) || !int(q.limit)) throw bad();
  const known = [
    'limit',
    'agent',
    'verb',
    'activity',
    'registration',
    'since',
    'until',
    'relatedAgents',
    'relatedActivities',
    'ascending',
    'attachments',
  ];
  if (Object.keys(q).some((k) => !known.includes(k))) throw bad();
  if (![q.verb, q.activity, q.registration].every(optString)) throw bad();
  if (![q.relatedAgents, q.relatedActivities, q.ascending, q.attachments].every(optBool)) throw bad();
  if (![q.since, q.until].every(optDate)) throw bad();
  if (q.registration !== undefined && !isUuid(q.registration)) throw bad();
  const query = { ...q } as unknown as StatementQuery;
  if (typeof q.since === 'string') query.since = new Date(q.since);
  if (typeof q.until === 'string') query.until = new Date(q.until);
  return { q: query, after: c.after as number, bound: c.bound as number };
}

const MAX_LIMIT = 500;

/** One page of statements matching the query, and the cursor of the next page when there is one. */
export async function queryStatements(
  deps: LrsDeps,
  q: StatementQuery,
  cursor?: { after: number; bound: number },
): Promise<{ statements: StoredStatement[]; more: MoreCursor | null }> {
  const limit = q.limit <= 0 || q.limit > MAX_LIMIT ? MAX_LIMIT : q.limit;
  const agent = q.agent === undefined ? undefined : (agentKey(q.agent) ?? '\u0000none');
  const bound = cursor?.bound ?? (await deps.repos.lrsStatements.lastSeq(deps.db));
  const { agent: _agent, attachments: _attachments, ...filters } = q;
  const rows = await deps.repos.lrsStatements.query(deps.db, {
    ...filters,
    ...(agent ? { agent } : {}),
    limit: limit + 1,
    bound,
    ...(cursor ? { after: cursor.after } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit && last ? { q, after: last.seq, bound } : null;
  return { statements: page, more };
}

/** One statement by id: `voided` selects a voided one (voidedStatementId), otherwise a live one. */
export async function statementById(deps: LrsDeps, id: string, voided: boolean): Promise<StoredStatement> {
  const [s] = await deps.repos.lrsStatements.byIds(deps.db, [id.toLowerCase()]);
  if (!s || s.voided !== voided) throw xapiError(404, `statement ${id}: not found`);
  return s;
}

export { VERBS };
