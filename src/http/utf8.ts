// The one place where raw request text is checked before anything parses it (ADR 0008): URLs (path and query
// string), urlencoded form bodies and JSON bodies must be well-formed UTF-8 without NUL characters or lone
// surrogates. Without this, invalid bytes would be silently replaced by U+FFFD while parsing and stored as
// mojibake ("Ng\uFFFDuyen"); the request gets a 400 instead. Multipart text fields are decoded strictly where
// they are read (src/lib/multipart.ts), and the text builders (src/lib/text.ts) refuse U+FFFD and lone
// surrogates in any field that reached a schema some other way.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.ts';
import type { HonoEnv } from './env.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const badEncoding = () => new AppError('request.invalid_encoding', 400, 'error.text.encoding');
const nulCharacter = () => new AppError('request.nul_character', 400, 'error.nulCharacter');

/** Decodes raw bytes as UTF-8, refusing anything that is not (400). */
export function decodeUtf8Strict(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw badEncoding();
  }
}

/**
 * Checks percent-encoded text (a URL, an urlencoded body): the escapes must spell well-formed UTF-8 (no
 * `%C3%28`, no `%ED%A0%80` surrogate) and no NUL. A lone `%` not starting an escape is taken literally.
 */
export function checkPercentEncoded(s: string): void {
  if (/%00/i.test(s) || s.includes('\0')) throw nulCharacter();
  if (!s.includes('%')) return;
  try {
    decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    throw badEncoding();
  }
}

function hasLoneSurrogate(v: unknown): boolean {
  if (typeof v === 'string') return !v.isWellFormed();
  if (Array.isArray(v)) return v.some(hasLoneSurrogate);
  if (v && typeof v === 'object')
    return Object.entries(v).some(([k, x]) => !k.isWellFormed() || hasLoneSurrogate(x));
  return false;
}

export function requireUtf8Json(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const m = c.req.method;
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || !/^application\/([\w.+-]+\+)?json\b/.test(type)) {
      return next();
    }
    // Read once through Hono's body cache: the validators downstream reuse these bytes.
    let text: string;
    try {
      text = decodeUtf8Strict(await c.req.arrayBuffer());
    } catch {
      throw new AppError('request.invalid_encoding', 400, 'error.malformed');
    }
    // The validators' `c.req.json()` parses this text: without it, Hono would decode the bytes a second time
    // through a new web Response (ADR 0013). Strictly decoded text is what a lenient decoding gives.
    // (Hono keeps promises there whatever its type says.)
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail deep in a query.
    if (text.includes('\\u0000') || text.includes('\0')) throw nulCharacter();
    // A `\uD800` escape parses into a string no database can store: refuse it (the cheap test first).
    if (/\\u[dD][89a-fA-F]/.test(text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return next(); // the validator answers malformed JSON
      }
      if (hasLoneSurrogate(parsed)) throw badEncoding();
    }
    return next();
  };
}

/**
 * For pages and API alike: the URL and an urlencoded form body are well-formed UTF-8 without NUL, or the
 * request is refused with a 400 before any page or route reads them.
 */
export function requireWellFormedText(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    checkPercentEncoded(c.req.url);
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      type.startsWith('application/x-www-form-urlencoded')
    ) {
      checkPercentEncoded(decodeUtf8Strict(await c.req.raw.clone().arrayBuffer()));
    }
    return next();
  };
}
