// Response compression for what the app serves itself: HTML pages, CSS, JS, JSON (API, problem+json), SVG, XML
// (feeds, sitemaps, OAI-PMH) and plain text. Brotli when the client accepts it, else gzip. Dynamic answers are
// compressed with fast settings (pages are rendered per request); hashed assets under /assets/ are immutable,
// so each is compressed once at the best setting and kept in memory.
// Every compressible answer says `Vary: Accept-Encoding`, compressed or not, so shared caches keep them apart.
//
// Most answers (JSON, a rendered page, a cached page) are built from a string or a buffer. Those are read as
// they are (`knownBody`), never as a stream: an answer under MIN_COMPRESS_BYTES is left untouched, a larger
// one is compressed in one call, and either way @hono/node-server writes it in one go with its length (ADR
// 0013). Touching `res.body` would turn its lightweight Response into a web stream that the server then reads
// back chunk by chunk (~6–20 % of a short answer's CPU). Only answers that really stream (exports, files) go
// through the streaming compressor.
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createGzip,
  gzip as gzipCallback,
  gzipSync,
} from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { HonoEnv } from './env.ts';

export type Encoding = 'br' | 'gzip';

/** Smaller answers are sent as they are: compression would save less than its own overhead. */
export const MIN_COMPRESS_BYTES = 1024;
/** Known bodies up to this size are compressed on the spot (well under a millisecond); larger ones off-thread. */
export const SYNC_COMPRESS_MAX_BYTES = 128 * 1024;
/** Memory kept for compressed static assets (they are few, and immutable). */
const ASSET_CACHE_MAX_BYTES = 64 * 1024 * 1024;

const COMPRESSIBLE =
  /^(text\/|application\/(json|problem\+json|ld\+json|javascript|xml|rss\+xml|atom\+xml|manifest\+json|geo\+json)|image\/svg\+xml)/i;

export function isCompressible(contentType: string | null): boolean {
  return contentType != null && COMPRESSIBLE.test(contentType);
}

/** The encoding to answer with for an Accept-Encoding header: br, then gzip; q=0 refuses one. */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? (q.has('*') ? (q.get('*') ?? 0) : 0);
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

function appendVary(headers: Headers, value: string) {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', value);
  else if (!vary.split(',').some((v) => v.trim().toLowerCase() === value.toLowerCase()))
    headers.set('Vary', `${vary}, ${value}`);
}

// @hono/node-server replaces the global Response with a lightweight one that keeps `[status, body, headers]`
// under a private symbol (described "cache") until something asks for its stream; the server writes such an
// answer directly. The symbol is found once on a probe; if a release renames it, every body counts as unknown
// and answers take the streaming path as before (compression.int.test.ts says so).
// The server installs its Response when it is created, so the probe is per global Response class.
let probedClass: unknown;
let cacheSymbol: symbol | undefined;
function lightweightCacheSymbol(): symbol | undefined {
  if (probedClass !== globalThis.Response) {
    probedClass = globalThis.Response;
    const probe = new Response('');
    cacheSymbol = Object.getOwnPropertySymbols(probe).find((s) => s.description === 'cache');
  }
  return cacheSymbol;
}

/**
 * The body of an answer built from a string or bytes, read without turning it into a stream: the string or
 * bytes themselves, `null` for no body, `undefined` when it is not known that way (a stream, a file, or a
 * Response of the platform's own class).
 */
export function knownBody(res: Response): string | Uint8Array | null | undefined {
  const sym = lightweightCacheSymbol();
  if (!sym) return undefined;
  const cache = (res as unknown as Record<symbol, unknown>)[sym];
  if (!Array.isArray(cache)) return undefined;
  const body: unknown = cache[1];
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return body;
  return undefined;
}

const brotliOnce = promisify(brotliCompress);
const gzipOnce = promisify(gzipCallback);

const DYNAMIC_BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};
const DYNAMIC_GZIP = { level: 6 };

function streamCompressor(encoding: Encoding) {
  return encoding === 'br' ? createBrotliCompress(DYNAMIC_BROTLI) : createGzip(DYNAMIC_GZIP);
}

/** UTF-8 length of a string, or any smaller number that is still at least MIN_COMPRESS_BYTES. */
function lengthForThreshold(body: string | Uint8Array): number {
  if (typeof body !== 'string') return body.byteLength;
  // Each UTF-16 unit is 1 to 3 bytes of UTF-8: the string's own length often decides without counting.
  if (body.length >= MIN_COMPRESS_BYTES || body.length * 3 < MIN_COMPRESS_BYTES) return body.length;
  return Buffer.byteLength(body, 'utf8');
}

