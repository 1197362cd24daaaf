// The limit on request bodies (1 MiB; large uploads have their own, src/lib/multipart.ts), checked without
// building a web Request.
//
// Hono's `bodyLimit` first asks `c.req.raw.body`: on @hono/node-server that turns the lightweight request into a
// full undici Request whose body is a web stream over the socket (`newRequestFromIncoming`, 5–6 % of a POST
// burst's CPU), and every later read goes through that stream. Without that question, `c.req.json()` and
// friends read the body straight from Node's IncomingMessage. With a Content-Length and no Transfer-Encoding,
// Node's parser delivers exactly that many bytes, so the header decides, as in Hono's own middleware; any
// other body (chunked) is counted as it streams by Hono's middleware, as before (ADR 0013).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HonoEnv } from './env.ts';
import { isLargeUploadPath } from './upload-paths.ts';

export function requestBodyLimit(opts: {
  maxSize: number;
  onError: (c: Context<HonoEnv>) => Response | Promise<Response>;
}): MiddlewareHandler<HonoEnv> {
  const streamed = bodyLimit(opts);
  return (c, next) => {
    const m = c.req.method;
    // A GET or HEAD has no body (the server gives it none); large uploads stream to disk under their own limit.
    if (m === 'GET' || m === 'HEAD' || isLargeUploadPath(c.req.path)) return next();
    const headers = c.req.raw.headers;
    const length = headers.get('content-length');
    if (length !== null && !headers.has('transfer-encoding')) {
      const size = Number(length);
      // A malformed length never reaches here from Node's parser; refuse it rather than guess.
      if (!Number.isSafeInteger(size) || size < 0 || size > opts.maxSize)
        return Promise.resolve(opts.onError(c));
      return next();
    }
    return streamed(c, next);
  };
}
