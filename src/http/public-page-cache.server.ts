// A few seconds of memory for public pages seen by visitors without any cookie (ADR 0013).
//
// The home page, search, records, events and places are the same for every anonymous visitor for a while, yet
// each request re-ran the route loaders' queries and React's render. This cache keeps the rendered HTML of such
// a page for PAGE_CACHE_TTL_MS (5 s in production) per worker, and answers the next anonymous GET of the same
// path and query from it. It is deliberately narrow:
// - only GET requests with no Cookie and no Authorization header (a signed-in or selected-learner visitor, or
//   any visitor holding any cookie, always gets a fresh render);
// - only 200 text/html answers that set no cookie, are not marked private/no-store, and carry no one-time form
//   token (`ftk_…`, src/web/ui/FormToken.tsx): a page with a creating form, or a hydrating page whose loader
//   data holds the token, is never kept, so two visitors never share a token;
// - the language is part of the path (`/en/…`), so it is part of the key; nothing else in a page depends on
//   request headers;
// - the CSP nonce of the stored render is replaced by this request's nonce, which securityHeaders() sends;
// - any write through this worker (a request other than GET/HEAD/OPTIONS) empties it, before and after the
//   write (the app's one write hook, `forgetOnWrite`), and a render that raced it is not kept; writes
//   elsewhere (other workers, background jobs) show within the TTL. It listens to no channel.
import type { MiddlewareHandler } from 'hono';
import { createNotifiedCache, type Forgettable } from '../lib/notified-cache.server.ts';
import type { HonoEnv } from './env.ts';

/** Pages kept per worker; the oldest goes first. */
export const PAGE_CACHE_MAX_ENTRIES = 500;
/** A page larger than this is not kept (the home page is ~5 KB). */
export const PAGE_CACHE_MAX_BYTES = 512 * 1024;
/** Any rendered one-time form token starts with this (src/web/ui/FormToken.tsx). */
const FORM_TOKEN_PREFIX = 'ftk_';

interface Entry {
  expires: number;
  status: number;
  headers: [string, string][];
  body: string;
  nonce: string | undefined;
}

export interface PublicPageCache extends Forgettable {
  /** Wraps the page handler: answers from memory when it may, keeps what it may. */
  middleware: MiddlewareHandler<HonoEnv>;
  size(): number;
}

function anonymousGet(headers: Headers, method: string): boolean {
  return method === 'GET' && !headers.has('cookie') && !headers.has('authorization');
}

function keepable(res: Response): boolean {
  if (res.status !== 200) return false;
  const h = res.headers;
  if (!(h.get('content-type') ?? '').startsWith('text/html')) return false;
  if (h.has('set-cookie')) return false;
  const cc = (h.get('cache-control') ?? '').toLowerCase();
  return !cc.includes('no-store') && !cc.includes('private');
}

export function createPublicPageCache(ttlMs: number, now: () => number = Date.now): PublicPageCache {
  const entries = createNotifiedCache<Entry>({ maxEntries: PAGE_CACHE_MAX_ENTRIES, overflow: 'oldest' });
  const enabled = ttlMs > 0;

  const middleware: MiddlewareHandler<HonoEnv> = async (c, next) => {
    if (!enabled || !anonymousGet(c.req.raw.headers, c.req.method)) return next();
    // Path and query of the absolute request URL (a request URL has no fragment), without parsing it again.
    const url = c.req.url;
    const at = url.indexOf('/', url.indexOf('//') + 2);
    const key = at === -1 ? '/' : url.slice(at);
    const nonce = c.get('nonce');
    const hit = entries.get(key);
    if (hit && hit.expires > now()) {
      const body =
        hit.nonce && nonce && hit.nonce !== nonce ? hit.body.replaceAll(hit.nonce, nonce) : hit.body;
      return new Response(body, { status: hit.status, headers: hit.headers });
    }
    if (hit) entries.delete(key);
    const generation = entries.generation();
    await next();
    const res = c.res;
    if (!keepable(res)) return;
    const body = await res.text();
    const headers = [...res.headers.entries()];
    // Dropped first, or Hono would rebuild the new answer from the old one's (already read) body stream.
    c.res = undefined;
    c.res = new Response(body, { status: res.status, headers });
    if (body.length > PAGE_CACHE_MAX_BYTES || body.includes(FORM_TOKEN_PREFIX)) return;
    entries.set(key, { expires: now() + ttlMs, status: res.status, headers, body, nonce }, generation);
  };

  return { middleware, forgetAll: entries.forgetAll, size: entries.size };
}
