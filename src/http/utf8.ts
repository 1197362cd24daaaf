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
    try {
      strictUtf8.decode(bytes);
    } catch {
      throw new AppError('request.invalid_encoding', 400, 'error.malformed');
    }
    return next();
  };
}
