// Resumption tokens: the whole query plus a keyset position, signed (HMAC-SHA256 with a key derived from the
// session secret) so a garbled or forged token is recognised, with an expiry. Nothing is stored server-side,
// so a token works on any instance and after a restart; the keyset is the record's immutable insertion order
// (`seq`), so records changing between pages neither repeat nor disappear from the list. The list runs through
// the catalogue's records, then each contributed source's (src/app/module.ts `oaiSources`): the position is
// the source's key (`records` for the catalogue, else the source's type) and the last `seq` listed in it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface OaiQuery {
  verb: 'ListRecords' | 'ListIdentifiers';
  metadataPrefix: string;
  set: string | null;
  /** Inclusive lower bound, ISO instant (already normalised from the request's granularity). */
  from: string | null;
  /** Exclusive upper bound, ISO instant. */
  untilBefore: string | null;
}

export interface TokenState extends OaiQuery {
  /** The source the next page starts in. */
  source: string;
  afterSeq: number;
  cursor: number;
  completeListSize: number;
  expiresAt: number; // epoch ms
}

export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('oai-pmh resumption token v1').digest();
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', key(secret)).update(body).digest('base64url').slice(0, 22);
}

export function encodeToken(secret: string, s: TokenState): string {
  const compact = [
    2,
    s.verb === 'ListRecords' ? 'R' : 'I',
    s.metadataPrefix,
    s.set,
    s.from,
    s.untilBefore,
    s.afterSeq,
    s.cursor,
    s.completeListSize,
    s.expiresAt,
    s.source,
  ];
  const body = Buffer.from(JSON.stringify(compact)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;
const strOrNull = (v: unknown): v is string | null => v === null || str(v);
const int = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The token's state, or why it is unusable: 'invalid' (garbled, forged, wrong verb) or 'expired'. */
export function decodeToken(
  secret: string,
  token: string,
  verb: OaiQuery['verb'],
  now: Date,
): TokenState | 'invalid' | 'expired' {
  if (token.length > 2000) return 'invalid';
  const dot = token.indexOf('.');
  if (dot <= 0) return 'invalid';
  const body = token.slice(0, dot);
  const mac = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, body));
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return 'invalid';
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'invalid';
  }
  // Version 1 (before contributed sources) was always in the catalogue's records.
  if (!Array.isArray(v) || !((v[0] === 1 && v.length === 10) || (v[0] === 2 && v.length === 11)))
    return 'invalid';
  const [, kind, prefix, set, from, until, afterSeq, cursor, size, expiresAt, source = 'records'] =
    v as unknown[];
  if ((kind === 'R' ? 'ListRecords' : kind === 'I' ? 'ListIdentifiers' : null) !== verb) return 'invalid';
  if (!str(prefix) || !strOrNull(set) || !strOrNull(from) || !strOrNull(until)) return 'invalid';
  if (!int(afterSeq) || !int(cursor) || !int(size) || !int(expiresAt) || !str(source)) return 'invalid';
  if (expiresAt < now.getTime()) return 'expired';
  return {
    verb,
    metadataPrefix: prefix,
    set,
    from,
    untilBefore: until,
    afterSeq,
    cursor,
    completeListSize: size,
    expiresAt,
    source,
  };
}
