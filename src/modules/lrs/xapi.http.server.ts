// The LRS at /xapi (xAPI 1.0.3 Communication): version header on every answer, Basic-auth client
// credentials, the Statements resource with all its query parameters, `more` paging and attachments.
// The document, Activities, Agents and About resources are in xapi-documents.http.server.ts.
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { problemResponse, toAppError } from '../../http/problem.server.ts';
import { decodeUtf8Strict } from '../../http/utf8.ts';
import { AppError } from '../../lib/errors.ts';
import { XAPI_VERSION } from './lrs.vocab.ts';
import { authenticateClient } from './lrs-credentials.usecases.server.ts';
import type { StoredStatement } from './lrs-statements.repository.server.ts';
import {
  type AttachmentPart,
  type Authority,
  decodeMore,
  encodeMore,
  queryStatements,
  type StatementQuery,
  statementById,
  storeStatements,
  xapiError,
} from './lrs-statements.usecases.server.ts';
import { xapiOpenApi } from './xapi.openapi.ts';
import { mountXapiDocuments } from './xapi-documents.http.server.ts';
import { acceptLanguages, formatStatement, type StatementFormat } from './xapi-format.ts';
import { boundaryOf, buildMultipart, parseMultipart, sha2Like } from './xapi-multipart.ts';
import { isIri, isTimestamp, isUuid, type Json, type JsonObject, validateAgent } from './xapi-validate.ts';

export type XapiContext = Context<HonoEnv & { Variables: { lrsAuthority: Authority } }>;

/** Parses a JSON parameter (agent); 400 when it is not JSON. */
export function jsonParam(name: string, v: string): Json {
  try {
    return JSON.parse(v) as Json;
  } catch {
    throw xapiError(400, `${name}: not JSON`);
  }
}

export function agentParam(v: string | undefined, name = 'agent'): Json {
  if (v === undefined) throw xapiError(400, `${name}: is required`);
  const agent = jsonParam(name, v);
  const problems = validateAgent(agent);
  if (problems.length) throw xapiError(400, problems);
  return agent;
}

/** Query parameters must be among these (unknown ones are a 400). */
export function onlyParams(c: Context, allowed: readonly string[]) {
  for (const k of Object.keys(c.req.queries()))
    if (!allowed.includes(k)) throw xapiError(400, `${k}: unknown parameter`);
}

const bool = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  if (v !== 'true' && v !== 'false') throw xapiError(400, `${name}: must be true or false`);
  return v === 'true';
};

const timestamp = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  if (!isTimestamp(v)) throw xapiError(400, `${name}: not an ISO 8601 timestamp`);
  return new Date(v);
};

const QUERY_PARAMS = [
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'more',
];

async function readStatementsBody(c: Context<HonoEnv>): Promise<{ body: Json; parts: AttachmentPart[] }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (type.startsWith('application/json')) return { body: parseJson(bytes), parts: [] };
  if (type.startsWith('multipart/mixed')) {
    const boundary = boundaryOf(c.req.header('content-type') ?? '');
    const parts = boundary ? parseMultipart(bytes, boundary) : null;
    if (!parts || parts.length === 0) throw xapiError(400, 'body: malformed multipart/mixed');
    const [first, ...rest] = parts as [(typeof parts)[number], ...typeof parts];
    if (!(first.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
      throw xapiError(400, 'body: the first part must be application/json');
    const attachments = rest.map((p) => {
      const sha2 = (p.headers['x-experience-api-hash'] ?? '').toLowerCase();
      if (!sha2) throw xapiError(400, 'attachments: a part has no X-Experience-API-Hash');
      if ((p.headers['content-transfer-encoding'] ?? '').toLowerCase() !== 'binary')
        throw xapiError(400, 'attachments: Content-Transfer-Encoding must be binary');
      if (sha2Like(sha2, p.body) !== sha2)
        throw xapiError(400, `attachments: part ${sha2} does not match its hash`);
      return { sha2, contentType: p.headers['content-type'] ?? 'application/octet-stream', content: p.body };
    });
    return { body: parseJson(first.body), parts: attachments };
  }
  throw xapiError(400, 'Content-Type: application/json or multipart/mixed');
}

function parseJson(bytes: Uint8Array): Json {
  try {
    return JSON.parse(decodeUtf8Strict(bytes)) as Json;
  } catch {
    throw xapiError(400, 'body: not JSON');
  }
}

function readQuery(c: Context): StatementQuery {
  const q = c.req.query();
  const agent = q.agent === undefined ? undefined : agentParam(q.agent);
  if (q.verb !== undefined && !isIri(q.verb)) throw xapiError(400, 'verb: not an IRI');
  if (q.activity !== undefined && !isIri(q.activity)) throw xapiError(400, 'activity: not an IRI');
  if (q.registration !== undefined && !isUuid(q.registration))
    throw xapiError(400, 'registration: not a UUID');
  const limit = q.limit === undefined ? 0 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 0) throw xapiError(400, 'limit: a non-negative integer');
  const out: StatementQuery = { limit };
  if (agent !== undefined) out.agent = agent;
  if (q.verb) out.verb = q.verb;
  if (q.activity) out.activity = q.activity;
  if (q.registration) out.registration = q.registration.toLowerCase();
  const since = timestamp('since', q.since);
  const until = timestamp('until', q.until);
  if (since) out.since = since;
  if (until) out.until = until;
  for (const [k, name] of [
    ['relatedAgents', 'related_agents'],
    ['relatedActivities', 'related_activities'],
    ['ascending', 'ascending'],
    ['attachments', 'attachments'],
  ] as const) {
    const b = bool(name, q[name]);
    if (b !== undefined) out[k] = b;
  }
  return out;
}

