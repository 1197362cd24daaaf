// xAPI statement helpers: agent identity keys, the filter keys a statement is found by, the comparison
// signature (same id with different content → 409), and the three response formats (exact, ids, canonical).
import type { Json, JsonObject } from './xapi-validate.ts';

const isObj = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** The identity of an Agent or identified Group: `mbox:…`, `mbox_sha1sum:…`, `openid:…`, `account:home|name`. */
export function agentKey(a: Json | undefined): string | null {
  if (!isObj(a)) return null;
  if (typeof a.mbox === 'string') return `mbox:${a.mbox.toLowerCase()}`;
  if (typeof a.mbox_sha1sum === 'string') return `mbox_sha1sum:${a.mbox_sha1sum.toLowerCase()}`;
  if (typeof a.openid === 'string') return `openid:${a.openid}`;
  if (isObj(a.account)) return `account:${String(a.account.homePage)}|${String(a.account.name)}`;
  return null;
}

/** Keys of an actor-like value: itself (when identified) and, for a Group, its members. */
function agentKeys(a: Json | undefined, withMembers: boolean): string[] {
  if (!isObj(a)) return [];
  const out: string[] = [];
  const k = agentKey(a);
  if (k) out.push(k);
  if (withMembers && Array.isArray(a.member)) for (const m of a.member) out.push(...agentKeys(m, false));
  return out;
}

export interface FilterKeys {
  verbs: string[];
  agents: string[];
  relatedAgents: string[];
  activities: string[];
  relatedActivities: string[];
}

function contextActivityIds(ctx: Json | undefined): string[] {
  if (!isObj(ctx) || !isObj(ctx.contextActivities)) return [];
  const ids: string[] = [];
  for (const list of Object.values(ctx.contextActivities)) {
    for (const a of Array.isArray(list) ? list : [list])
      if (isObj(a) && typeof a.id === 'string') ids.push(a.id);
  }
  return ids;
}

function bodyKeys(s: JsonObject, authority: Json | undefined): FilterKeys {
  const obj = s.object;
  const type = isObj(obj) ? (obj.objectType ?? 'Activity') : null;
  const agents = [...agentKeys(s.actor, true)];
  const activities: string[] = [];
  if (isObj(obj) && (type === 'Agent' || type === 'Group')) agents.push(...agentKeys(obj, true));
  if (isObj(obj) && type === 'Activity' && typeof obj.id === 'string') activities.push(obj.id);
  const relatedAgents = [...agents, ...agentKeys(authority, true)];
  const relatedActivities = [...activities, ...contextActivityIds(s.context)];
  if (isObj(s.context)) {
    relatedAgents.push(...agentKeys(s.context.instructor, true), ...agentKeys(s.context.team, true));
  }
  const verbs = isObj(s.verb) && typeof s.verb.id === 'string' ? [s.verb.id] : [];
  if (isObj(obj) && type === 'SubStatement') {
    const sub = bodyKeys(obj, undefined);
    relatedAgents.push(...sub.relatedAgents);
    relatedActivities.push(...sub.relatedActivities);
  }
  return { verbs, agents, relatedAgents, activities, relatedActivities };
}

const uniq = (a: string[]) => [...new Set(a)];

/** What GET /statements finds this statement by; a StatementRef also carries its target's keys. */
export function filterKeys(s: JsonObject, target?: FilterKeys): FilterKeys {
  const k = bodyKeys(s, s.authority);
  if (target) {
    k.verbs.push(...target.verbs);
    k.agents.push(...target.agents);
    k.relatedAgents.push(...target.relatedAgents);
    k.activities.push(...target.activities);
    k.relatedActivities.push(...target.relatedActivities);
  }
  return {
    verbs: uniq(k.verbs),
    agents: uniq(k.agents),
    relatedAgents: uniq(k.relatedAgents),
    activities: uniq(k.activities),
    relatedActivities: uniq(k.relatedActivities),
  };
}

/** JSON with keys sorted at every level and Group members in a stable order. */
export function canonicalJson(v: Json | undefined): string {
  if (v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (!isObj(v)) return JSON.stringify(v);
  const entries = Object.keys(v)
    .sort()
    .map((k) => {
      let x = v[k] as Json;
      if (k === 'member' && Array.isArray(x))
        x = [...x].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
      if ((k === 'mbox' || k === 'mbox_sha1sum') && typeof x === 'string') x = x.toLowerCase();
      return `${JSON.stringify(k)}:${canonicalJson(x)}`;
    });
  return `{${entries.join(',')}}`;
}

/** The part of a statement that must match when the same id arrives again (the LRS-set parts excluded). */
export function comparisonSignature(s: JsonObject): string {
  const { id: _i, stored: _s, authority: _a, version: _v, timestamp: _t, attachments: _at, ...rest } = s;
  return canonicalJson(rest);
}

export type StatementFormat = 'exact' | 'ids' | 'canonical';

function idsOnlyAgent(a: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (a.objectType) out.objectType = a.objectType;
  for (const k of ['mbox', 'mbox_sha1sum', 'openid', 'account'])
    if (a[k] !== undefined) out[k] = a[k] as Json;
  if (a.objectType === 'Group' && Array.isArray(a.member))
    out.member = a.member.map((m) => (isObj(m) ? idsOnlyAgent(m) : m));
  return out;
}

function pickLanguage(map: JsonObject, languages: readonly string[]): JsonObject {
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  for (const want of languages) {
    const hit =
      keys.find((k) => k.toLowerCase() === want.toLowerCase()) ??
      keys.find((k) => k.toLowerCase().split('-')[0] === want.toLowerCase().split('-')[0]);
    if (hit) return { [hit]: map[hit] as Json };
  }
  const first = keys[0] as string;
  return { [first]: map[first] as Json };
}

const LANGUAGE_MAPS = new Set(['display', 'name', 'description']);

function transform(v: Json, format: StatementFormat, languages: readonly string[], key = ''): Json {
  if (Array.isArray(v)) return v.map((x) => transform(x, format, languages, key));
  if (!isObj(v)) return v;
  if (
    format === 'canonical' &&
    LANGUAGE_MAPS.has(key) &&
    Object.values(v).every((x) => typeof x === 'string')
  )
    return pickLanguage(v, languages);
  if (format === 'ids') {
    const looksAgent =
      v.objectType === 'Agent' ||
      v.objectType === 'Group' ||
      (!v.objectType && (v.mbox || v.mbox_sha1sum || v.openid || v.account));
    if (looksAgent && key !== 'account') return idsOnlyAgent(v);
    if (
      (key === 'verb' ||
        key === 'object' ||
        key === 'parent' ||
        key === 'grouping' ||
        key === 'category' ||
        key === 'other') &&
      typeof v.id === 'string' &&
      (v.objectType ?? 'Activity') === 'Activity' &&
      !('actor' in v)
    ) {
      return { id: v.id };
    }
  }
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) out[k] = transform(x, format, languages, k);
  return out;
}

/** A stored statement in the requested format (the `format` query parameter, Accept-Language for canonical). */
export function formatStatement(
  s: JsonObject,
  format: StatementFormat,
  languages: readonly string[] = [],
): JsonObject {
  if (format === 'exact') return s;
  return transform(s, format, languages) as JsonObject;
}

/** Accept-Language as an ordered list of tags. */
export function acceptLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((p) => {
      const [tag, ...params] = p.trim().split(';');
      const q = params.find((x) => x.trim().startsWith('q='));
      return { tag: (tag ?? '').trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*')
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}
