// Strict validation of xAPI 1.0.3 statements (IEEE 9274.1.1, Data §2): every object is checked against the
// properties the specification defines, and anything unknown, mistyped or malformed is refused. Pure: no I/O.
// Returns the list of problems (empty when valid) so a 400 can name all of them.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

const IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANG_TAG = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const MBOX = /^mailto:[^@\s]+@[^@\s]+$/;
const SHA1 = /^[0-9a-f]{40}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;
// ISO 8601 4.4.3.2: weeks stand alone (PnW); otherwise years … seconds.
const DURATION =
  /^P(?:(\d+(?:\.\d+)?)W|(?=\d|T\d)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?)$/;
const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);
export const isIri = (s: unknown): s is string => typeof s === 'string' && IRI.test(s);
export const isLanguageTag = (s: string) => LANG_TAG.test(s);
export const isDuration = (s: unknown): s is string => typeof s === 'string' && DURATION.test(s);

/** An ISO 8601 date-time with a time-zone offset; `-00:00` is refused (RFC 3339 "unknown offset"). */
export function isTimestamp(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  if (/^-00(:?00)?$/.test(m[8] ?? '')) return false;
  const [mo, d, h, mi, se] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as number[];
  return mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= 31 && h! <= 23 && mi! <= 59 && se! <= 60;
}

/** Seconds of an ISO 8601 duration (years 365 d, months 30 d); null when malformed. */
export function durationSeconds(s: string): number | null {
  const m = DURATION.exec(s);
  if (!m) return null;
  const n = (v: string | undefined) => (v ? Number.parseFloat(v) : 0);
  const days = n(m[1]) * 7 + n(m[2]) * 365 + n(m[3]) * 30 + n(m[4]);
  return days * 86_400 + n(m[5]) * 3600 + n(m[6]) * 60 + n(m[7]);
}

class Checker {
  readonly problems: string[] = [];
  fail(path: string, msg: string) {
    if (this.problems.length < 50) this.problems.push(`${path}: ${msg}`);
  }
  obj(v: Json | undefined, path: string): v is JsonObject {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, 'must be an object');
      return false;
    }
    return true;
  }
  only(o: JsonObject, path: string, allowed: readonly string[]) {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(`${path}.${k}`, 'unknown property');
  }
  str(v: Json | undefined, path: string): v is string {
    if (typeof v !== 'string') {
      this.fail(path, 'must be a string');
      return false;
    }
    return true;
  }
  iri(v: Json | undefined, path: string) {
    if (!isIri(v)) this.fail(path, 'must be an absolute IRI');
  }
  bool(v: Json | undefined, path: string) {
    if (typeof v !== 'boolean') this.fail(path, 'must be true or false');
  }
  langMap(v: Json | undefined, path: string) {
    if (!this.obj(v, path)) return;
    for (const [k, x] of Object.entries(v)) {
      if (!isLanguageTag(k)) this.fail(`${path}.${k}`, 'not an RFC 5646 language tag');
      if (typeof x !== 'string') this.fail(`${path}.${k}`, 'must be a string');
    }
  }
  extensions(v: Json | undefined, path: string) {
    if (!this.obj(v, path)) return;
    for (const k of Object.keys(v)) if (!isIri(k)) this.fail(`${path}.${k}`, 'extension keys must be IRIs');
  }
}