function formatOf(c: Context): StatementFormat {
  const f = c.req.query('format') ?? 'exact';
  if (f !== 'exact' && f !== 'ids' && f !== 'canonical')
    throw xapiError(400, 'format: exact, ids or canonical');
  return f;
}

async function respondStatements(
  c: Context<HonoEnv>,
  deps: AppDeps,
  json: unknown,
  statements: StoredStatement[],
  withAttachments: boolean,
) {
  const consistent = deps.now().toISOString();
  const headers: Record<string, string> = { 'X-Experience-API-Consistent-Through': consistent };
  const last = statements.reduce<Date | null>((m, s) => (!m || s.stored > m ? s.stored : m), null);
  if (last) headers['Last-Modified'] = last.toUTCString();
  if (!withAttachments) return c.json(json as object, 200, headers);
  const shas = statements.flatMap((s) =>
    (Array.isArray(s.statement.attachments) ? s.statement.attachments : [])
      .map((a) => (a as JsonObject).sha2 as string)
      .filter(Boolean),
  );
  const parts = await deps.repos.lrsStatements.attachments(deps.db, [...new Set(shas)]);
  const { boundary, body } = buildMultipart(json, parts);
  return c.body(body as unknown as ArrayBuffer, 200, {
    ...headers,
    'content-type': `multipart/mixed; boundary=${boundary}`,
  });
}

function mountStatements(app: Hono<HonoEnv>, deps: AppDeps) {
  const authority = (c: Context<HonoEnv>) => (c as unknown as XapiContext).get('lrsAuthority');

  app.put('/xapi/statements', async (c) => {
    onlyParams(c, ['statementId']);
    const id = c.req.query('statementId');
    if (!id || !isUuid(id)) throw xapiError(400, 'statementId: a UUID is required');
    const { body, parts } = await readStatementsBody(c);
    await storeStatements(deps, authority(c), body, { statementId: id.toLowerCase(), parts });
    return c.body(null, 204);
  });

  app.post('/xapi/statements', async (c) => {
    onlyParams(c, []);
    const { body, parts } = await readStatementsBody(c);
    return c.json(await storeStatements(deps, authority(c), body, { parts }), 200);
  });

  app.get('/xapi/statements', async (c) => {
    onlyParams(c, QUERY_PARAMS);
    const format = formatOf(c);
    const languages = acceptLanguages(c.req.header('accept-language'));
    const more = c.req.query('more');
    const attachments = bool('attachments', c.req.query('attachments')) ?? false;
    const one = c.req.query('statementId') ?? c.req.query('voidedStatementId');
    if (one !== undefined) {
      const extra = Object.keys(c.req.queries()).filter(
        (k) => !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(k),
      );
      if (extra.length || (c.req.query('statementId') && c.req.query('voidedStatementId')))
        throw xapiError(400, `${extra[0] ?? 'voidedStatementId'}: not allowed with statementId`);
      if (!isUuid(one)) throw xapiError(400, 'statementId: not a UUID');
      const s = await statementById(deps, one, c.req.query('voidedStatementId') !== undefined);
      return respondStatements(c, deps, formatStatement(s.statement, format, languages), [s], attachments);
    }
    let page: Awaited<ReturnType<typeof queryStatements>>;
    if (more !== undefined) {
      if (Object.keys(c.req.queries()).length > 1) throw xapiError(400, 'more: no other parameters with it');
      const cursor = decodeMore(more);
      page = await queryStatements(deps, cursor.q, cursor);
    } else {
      page = await queryStatements(deps, readQuery(c));
    }
    const json = {
      statements: page.statements.map((s) => formatStatement(s.statement, format, languages)),
      more: page.more ? `/xapi/statements?more=${encodeMore(page.more)}` : '',
    };
    return respondStatements(
      c,
      deps,
      json,
      page.statements,
      attachments || page.more?.q.attachments === true,
    );
  });
}

