// The OAI-PMH request: which arguments each verb takes, the metadata formats offered, and the checks that turn
// a harvester's query string into a verb, its arguments and a list query (every failure an OaiError, answered
// as an OAI error element by oai-provider.server.ts).
import type { OaiQuery } from './oai-token.server.ts';
import { MARC_NS, MARC_SCHEMA, OAI_DC_NS, OAI_DC_SCHEMA } from './oai-xml.server.ts';

const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'];
const ARGS: Record<string, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
};

export const FORMATS: Record<string, { schema: string; ns: string }> = {
  oai_dc: { schema: OAI_DC_SCHEMA, ns: OAI_DC_NS },
  marcxml: { schema: MARC_SCHEMA, ns: MARC_NS },
};

export class OaiError extends Error {
  readonly codes: Array<{ code: string; message: string }>;
  constructor(code: string, message: string, more: Array<{ code: string; message: string }> = []) {
    super(code);
    this.codes = [{ code, message }, ...more];
  }
}

/** A UTC date or datetime argument: its granularity and the instant it denotes. */
function parseDate(value: string): { day: boolean; at: Date } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1);
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (
    Number.isNaN(at.getTime()) ||
    at.getUTCFullYear() !== Number(y) ||
    at.getUTCMonth() !== Number(mo) - 1 ||
    at.getUTCDate() !== Number(d) ||
    at.getUTCHours() !== Number(h) ||
    at.getUTCMinutes() !== Number(mi) ||
    at.getUTCSeconds() !== Number(s)
  )
    return null;
  return { day: m[4] === undefined, at };
}

const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

/** Checks the arguments against the verb; answers the single values. Throws OaiError. */
export function validate(params: URLSearchParams): { verb: string; args: Record<string, string> } {
  const seen = new Map<string, string[]>();
  for (const [k, v] of params) seen.set(k, [...(seen.get(k) ?? []), v]);
  const verbs = seen.get('verb') ?? [];
  if (verbs.length === 0) throw new OaiError('badVerb', 'The verb argument is missing.');
  if (verbs.length > 1) throw new OaiError('badVerb', 'The verb argument is repeated.');
  const verb = verbs[0] as string;
  const spec = ARGS[verb];
  if (!spec || !VERBS.includes(verb))
    throw new OaiError('badVerb', `"${verb.slice(0, 40)}" is not an OAI-PMH verb.`);
  const problems: Array<{ code: string; message: string }> = [];
  const args: Record<string, string> = {};
  for (const [k, values] of seen) {
    if (k === 'verb') continue;
    const allowed = spec.required.includes(k) || spec.optional.includes(k) || spec.exclusive === k;
    if (!allowed) problems.push({ code: 'badArgument', message: `Illegal argument "${k.slice(0, 40)}".` });
    else if (values.length > 1)
      problems.push({ code: 'badArgument', message: `Argument "${k}" is repeated.` });
    else args[k] = values[0] as string;
  }
  if (spec.exclusive && args[spec.exclusive] !== undefined) {
    if (Object.keys(args).length > 1)
      problems.push({ code: 'badArgument', message: `${spec.exclusive} is an exclusive argument.` });
  } else {
    for (const r of spec.required)
      if (!seen.has(r)) problems.push({ code: 'badArgument', message: `Argument "${r}" is missing.` });
  }
  const first = problems[0];
  if (first) throw new OaiError(first.code, first.message, problems.slice(1));
  return { verb, args };
}

export function checkPrefix(prefix: string): void {
  if (!FORMATS[prefix])
    throw new OaiError(
      'cannotDisseminateFormat',
      `Metadata format "${prefix.slice(0, 40)}" is not supported.`,
    );
}

export function queryFromArgs(verb: OaiQuery['verb'], args: Record<string, string>): OaiQuery {
  const prefix = args.metadataPrefix as string;
  const from = args.from === undefined ? null : parseDate(args.from);
  const until = args.until === undefined ? null : parseDate(args.until);
  if (args.from !== undefined && !from) throw new OaiError('badArgument', 'from is not a valid UTC date.');
  if (args.until !== undefined && !until) throw new OaiError('badArgument', 'until is not a valid UTC date.');
  if (from && until && from.day !== until.day)
    throw new OaiError('badArgument', 'from and until must have the same granularity.');
  const untilBefore = until ? new Date(until.at.getTime() + (until.day ? 86_400_000 : 1000)) : null;
  if (from && until && from.at > until.at) throw new OaiError('badArgument', 'from is later than until.');
  if (args.set !== undefined && !SET_SPEC.test(args.set))
    throw new OaiError('badArgument', 'set is not a valid setSpec.');
  checkPrefix(prefix);
  return {
    verb,
    metadataPrefix: prefix,
    set: args.set ?? null,
    from: from ? from.at.toISOString() : null,
    untilBefore: untilBefore ? untilBefore.toISOString() : null,
  };
}
