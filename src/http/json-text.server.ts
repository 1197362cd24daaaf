// An API answer whose JSON document was built elsewhere (by PostgreSQL, issue 17) and is written as it comes:
// the same status and `Content-Type: application/json` as Hono's `c.json`, without a parse and a stringify.
// The caller vouches that `text` is the JSON of a `T` (its route's response schema); tests compare it.
import type { Context, TypedResponse } from 'hono';

export function jsonText<T, S extends 200 | 201 = 200>(
  c: Context,
  text: string,
  status: S,
): Response & TypedResponse<T, S, 'json'> {
  return c.body(text, status, { 'content-type': 'application/json' }) as unknown as Response &
    TypedResponse<T, S, 'json'>;
}