function agentLike(c: Checker, v: Json | undefined, path: string, allowGroup: boolean, requireType = false) {
  if (!c.obj(v, path)) return;
  const type = v.objectType;
  if (type === 'Group') {
    if (!allowGroup) return c.fail(path, 'a Group is not allowed here');
    return group(c, v, path);
  }
  if (type !== undefined && type !== 'Agent') return c.fail(`${path}.objectType`, 'must be Agent or Group');
  if (requireType && type === undefined) return c.fail(`${path}.objectType`, 'is required here');
  c.only(v, path, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
  if (v.name !== undefined) c.str(v.name, `${path}.name`);
  const ifis = inverseFunctional(c, v, path);
  if (ifis !== 1) c.fail(path, 'an Agent needs exactly one of mbox, mbox_sha1sum, openid, account');
}

function inverseFunctional(c: Checker, v: JsonObject, path: string): number {
  let n = 0;
  if (v.mbox !== undefined) {
    n++;
    if (typeof v.mbox !== 'string' || !MBOX.test(v.mbox)) c.fail(`${path}.mbox`, 'must be mailto:address');
  }
  if (v.mbox_sha1sum !== undefined) {
    n++;
    if (typeof v.mbox_sha1sum !== 'string' || !SHA1.test(v.mbox_sha1sum))
      c.fail(`${path}.mbox_sha1sum`, 'must be a hex SHA-1');
  }
  if (v.openid !== undefined) {
    n++;
    c.iri(v.openid, `${path}.openid`);
  }
  if (v.account !== undefined) {
    n++;
    if (c.obj(v.account, `${path}.account`)) {
      c.only(v.account, `${path}.account`, ['homePage', 'name']);
      c.iri(v.account.homePage, `${path}.account.homePage`);
      c.str(v.account.name, `${path}.account.name`);
    }
  }
  return n;
}

function group(c: Checker, v: JsonObject, path: string) {
  c.only(v, path, ['objectType', 'name', 'member', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
  if (v.name !== undefined) c.str(v.name, `${path}.name`);
  const ifis = inverseFunctional(c, v, path);
  if (ifis > 1) c.fail(path, 'a Group has at most one identifier');
  if (v.member !== undefined) {
    if (!Array.isArray(v.member)) c.fail(`${path}.member`, 'must be an array');
    else
      v.member.forEach((m, i) => {
        agentLike(c, m, `${path}.member[${i}]`, false);
      });
  }
  if (ifis === 0 && (!Array.isArray(v.member) || v.member.length === 0))
    c.fail(path, 'an anonymous Group needs members');
}

function verb(c: Checker, v: Json | undefined, path: string) {
  if (!c.obj(v, path)) return;
  c.only(v, path, ['id', 'display']);
  c.iri(v.id, `${path}.id`);
  if (v.display !== undefined) c.langMap(v.display, `${path}.display`);
}

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

function activityDefinition(c: Checker, v: Json | undefined, path: string) {
  if (!c.obj(v, path)) return;
  c.only(v, path, [
    'name',
    'description',
    'type',
    'moreInfo',
    'extensions',
    'interactionType',
    'correctResponsesPattern',
    ...COMPONENT_LISTS,
  ]);
  if (v.name !== undefined) c.langMap(v.name, `${path}.name`);
  if (v.description !== undefined) c.langMap(v.description, `${path}.description`);
  if (v.type !== undefined) c.iri(v.type, `${path}.type`);
  if (v.moreInfo !== undefined) c.iri(v.moreInfo, `${path}.moreInfo`);
  if (v.extensions !== undefined) c.extensions(v.extensions, `${path}.extensions`);
  if (v.interactionType !== undefined && !INTERACTION_TYPES.includes(v.interactionType as string))
    c.fail(`${path}.interactionType`, 'unknown interaction type');
  if (v.correctResponsesPattern !== undefined) {
    const p = v.correctResponsesPattern;
    if (v.interactionType === undefined)
      c.fail(`${path}.correctResponsesPattern`, 'needs an interactionType');
    if (!Array.isArray(p) || p.some((x) => typeof x !== 'string'))
      c.fail(`${path}.correctResponsesPattern`, 'must be an array of strings');
  }
  for (const list of COMPONENT_LISTS) {
    const l = v[list];
    if (l === undefined) continue;
    if (v.interactionType === undefined) c.fail(`${path}.${list}`, 'needs an interactionType');
    if (!Array.isArray(l)) {
      c.fail(`${path}.${list}`, 'must be an array');
      continue;
    }
    const ids = new Set<string>();
    l.forEach((comp, i) => {
      const p = `${path}.${list}[${i}]`;
      if (!c.obj(comp, p)) return;
      c.only(comp, p, ['id', 'description']);
      if (c.str(comp.id, `${p}.id`)) {
        if (ids.has(comp.id)) c.fail(`${p}.id`, 'duplicate component id');
        ids.add(comp.id);
      }
      if (comp.description !== undefined) c.langMap(comp.description, `${p}.description`);
    });
  }
}

function activity(c: Checker, v: JsonObject, path: string) {
  c.only(v, path, ['objectType', 'id', 'definition']);
  c.iri(v.id, `${path}.id`);
  if (v.definition !== undefined) activityDefinition(c, v.definition, `${path}.definition`);
}

function statementRef(c: Checker, v: Json | undefined, path: string) {
  if (!c.obj(v, path)) return;
  c.only(v, path, ['objectType', 'id']);
  if (v.objectType !== 'StatementRef') c.fail(`${path}.objectType`, 'must be StatementRef');
  if (!isUuid(v.id)) c.fail(`${path}.id`, 'must be a UUID');
}

function object(c: Checker, v: Json | undefined, path: string, inSub: boolean) {
  if (!c.obj(v, path)) return;
  const type = v.objectType ?? 'Activity';
  if (type === 'Activity') activity(c, v, path);
  else if (type === 'Agent' || type === 'Group') agentLike(c, v, path, true, true);
  else if (type === 'StatementRef') statementRef(c, v, path);
  else if (type === 'SubStatement') {
    if (inSub) c.fail(path, 'a SubStatement cannot contain a SubStatement');
    else statementBody(c, v, path, true);
  } else c.fail(`${path}.objectType`, 'unknown objectType');
}

function result(c: Checker, v: Json | undefined, path: string) {
  if (!c.obj(v, path)) return;
  c.only(v, path, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
  if (v.score !== undefined && c.obj(v.score, `${path}.score`)) {
    const s = v.score;
    c.only(s, `${path}.score`, ['scaled', 'raw', 'min', 'max']);
    for (const k of ['scaled', 'raw', 'min', 'max'])
      if (s[k] !== undefined && typeof s[k] !== 'number') c.fail(`${path}.score.${k}`, 'must be a number');
    const [scaled, raw, min, max] = [s.scaled, s.raw, s.min, s.max] as Array<number | undefined>;
    if (typeof scaled === 'number' && (scaled < -1 || scaled > 1))
      c.fail(`${path}.score.scaled`, 'must be between -1 and 1');
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      c.fail(`${path}.score`, 'min is above max');
    if (
      typeof raw === 'number' &&
      ((typeof min === 'number' && raw < min) || (typeof max === 'number' && raw > max))
    )
      c.fail(`${path}.score.raw`, 'must be between min and max');
  }
  if (v.success !== undefined) c.bool(v.success, `${path}.success`);
  if (v.completion !== undefined) c.bool(v.completion, `${path}.completion`);
  if (v.response !== undefined) c.str(v.response, `${path}.response`);
  if (v.duration !== undefined && !isDuration(v.duration))
    c.fail(`${path}.duration`, 'not an ISO 8601 duration');
  if (v.extensions !== undefined) c.extensions(v.extensions, `${path}.extensions`);
}

function activityList(c: Checker, v: Json | undefined, path: string) {
  const list = Array.isArray(v) ? v : [v];
  list.forEach((a, i) => {
    const p = Array.isArray(v) ? `${path}[${i}]` : path;
    if (!c.obj(a, p)) return;
    if (a.objectType !== undefined && a.objectType !== 'Activity')
      c.fail(`${p}.objectType`, 'must be Activity');
    activity(c, a, p);
  });
}

function context(c: Checker, v: Json | undefined, path: string, objectIsActivity: boolean) {
  if (!c.obj(v, path)) return;
  c.only(v, path, [
    'registration',
    'instructor',
    'team',
    'contextActivities',
    'revision',
    'platform',
    'language',
    'statement',
    'extensions',
  ]);
  if (v.registration !== undefined && !isUuid(v.registration))
    c.fail(`${path}.registration`, 'must be a UUID');
  if (v.instructor !== undefined) agentLike(c, v.instructor, `${path}.instructor`, true);
  if (v.team !== undefined) {
    if (c.obj(v.team, `${path}.team`) && v.team.objectType !== 'Group')
      c.fail(`${path}.team`, 'must be a Group');
    else agentLike(c, v.team, `${path}.team`, true);
  }
  if (v.contextActivities !== undefined && c.obj(v.contextActivities, `${path}.contextActivities`)) {
    const ca = v.contextActivities;
    c.only(ca, `${path}.contextActivities`, ['parent', 'grouping', 'category', 'other']);
    for (const [k, x] of Object.entries(ca)) activityList(c, x, `${path}.contextActivities.${k}`);
  }
  for (const k of ['revision', 'platform'] as const) {
    if (v[k] === undefined) continue;
    c.str(v[k], `${path}.${k}`);
    if (!objectIsActivity) c.fail(`${path}.${k}`, 'only allowed when the object is an Activity');
  }
  if (v.language !== undefined && (typeof v.language !== 'string' || !isLanguageTag(v.language)))
    c.fail(`${path}.language`, 'not an RFC 5646 language tag');
  if (v.statement !== undefined) statementRef(c, v.statement, `${path}.statement`);
  if (v.extensions !== undefined) c.extensions(v.extensions, `${path}.extensions`);
}

function attachments(c: Checker, v: Json | undefined, path: string) {
  if (!Array.isArray(v)) return c.fail(path, 'must be an array');
  v.forEach((a, i) => {
    const p = `${path}[${i}]`;
    if (!c.obj(a, p)) return;
    c.only(a, p, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
    c.iri(a.usageType, `${p}.usageType`);
    c.langMap(a.display, `${p}.display`);
    if (a.description !== undefined) c.langMap(a.description, `${p}.description`);
    c.str(a.contentType, `${p}.contentType`);
    if (!Number.isInteger(a.length) || (a.length as number) < 0) c.fail(`${p}.length`, 'must be an integer');
    if (typeof a.sha2 !== 'string' || !/^[0-9a-f]{56,128}$/i.test(a.sha2))
      c.fail(`${p}.sha2`, 'must be a hex SHA-2');
    if (a.fileUrl !== undefined) c.iri(a.fileUrl, `${p}.fileUrl`);
  });
}

function statementBody(c: Checker, v: JsonObject, path: string, sub: boolean) {
  const own = sub
    ? ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']
    : [
        'id',
        'actor',
        'verb',
        'object',
        'result',
        'context',
        'timestamp',
        'stored',
        'authority',
        'version',
        'attachments',
        'objectType',
      ];
  c.only(v, path, own);
  if (!sub && v.objectType !== undefined) c.fail(`${path}.objectType`, 'a Statement has no objectType');
  if (v.actor === undefined) c.fail(`${path}.actor`, 'is required');
  else agentLike(c, v.actor, `${path}.actor`, true);
  if (v.verb === undefined) c.fail(`${path}.verb`, 'is required');
  else verb(c, v.verb, `${path}.verb`);
  if (v.object === undefined) c.fail(`${path}.object`, 'is required');
  else object(c, v.object, `${path}.object`, sub);
  if (v.result !== undefined) result(c, v.result, `${path}.result`);
  const obj = v.object as JsonObject | undefined;
  const objectIsActivity = !!obj && typeof obj === 'object' && (obj.objectType ?? 'Activity') === 'Activity';
  if (v.context !== undefined) context(c, v.context, `${path}.context`, objectIsActivity);
  if (v.timestamp !== undefined && !isTimestamp(v.timestamp))
    c.fail(`${path}.timestamp`, 'not an ISO 8601 timestamp with offset');
  if (v.attachments !== undefined) attachments(c, v.attachments, `${path}.attachments`);
  const verbId = (v.verb as JsonObject | undefined)?.id;
  if (verbId === VOIDED_VERB && (!obj || typeof obj !== 'object' || obj.objectType !== 'StatementRef'))
    c.fail(`${path}.object`, 'a voiding statement must target a StatementRef');
}

/** Problems with one statement as a client sent it; empty when it is valid xAPI 1.0.3. */
export function validateStatement(v: Json | undefined): string[] {
  const c = new Checker();
  if (!c.obj(v, 'statement')) return c.problems;
  statementBody(c, v, 'statement', false);
  if (v.id !== undefined && !isUuid(v.id)) c.fail('statement.id', 'must be a UUID');
  if (v.stored !== undefined && !isTimestamp(v.stored))
    c.fail('statement.stored', 'not an ISO 8601 timestamp');
  if (v.authority !== undefined) {
    agentLike(c, v.authority, 'statement.authority', true);
    // A Group as authority is the OAuth pair: anonymous, exactly two Agents (Data 2.4.9).
    const a = v.authority;
    if (a && typeof a === 'object' && !Array.isArray(a) && a.objectType === 'Group') {
      if (['mbox', 'mbox_sha1sum', 'openid', 'account'].some((k) => a[k] !== undefined))
        c.fail('statement.authority', 'a Group authority must be anonymous');
      if (!Array.isArray(a.member) || a.member.length !== 2)
        c.fail('statement.authority.member', 'a Group authority has exactly two Agents');
    }
  }
  if (v.version !== undefined && (typeof v.version !== 'string' || !/^1\.0(\.\d+)?$/.test(v.version)))
    c.fail('statement.version', 'must be 1.0.x');
  return c.problems;
}

/** Problems with an Agent given as a query or document parameter. */
export function validateAgent(v: Json | undefined, allowGroup = true): string[] {
  const c = new Checker();
  agentLike(c, v, 'agent', allowGroup);
  return c.problems;
}
