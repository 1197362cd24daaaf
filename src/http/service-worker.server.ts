// The platform's service workers (the van page, the mobile-library route pages): one script, built here from a
// few options, so install, activation, pruning of older caches and the network-first page rule exist once.
// Each worker: skips waiting and claims its clients at once; on activation deletes the caches of its older
// versions; answers built assets (/assets/…, never changed under one name) from the cache first; answers its
// pages from the network first, keeps each page it fetched, and falls back to the kept copy offline.
import type { Context } from 'hono';

export interface ServiceWorkerOptions {
  /** The cache this version fills, `<name>-v<n>`; activating it deletes every other `<name>-v…` cache. */
  cache: string;
  /** The pages it keeps: those under this path, or under the worker's registration scope. */
  scope: { path: string } | 'registration';
  /** `navigations`: page loads only; `all`: every GET under the scope (the page's data requests too). */
  pageRequests: 'navigations' | 'all';
  /** Keep built assets as they are fetched (otherwise only what the page stored itself is served from the cache). */
  storeAssets: boolean;
  /** Offline, how loosely a page load may match a kept copy (another query string, another `Vary`). */
  offlineMatch: { ignoreSearch?: true; ignoreVary?: true };
}

export function serviceWorkerScript(o: ServiceWorkerOptions): string {
  const version = /^(.+-)v\d+$/.exec(o.cache);
  if (!version) throw new Error(`service worker cache "${o.cache}" is not named <name>-v<n>`);
  const inScope =
    o.scope === 'registration'
      ? 'req.url.startsWith(self.registration.scope)'
      : `url.pathname.startsWith(${JSON.stringify(o.scope.path)})`;
  const skip = o.pageRequests === 'navigations' ? `req.mode !== 'navigate' || !${inScope}` : `!${inScope}`;
  return `const CACHE = ${JSON.stringify(o.cache)};
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(${JSON.stringify(version[1])}) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
const keep = (req, res) => {
  if (res.ok && res.type === 'basic') { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); }
  return res;
};
const fromCache = (req) =>
  caches.match(req).then((hit) => hit || (req.mode === 'navigate' ? caches.match(req, ${JSON.stringify(o.offlineMatch)}) : undefined));
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(fromCache(req).then((hit) => hit || ${o.storeAssets ? 'fetch(req).then((res) => keep(req, res))' : 'fetch(req)'}));
    return;
  }
  if (${skip}) return;
  e.respondWith(
    fetch(req)
      .then((res) => (req.mode === 'navigate' ? keep(req, res) : res))
      .catch(() => fromCache(req).then((hit) => hit || Response.error())),
  );
});
`;
}

/** Serves a worker script: JavaScript, revalidated on every registration check. */
export function serviceWorkerResponse(c: Context, script: string): Response {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(script);
}
