// Security headers for every answer, and a per-request CSP nonce handed to React Router's <Scripts>.
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.ts';
import type { HonoEnv } from './env.ts';
import { problemResponse } from './problem.server.ts';

// Nonces are cut from a pool of CSPRNG bytes (one `randomBytes` call per 256 requests instead of one each;
// the call was 2 % of a short request's CPU). Each byte is used once.
const NONCE_BYTES = 16;
const POOL_BYTES = NONCE_BYTES * 256;
let pool = Buffer.alloc(0);
let used = 0;
export function newNonce(): string {
  if (used + NONCE_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const nonce = pool.toString('base64', used, used + NONCE_BYTES);
  used += NONCE_BYTES;
  return nonce;
}

// The policy's fixed parts, joined once (the nonce and the image sources vary).
const CSP_HEAD = "default-src 'self'; script-src 'self' ";
const CSP_TAIL = [
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(opts: { https: boolean }): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const nonce = newNonce();
    c.set('nonce', nonce);
    await next();
    const h = c.res.headers;
    // The places page names the map tile server an administrator configured: that one https origin may
    // serve images (src/web/places/pages/list.tsx). Any other value is ignored; the header never leaves.
    const tileOrigin = h.get('X-Csp-Img-Origin');
    h.delete('X-Csp-Img-Origin');
    const imgSrc =
      tileOrigin && /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(tileOrigin)
        ? `img-src 'self' data: ${tileOrigin}`
        : "img-src 'self' data:";
    // A stored file is served with its own, stricter policy (sandbox; nothing loads): keep it.
    if (!h.get('Content-Security-Policy')?.startsWith('sandbox'))
      h.set(
        'Content-Security-Policy',
        `${CSP_HEAD}'nonce-${nonce}'; style-src 'self'; ${imgSrc}; ${CSP_TAIL}`,
      );
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
    if (opts.https) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

/**
 * CSRF: a state-changing request that carries cookies must come from our own origin. Browsers send
 * `Origin` (and `Sec-Fetch-Site`) on every cross-site POST, form or fetch, with or without JavaScript;
 * JSON bodies cannot be sent cross-site without a CORS preflight, which we never grant.
 */
export function csrfGuard(publicUrl: string): MiddlewareHandler<HonoEnv> {
  const allowed = new URL(publicUrl).origin;
  return async (c, next) => {
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const hasCookie = Boolean(c.req.header('cookie'));
    const ct = (c.req.header('content-type') ?? '').toLowerCase();
    const formLike = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/.test(ct);
    if (site && site !== 'same-origin' && site !== 'none') return deny(c);
    // Only the public origin: behind a proxy the request's own URL is an internal address (http://…), and
    // React Router checks pages against the public one too (src/http/public-request.ts).
    if (origin && origin !== allowed) return deny(c);
    // A form post with cookies and no Origin at all is refused: every current browser sends one.
    if (!origin && formLike && hasCookie) return deny(c);
    return next();
  };
}

function deny(c: Context<HonoEnv>) {
  return problemResponse(c, new AppError('request.csrf', 403, 'error.csrf'));
}
