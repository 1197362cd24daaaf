// A mobile-library route's public page, kept for reading with no network once visited (issue 15): a villager
// checks the van's next stops on a phone that has signal at home but none at the stop. The worker is served here
// for anyone (the page is public) from the route pages' own folder (/places/mobile-routes/ and its /en/ twin), so
// its scope can be no wider than that folder, and registered by a few hundred bytes of inline script on that page
// only (ROUTE_OFFLINE_SCRIPT): every other page of the site stays uncontrolled and script-free. Why a script at all: the page works without
// it; no HTML-only way to keep a page for offline reloads exists any more (AppCache was removed from browsers,
// a `Link: rel=serviceworker` header never shipped), so this is the one enhancement on a content page — see
// docs/circulation.md, "Public route page offline".
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { serviceWorkerResponse, serviceWorkerScript } from '../../http/service-worker.server.ts';

/** The cache both the registration and the worker use; bump it when the worker's rules change. */
export const ROUTE_PAGES_CACHE = 'suotdoi-route-pages-v1';
/** The worker's file name, in the route pages' folder (a route id never looks like it: `route_…`). */
export const ROUTE_PAGES_WORKER = 'offline-sw.js';

// Network first for the route pages (fresh stops when there is signal), the kept copy when there is none; the
// stylesheets and fonts those pages load are kept as they are fetched (built assets never change under a name).
const WORKER = serviceWorkerScript({
  cache: ROUTE_PAGES_CACHE,
  scope: 'registration',
  pageRequests: 'navigations',
  storeAssets: true,
  offlineMatch: { ignoreVary: true },
});

/**
 * The inline registration on the route page (run once per visit; nothing else on the page is scripted). On the
 * first visit the page is not yet under the worker, so it stores itself and its stylesheets; later visits are
 * stored by the worker as they load. `data-offline-ready` on <html> says it is done.
 */
export const ROUTE_OFFLINE_SCRIPT = `(()=>{const n=navigator.serviceWorker;if(!n||!window.caches)return;n.register(location.pathname.replace(/[^/]*$/,'')+'${ROUTE_PAGES_WORKER}').then(()=>n.controller?null:caches.open('${ROUTE_PAGES_CACHE}').then(c=>c.addAll([location.href,...[...document.querySelectorAll('link[rel=stylesheet]')].map(l=>l.href)]))).then(()=>{document.documentElement.dataset.offlineReady='true'}).catch(()=>{})})()`;

export function mountRoutePagesOffline(app: Hono<HonoEnv>, _deps: AppDeps) {
  for (const prefix of ['', '/en'])
    app.get(`${prefix}/places/mobile-routes/${ROUTE_PAGES_WORKER}`, (c) => serviceWorkerResponse(c, WORKER));
}
