// Rejects JSON request bodies that are not valid UTF-8. Without this, invalid bytes would be silently
// replaced by U+FFFD while parsing and stored as mojibake; the API answers 400 instead.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.ts';
import type { HonoEnv } from './env.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function requireUtf8Json(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const m = c.req.method;
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || !/^application\/([\w.+-]+\+)?json\b/.test(type)) {
      return next();
    }
    // Read once through Hono's body cache: the validators downstream reuse these bytes.
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      throw new AppError('request.invalid_encoding', 400, 'error.malformed');
    }
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail deep in a query.
    if (text.includes('\\u0000') || text.includes('\0'))
      throw new AppError('request.nul_character', 400, 'error.nulCharacter');
    return next();
  };
}

/**
 * NUL characters (`%00`) in a URL or a form post are never legitimate text and PostgreSQL cannot store them:
 * refuse them at the door with a 400, for pages and API alike. (Multipart uploads carry binary files and are
 * checked field by field where they are read.)
 */
export function rejectNulCharacters(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    if (/%00/i.test(c.req.url)) throw new AppError('request.nul_character', 400, 'error.nulCharacter');
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      type.startsWith('application/x-www-form-urlencoded')
    ) {
      const body = await c.req.raw.clone().text();
      if (/%00/i.test(body) || body.includes('\0'))
        throw new AppError('request.nul_character', 400, 'error.nulCharacter');
    }
    return next();
  };
}