/** Mounts /xapi on the app (the module's `http` entry). */
export function mountXapi(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.use('/xapi/*', async (c, next) => {
    // Alternate Request Syntax (Communication 1.3): a form POST carrying the method, headers and content.
    if (c.req.method === 'POST' && c.req.query('method') !== undefined) {
      c.res = await alternateRequest(c, (r) => app.fetch(r, c.env));
      c.res.headers.set('X-Experience-API-Version', XAPI_VERSION);
      return;
    }
    try {
      await guard(c, deps);
      await next();
      if (c.error) c.res = respondError(c, c.error);
    } catch (e) {
      c.res = respondError(c, e);
    }
    c.res.headers.set('X-Experience-API-Version', XAPI_VERSION);
    // Every answer of the Statements resource says how current it is, refusals included (Communication 2.1.3).
    if (c.req.path === '/xapi/statements' && !c.res.headers.has('X-Experience-API-Consistent-Through'))
      c.res.headers.set('X-Experience-API-Consistent-Through', deps.now().toISOString());
  });
  app.get('/xapi/about', (c) => c.json({ version: ['1.0.3', '1.0.2', '1.0.1', '1.0.0'], extensions: {} }));
  app.get('/xapi/openapi.json', (c) => c.json(xapiOpenApi));
  mountStatements(app, deps);
  mountXapiDocuments(app, deps);
  app.all('/xapi/*', () => {
    throw xapiError(404, 'no such xAPI resource');
  });
}

/** Headers an Alternate Request Syntax form may carry (the rest of its fields are query parameters). */
const FORM_HEADERS = [
  'authorization',
  'x-experience-api-version',
  'content-type',
  'if-match',
  'if-none-match',
];

async function alternateRequest(c: Context<HonoEnv>, dispatch: (r: Request) => Promise<Response> | Response) {
  const method = (c.req.query('method') ?? '').toUpperCase();
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const url = new URL(c.req.url);
  const extra = [...url.searchParams.keys()].filter((k) => k !== 'method');
  if (!['GET', 'PUT', 'POST', 'DELETE'].includes(method) || extra.length > 0)
    return respondError(c, xapiError(400, 'method: GET, PUT, POST or DELETE, and no other query parameters'));
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return respondError(c, xapiError(400, 'Content-Type: application/x-www-form-urlencoded'));
  const form = new URLSearchParams(decodeUtf8Strict(new Uint8Array(await c.req.arrayBuffer())));
  const headers = new Headers();
  for (const h of ['accept-language']) {
    const v = c.req.header(h);
    if (v) headers.set(h, v);
  }
  const query = new URLSearchParams();
  let content: string | null = null;
  for (const [k, v] of form) {
    const lower = k.toLowerCase();
    if (FORM_HEADERS.includes(lower)) headers.set(lower, v);
    else if (k === 'content') content = v;
    else query.append(k, v);
  }
  if (!headers.has('authorization') && c.req.header('authorization'))
    headers.set('authorization', c.req.header('authorization') as string);
  if (!headers.has('x-experience-api-version') && c.req.header('x-experience-api-version'))
    headers.set('x-experience-api-version', c.req.header('x-experience-api-version') as string);
  if (content !== null && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const target = `${url.origin}${url.pathname}${query.size ? `?${query}` : ''}`;
  const withBody = method === 'PUT' || method === 'POST';
  return dispatch(new Request(target, { method, headers, body: withBody ? (content ?? '') : null }));
}

async function guard(c: Context<HonoEnv>, deps: AppDeps) {
  if (c.req.path === '/xapi/about' || c.req.path === '/xapi/openapi.json') return;
  const authority = await authenticateClient(deps, c.req.header('authorization'));
  if (!authority) throw new AppError('lrs.401', 401, 'lrs.error.status401');
  (c as unknown as XapiContext).set('lrsAuthority', authority);
  const version = c.req.header('x-experience-api-version');
  if (!version || !/^1\.0(\.\d+)?$/.test(version))
    throw xapiError(400, 'X-Experience-API-Version: 1.0.x is required');
}

function respondError(c: Context<HonoEnv>, e: unknown): Response {
  const err = toAppError(e) ?? new AppError('lrs.500', 500, 'error.generic');
  if (err.status >= 500) c.get('deps')?.logger.error({ err: e }, 'xapi');
  const res = problemResponse(c, err);
  if (err.status === 401) res.headers.set('WWW-Authenticate', 'Basic realm="xAPI"');
  return res;
}