/** One call for a whole known body, with the same settings as the streaming compressor. */
function compressWhole(body: Uint8Array, encoding: Encoding): Buffer | Promise<Buffer> {
  if (body.byteLength <= SYNC_COMPRESS_MAX_BYTES)
    return encoding === 'br' ? brotliCompressSync(body, DYNAMIC_BROTLI) : gzipSync(body, DYNAMIC_GZIP);
  return encoding === 'br' ? brotliOnce(body, DYNAMIC_BROTLI) : gzipOnce(body, DYNAMIC_GZIP);
}

/** Compressed copies of immutable assets, by path and encoding (bounded; an overflow is simply not kept). */
function assetCache() {
  const cache = new Map<string, Promise<Buffer>>();
  let bytes = 0;
  return (key: string, encoding: Encoding, body: Buffer): Promise<Buffer> => {
    const id = `${encoding} ${key}`;
    const hit = cache.get(id);
    if (hit) return hit;
    const made =
      encoding === 'br'
        ? brotliOnce(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipOnce(body, { level: 9 });
    if (bytes + body.length <= ASSET_CACHE_MAX_BYTES) {
      cache.set(id, made);
      bytes += body.length;
      made.catch(() => cache.delete(id));
    }
    return made;
  };
}

/**
 * Puts a new answer in place of the old one. Assigning `c.res` over an existing answer makes Hono rebuild it
 * from the old one's `body` stream (to carry its headers over); the new answer here already holds them (the
 * same Headers object), so the old one is dropped first and the new one keeps its known body.
 */
export function replaceResponse(c: Context<HonoEnv>, res: Response): void {
  c.res = undefined;
  c.res = res;
}

export function compression(): MiddlewareHandler<HonoEnv> {
  const assets = assetCache();
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (!isCompressible(headers.get('Content-Type'))) return;
    appendVary(headers, 'Accept-Encoding');
    // Nothing here reads `res.body` before it is known to be needed (see the file's header).
    if (
      c.req.method === 'HEAD' ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      headers.has('Content-Encoding') ||
      headers.has('Content-Range') ||
      /\bno-transform\b/i.test(headers.get('Cache-Control') ?? '')
    )
      return;
    const length = headers.get('Content-Length');
    if (length !== null && Number(length) < MIN_COMPRESS_BYTES) return;
    const known = knownBody(res);
    if (known === null) return;
    if (known !== undefined && lengthForThreshold(known) < MIN_COMPRESS_BYTES) return;
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const bytes = typeof known === 'string' ? Buffer.from(known, 'utf8') : known;
    if (!bytes && !res.body) return;

    // Hono copies the old answer's headers onto a new one: they are edited in place.
    const out = headers;
    out.set('Content-Encoding', encoding);
    out.delete('Content-Length');
    // A strong validator names exact bytes: the compressed answer gets a weak one.
    const etag = out.get('ETag');
    if (etag && !etag.startsWith('W/')) out.set('ETag', `W/${etag}`);

    const immutableAsset =
      c.req.path.startsWith('/assets/') && /\bimmutable\b/.test(headers.get('Cache-Control') ?? '');
    if (immutableAsset && res.status === 200) {
      const body = bytes ? Buffer.from(bytes) : Buffer.from(await res.arrayBuffer());
      const packed = await assets(c.req.path, encoding, body);
      out.set('Content-Length', String(packed.length));
      replaceResponse(c, new Response(new Uint8Array(packed), { status: res.status, headers: out }));
      return;
    }
    if (bytes) {
      const packed = await compressWhole(bytes, encoding);
      out.set('Content-Length', String(packed.length));
      replaceResponse(
        c,
        new Response(packed as Uint8Array<ArrayBuffer>, { status: res.status, headers: out }),
      );
      return;
    }
    // Unknown length (an export, a proxied stream): look at the first bytes; a short answer goes as it is.
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const head: Uint8Array[] = [];
    let seen = 0;
    let done = false;
    while (seen < MIN_COMPRESS_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) {
        done = true;
        break;
      }
      head.push(chunk.value);
      seen += chunk.value.byteLength;
    }
    if (done) {
      out.delete('Content-Encoding');
      if (etag) out.set('ETag', etag);
      out.set('Content-Length', String(seen));
      replaceResponse(c, new Response(Buffer.concat(head), { status: res.status, headers: out }));
      return;
    }
    async function* rest() {
      let finished = false;
      try {
        yield* head;
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          yield chunk.value;
        }
        finished = true;
      } finally {
        // The client went away: stop producing the rest of the answer.
        if (!finished) await reader.cancel().catch(() => {});
      }
    }
    const compressed = Readable.from(rest()).pipe(streamCompressor(encoding));
    replaceResponse(
      c,
      new Response(Readable.toWeb(compressed) as ReadableStream<Uint8Array>, {
        status: res.status,
        headers: out,
      }),
    );
  };
}
