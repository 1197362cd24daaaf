// An API answer whose JSON document was built elsewhere (by PostgreSQL, issue 17) and is written as it comes:
// the same status and `Content-Type: application/json` as Hono's `c.json`, without a parse and a stringify.
// The caller vouches that `text` is the JSON of a `T` (its route's response schema); tests compare it.
import type { Context, TypedResponse } from 'hono';

export function jsonText<T, S extends 200 | 201 = 200>(
  c: Context,
  text: string | Uint8Array,
  status: S,
): Response & TypedResponse<T, S, 'json'> {
  return c.body(text as string, status, { 'content-type': 'application/json' }) as unknown as Response &
    TypedResponse<T, S, 'json'>;
}

/**
 * If-None-Match against the answer's ETag (RFC 9110 §13.1.2: weak comparison, `*` matches any, a list of
 * tags). Only for GET/HEAD answers whose ETag is exactly the body's validator.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === ours);
}

/** 304 Not Modified with no body (headers set on the context, e.g. the ETag, are kept). */
export function notModified<T>(c: Context): Response & TypedResponse<T, 200, 'json'> {
  return c.body(null, 304) as unknown as Response & TypedResponse<T, 200, 'json'>;
}
