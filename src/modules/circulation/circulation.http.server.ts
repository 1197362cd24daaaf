// The van page's service worker, served under /admin/circulation/ so its scope covers the van page: the page
// and its script are kept for reloading without network; everything else goes to the network.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { problemResponse } from '../../http/problem.server.ts';
import { unauthenticated } from '../../lib/errors.ts';

const WORKER = `const CACHE = 'suotdoi-van-v1';
self.addEventListener('install', (e) => { self.skipWaiting(); });
self.addEventListener('activate', (e) => { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  const mine = url.pathname.startsWith('/admin/circulation/van') || url.pathname.startsWith('/assets/');
  if (!mine) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); }
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: false }).then((hit) => hit || Response.error())),
  );
});
`;

export function mountCirculationHttp(app: Hono<HonoEnv>, deps: AppDeps) {
  app.get('/admin/circulation/van-sw.js', async (c) => {
    // Only staff use the van page; anonymous visitors get the API's 401 like every non-public route.
    const actor = await deps.actors.resolve(c.req.raw.headers);
    if (actor.kind !== 'user') return problemResponse(c, unauthenticated());
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(WORKER);
  });
}
