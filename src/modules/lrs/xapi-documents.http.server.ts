// The document resources (state, activity profile, agent profile) and the Activities and Agents resources of
// the LRS (xAPI 1.0.3 Communication §2.3–2.6). Mounted by xapi.http.server.ts behind its auth guard.
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import type { DocumentKind, DocumentScope } from './lrs-documents.repository.server.ts';
import {
  deleteDocuments,
  listDocumentIds,
  readDocument,
  writeDocument,
} from './lrs-documents.usecases.server.ts';
import { xapiError } from './lrs-statements.usecases.server.ts';
import { agentParam, onlyParams } from './xapi.http.server.ts';
import { agentKey } from './xapi-format.ts';
import { isIri, isTimestamp, isUuid, type Json, type JsonObject } from './xapi-validate.ts';

interface ResourceShape {
  path: string;
  kind: DocumentKind;
  idParam: 'stateId' | 'profileId';
  activity: boolean;
  agent: boolean;
  registration: boolean;
}

const RESOURCES: ResourceShape[] = [
  {
    path: '/xapi/activities/state',
    kind: 'state',
    idParam: 'stateId',
    activity: true,
    agent: true,
    registration: true,
  },
  {
    path: '/xapi/activities/profile',
    kind: 'activity_profile',
    idParam: 'profileId',
    activity: true,
    agent: false,
    registration: false,
  },
  {
    path: '/xapi/agents/profile',
    kind: 'agent_profile',
    idParam: 'profileId',
    activity: false,
    agent: true,
    registration: false,
  },
];

function scopeOf(c: Context, r: ResourceShape): DocumentScope {
  const q = c.req.query();
  const scope: DocumentScope = { kind: r.kind, activityId: '', agentKey: '', registration: '' };
  if (r.activity) {
    if (!q.activityId || !isIri(q.activityId)) throw xapiError(400, 'activityId: an IRI is required');
    scope.activityId = q.activityId;
  }
  if (r.agent) scope.agentKey = agentKey(agentParam(q.agent)) ?? '';
  if (r.registration && q.registration !== undefined) {
    if (!isUuid(q.registration)) throw xapiError(400, 'registration: not a UUID');
    scope.registration = q.registration.toLowerCase();
  }
  return scope;
}

const preconditions = (c: Context) => ({
  ifMatch: c.req.header('if-match'),
  ifNoneMatch: c.req.header('if-none-match'),
});

function mountDocumentResource(app: Hono<HonoEnv>, deps: AppDeps, r: ResourceShape) {
  const allowed = ['activityId', 'agent', 'registration', r.idParam, 'since'].filter(
    (p) =>
      (p !== 'activityId' || r.activity) &&
      (p !== 'agent' || r.agent) &&
      (p !== 'registration' || r.registration),
  );
  app.get(r.path, async (c) => {
    onlyParams(c, allowed);
    const scope = scopeOf(c, r);
    const docId = c.req.query(r.idParam);
    if (docId === undefined) {
      const since = c.req.query('since');
      if (since !== undefined && !isTimestamp(since))
        throw xapiError(400, 'since: not an ISO 8601 timestamp');
      return c.json(await listDocumentIds(deps, scope, since ? new Date(since) : undefined));
    }
    if (c.req.query('since') !== undefined) throw xapiError(400, `since: not allowed with ${r.idParam}`);
    const d = await readDocument(deps, scope, docId);
    return c.body(d.content as unknown as ArrayBuffer, 200, {
      'content-type': d.contentType,
      etag: d.etag,
      'last-modified': d.updated.toUTCString(),
    });
  });
  for (const method of ['PUT', 'POST'] as const) {
    app.on(method, r.path, async (c) => {
      onlyParams(
        c,
        allowed.filter((p) => p !== 'since'),
      );
      const scope = scopeOf(c, r);
      const docId = c.req.query(r.idParam);
      if (!docId) throw xapiError(400, `${r.idParam}: is required`);
      const content = new Uint8Array(await c.req.arrayBuffer());
      const etag = await writeDocument(
        deps,
        scope,
        docId,
        { content, contentType: c.req.header('content-type') ?? 'application/octet-stream' },
        method,
        preconditions(c),
      );
      return c.body(null, 204, { etag });
    });
  }
  app.delete(r.path, async (c) => {
    onlyParams(
      c,
      allowed.filter((p) => p !== 'since'),
    );
    const scope = scopeOf(c, r);
    const docId = c.req.query(r.idParam);
    if (docId === undefined && r.kind !== 'state') throw xapiError(400, `${r.idParam}: is required`);
    await deleteDocuments(deps, scope, docId, preconditions(c));
    return c.body(null, 204);
  });
}

const isObj = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

export function mountXapiDocuments(app: Hono<HonoEnv>, deps: AppDeps): void {
  for (const r of RESOURCES) mountDocumentResource(app, deps, r);

  // The Activities resource: the activity with the definition statements gave it (later ones win).
  app.get('/xapi/activities', async (c) => {
    onlyParams(c, ['activityId']);
    const id = c.req.query('activityId');
    if (!id || !isIri(id)) throw xapiError(400, 'activityId: an IRI is required');
    const objects = await deps.repos.lrsLookup.activityObjects(deps.db, id);
    if (objects.length === 0) throw xapiError(404, `activity ${id}: not found`);
    const definition: JsonObject = {};
    for (const o of objects) {
      if (!isObj(o.definition)) continue;
      for (const [k, v] of Object.entries(o.definition)) {
        const prev = definition[k];
        definition[k] = isObj(prev) && isObj(v) && k !== 'extensions' ? { ...prev, ...v } : v;
      }
    }
    return c.json({ objectType: 'Activity', id, ...(Object.keys(definition).length ? { definition } : {}) });
  });

  // The Agents resource: a Person object combining what the LRS knows under this identifier.
  app.get('/xapi/agents', async (c) => {
    onlyParams(c, ['agent']);
    const agent = agentParam(c.req.query('agent')) as JsonObject;
    if (agent.objectType === 'Group') throw xapiError(400, 'agent: must be an Agent');
    const key = agentKey(agent) ?? '';
    const seen = [agent, ...(await deps.repos.lrsLookup.actorsNamed(deps.db, key))];
    const person: Record<string, Json[]> = {};
    for (const a of seen) {
      for (const k of ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account'] as const) {
        const v = a[k];
        if (v === undefined) continue;
        person[k] ??= [];
        const list = person[k];
        if (!list.some((x) => JSON.stringify(x) === JSON.stringify(v))) list.push(v);
      }
    }
    return c.json({ objectType: 'Person', ...person });
  });
}
