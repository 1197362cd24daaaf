// Response compression for what the app serves itself: HTML pages, CSS, JS, JSON (API, problem+json), SVG, XML
// (feeds, sitemaps, OAI-PMH) and plain text. Brotli when the client accepts it, else gzip. Dynamic answers are
// compressed as they stream (fast settings: pages are rendered per request); hashed assets under /assets/ are
// immutable, so each is compressed once at the best setting and kept in memory.
// Every compressible answer says `Vary: Accept-Encoding`, compressed or not, so shared caches keep them apart.
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip as gzipCallback } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { HonoEnv } from './env.ts';

export type Encoding = 'br' | 'gzip';

/** Smaller answers are sent as they are: compression would save less than its own overhead. */
export const MIN_COMPRESS_BYTES = 1024;
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

function streamCompressor(encoding: Encoding) {
  return encoding === 'br'
    ? createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : createGzip({ level: 6 });
}

const brotliOnce = promisify(brotliCompress);
const gzipOnce = promisify(gzipCallback);

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

export function compression(): MiddlewareHandler<HonoEnv> {
  const assets = assetCache();
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (!isCompressible(headers.get('Content-Type'))) return;
    appendVary(headers, 'Accept-Encoding');
    if (
      !res.body ||
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
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;

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
      const body = Buffer.from(await res.arrayBuffer());
      const packed = await assets(c.req.path, encoding, body);
      out.set('Content-Length', String(packed.length));
      c.res = new Response(new Uint8Array(packed), { status: res.status, headers: out });
      return;
    }
    // Unknown length (JSON, a rendered page, an export): look at the first bytes; a short answer goes as it is.
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
      c.res = new Response(Buffer.concat(head), {
        status: res.status,
        statusText: res.statusText,
        headers: out,
      });
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
    c.res = new Response(Readable.toWeb(compressed) as ReadableStream<Uint8Array>, {
      status: res.status,
      statusText: res.statusText,
      headers: out,
    });
  };
}
