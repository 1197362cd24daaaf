// The van page as an installable web app (issue 15): its manifest, and its service worker, scoped to the van
// page (/admin/circulation/van…) so no other back-office page is touched. The page itself puts its own address
// and the scripts and styles it uses into the worker's cache after one visit online (van.js), so it opens again
// with no network, carrying the route's pack; the worker answers from that cache when the network fails.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { problemResponse } from '../../http/problem.server.ts';
import { serviceWorkerResponse, serviceWorkerScript } from '../../http/service-worker.server.ts';
import { unauthenticated } from '../../lib/errors.ts';

/** The cache both the page and the worker use; bump it when the worker's rules change. */
export const VAN_CACHE = 'suotdoi-van-v2';
export const VAN_SCOPE = '/admin/circulation/van';

// Built assets: the copy the page stored first. The page: the network first (a fresh pack when there is one), the
// kept page when there is none, under any query string.
const WORKER = serviceWorkerScript({
  cache: VAN_CACHE,
  scope: { path: VAN_SCOPE },
  pageRequests: 'all',
  storeAssets: false,
  offlineMatch: { ignoreSearch: true },
});

const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#0b5c46"/><path d="M112 136h120c24 0 24 16 24 24v232c0-16-12-24-32-24H112zM400 136H280c-24 0-24 16-24 24v232c0-16 12-24 32-24h112z" fill="#fff"/></svg>',
)}`;

/** The web app manifest of the van page (names in Vietnamese, the platform's first language). */
export const VAN_MANIFEST = {
  name: 'Suốt Đời — Xe thư viện',
  short_name: 'Xe thư viện',
  lang: 'vi',
  start_url: VAN_SCOPE,
  scope: VAN_SCOPE,
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b5c46',
  icons: [{ src: ICON, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
};

export function mountCirculationHttp(app: Hono<HonoEnv>, deps: AppDeps) {
  app.get('/admin/circulation/van-sw.js', async (c) => {
    // Only staff use the van page; anonymous visitors get the API's 401 like every non-public route.
    const actor = await deps.actors.resolve(c.req.raw.headers);
    if (actor.kind !== 'user') return problemResponse(c, unauthenticated());
    return serviceWorkerResponse(c, WORKER);
  });
  app.get('/admin/circulation/van.webmanifest', async (c) => {
    // Fetched with the staff member's cookies (the page's link says use-credentials), like the worker.
    const actor = await deps.actors.resolve(c.req.raw.headers);
    if (actor.kind !== 'user') return problemResponse(c, unauthenticated());
    c.header('Content-Type', 'application/manifest+json; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(JSON.stringify(VAN_MANIFEST));
  });
}
