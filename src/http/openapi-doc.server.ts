// Completes the generated OpenAPI 3.1 document with what the route definitions do not say one by one: the
// server, how callers authenticate (the session cookie) and which operations need it (the public list is the
// same one the API enforces), an operationId per operation, and the RFC 9457 problem responses every operation
// can give (400 bad input; 401/403 where a session is needed; 404 where a path names a resource).
import { isPublicApi } from './public-routes.server.ts';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is a stable machine-readable error code.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    requestId: { type: 'string' },
    errors: { type: 'array', items: { type: 'object' } },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const RESPONSES: Record<string, Json> = {
  BadRequest: problem('Bad input: the request does not match the schema (every invalid field is listed).'),
  Unauthenticated: problem('No valid session: sign in first.'),
  Forbidden: problem('Signed in, but no role allows this here (or two-step sign-in is required).'),
  NotFound: problem('No such resource, or not one the caller may see.'),
};

/** `get` + `/catalogue/records/{recordId}` → `getCatalogueRecordsByRecordId`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? `by-${seg.slice(1, -1)}` : seg))
    .flatMap((seg) => seg.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export function completeOpenApi(doc: Json, opts: { publicUrl: string; cookieName: string }): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const used = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    const concrete = `/api/v1${path.replace(/\{[^}]+\}/g, 'x')}`;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) {
        let id = operationIdOf(method, path);
        while (used.has(id)) id += '2';
        op.operationId = id;
      }
      used.add(op.operationId as string);
      const isPublic = isPublicApi(method.toUpperCase(), concrete);
      op.security = isPublic ? [] : [{ sessionCookie: [] }];
      if (!op.responses) op.responses = {};
      const responses = op.responses as Record<string, unknown>;
      const add = (code: string, name: string) => {
        if (!(code in responses)) responses[code] = { $ref: `#/components/responses/${name}` };
      };
      add('400', 'BadRequest');
      if (!isPublic) {
        add('401', 'Unauthenticated');
        add('403', 'Forbidden');
      }
      if (path.includes('{')) add('404', 'NotFound');
    }
  }
  const components = { ...((doc.components as Json | undefined) ?? {}) };
  components.schemas = { ...((components.schemas as Json) ?? {}), Problem: PROBLEM_SCHEMA };
  components.responses = { ...((components.responses as Json) ?? {}), ...RESPONSES };
  components.securitySchemes = {
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: opts.cookieName,
      description: 'The session cookie set by signing in (staff must have two-step sign-in on).',
    },
  };
  return {
    ...doc,
    components,
    servers: [{ url: `${opts.publicUrl}/api/v1`, description: 'Suốt Đời API' }],
    security: [{ sessionCookie: [] }],
  };
}
