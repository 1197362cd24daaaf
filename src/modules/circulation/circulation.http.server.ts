// The van page as an installable web app (issue 15): its manifest, and its service worker, scoped to the van
// page (/admin/circulation/van…) so no other back-office page is touched. The page itself puts its own address
// and the scripts and styles it uses into the worker's cache after one visit online (van.js), so it opens again
// with no network, carrying the route's pack; the worker answers from that cache when the network fails.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { problemResponse } from '../../http/problem.server.ts';
import { unauthenticated } from '../../lib/errors.ts';

/** The cache both the page and the worker use; bump it when the worker's rules change. */
export const VAN_CACHE = 'suotdoi-van-v2';
export const VAN_SCOPE = '/admin/circulation/van';

const WORKER = `const CACHE = '${VAN_CACHE}';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('suotdoi-van-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
const fromCache = (req) =>
  caches.match(req).then((hit) => hit || (req.mode === 'navigate' ? caches.match(req, { ignoreSearch: true }) : undefined));
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // Built assets never change under one name: the cached copy first. The page: the network first (a fresh pack
  // when there is one), the cached page when there is none.
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(fromCache(req).then((hit) => hit || fetch(req)));
    return;
  }
  if (!url.pathname.startsWith('${VAN_SCOPE}')) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok && req.mode === 'navigate') { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); }
        return res;
      })
      .catch(() => fromCache(req).then((hit) => hit || Response.error())),
  );
});
`;

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
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(WORKER);
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
