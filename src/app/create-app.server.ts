// Composition of the HTTP app: middleware, /api/v1, health, metrics, static assets, then React Router SSR.
import { randomUUID } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createRequestHandler, RouterContextProvider, type ServerBuild } from 'react-router';
import { migrationsCurrent } from '../db/migrate.server.ts';
import { createApi } from '../http/api.server.ts';
import { requestBodyLimit } from '../http/body-limit.server.ts';
import { withClientAddress } from '../http/client-address.server.ts';
import { compression } from '../http/compression.server.ts';
import type { HonoEnv } from '../http/env.ts';
import { createMetrics } from '../http/metrics.server.ts';
import { refuseNonFormBody } from '../http/page-body.server.ts';
import { handleError, problemResponse } from '../http/problem.server.ts';
import { createPublicPageCache } from '../http/public-page-cache.server.ts';
import { toPublicRequest } from '../http/public-request.ts';
import '../http/route-match-memo.server.ts';
import { csrfGuard, securityHeaders } from '../http/security.server.ts';
import { documentRequest, serverOnlyLoaderData } from '../http/server-only-loader-data.server.ts';
import { createSignedInPageCache, declarePageCache } from '../http/signed-in-page-cache.server.ts';
import { registerSitemaps } from '../http/sitemaps.server.ts';
import { requireWellFormedText } from '../http/utf8.ts';
import { AppError } from '../lib/errors.ts';
import { cachesForgottenOnWrite, forgetOnWrite } from '../lib/notified-cache.server.ts';
import { requestScope } from '../lib/request-context.server.ts';
import { requestContext } from '../web/context.ts';
import type { AppDeps } from './deps.types.ts';
import { httpMounts } from './registries.server.ts';

export interface AppOptions {
  /** The React Router server build (build/server/index.js). Without it only the API is served. */
  build?: ServerBuild | undefined;
  /** Directory of built client assets (build/client). */
  clientDir?: string | undefined;
  /** True while the process drains for shutdown: /readyz answers 503 so balancers stop sending traffic. */
  isDraining?: () => boolean;
}

const MAX_BODY = 1024 * 1024;

export function createApp(deps: AppDeps, opts: AppOptions = {}) {
  const app = new Hono<HonoEnv>();
  const metrics = createMetrics();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('locale', c.req.path === '/en' || c.req.path.startsWith('/en/') ? 'en' : 'vi');
    c.set('actor', { kind: 'anonymous' });
    const started = performance.now();
    await requestScope.run({ requestId }, next);
    c.res.headers.set('X-Request-Id', requestId);
    if (!c.req.path.startsWith('/assets/')) {
      deps.logger.info(
        {
          requestId,
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });
  // Outside every other layer, so each answer is compressed as finally built (src/http/compression.server.ts).
  app.use('*', compression());
  app.use('*', metrics.middleware);
  app.use('*', securityHeaders({ https: deps.config.secureCookies }));
  // Large uploads (MARC files) stream to disk under their own limit (src/lib/multipart.ts, 200 MiB); GET and
  // HEAD have no body. Checked without building a web Request (src/http/body-limit.server.ts, ADR 0013).
  app.use(
    '*',
    requestBodyLimit({
      maxSize: MAX_BODY,
      onError: (c) => problemResponse(c, new AppError('request.too_large', 413, 'error.tooLarge')),
    }),
  );
  app.use('*', csrfGuard(deps.config.publicUrl));
  app.use('*', requireWellFormedText());
  // Anonymous public pages for a few seconds (ADR 0013); any write through this worker empties it.
  const pageCache = createPublicPageCache(deps.config.pageCacheTtlMs);
  // Opted-in signed-in pages (route `handle.pageCache`), forgotten on notifications and on writes (ADR 0013).
  const signedInCache = createSignedInPageCache(deps);
  // The one write hook: these caches, and those modules add (the plan task answers), are emptied around writes.
  const forgottenOnWrite = cachesForgottenOnWrite(deps);
  forgottenOnWrite.add(pageCache).add(signedInCache);
  app.use('*', forgetOnWrite(forgottenOnWrite));
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/assets/') || c.req.path === '/healthz' || c.req.path === '/readyz')
      return next();
    c.set('actor', await deps.actors.resolve(c.req.raw.headers));
    return next();
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (opts.isDraining?.()) return c.json({ status: 'shutting-down' }, 503, { 'retry-after': '5' });
    try {
      await deps.dbh.query('SELECT 1');
      if (!(await migrationsCurrent(deps.dbh))) return c.json({ status: 'migrations-pending' }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database-unreachable' }, 503, { 'retry-after': '5' });
    }
  });
  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken;
    const bearer = c.req.header('authorization');
    const actor = c.get('actor');
    const staff = actor.kind === 'user' && actor.grants.some((g) => g.role === 'administrator');
    if (!(token && bearer === `Bearer ${token}`) && !staff) {
      return problemResponse(c, new AppError('auth.required', 401, 'error.unauthenticated'));
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });

  registerSitemaps(app, deps);
  // Each module's own HTTP routes (auth endpoints, media, OAI-PMH, IIIF, feeds), in module-list order.
  for (const mount of httpMounts) mount(app, deps);
  app.route('/api/v1', createApi(deps));
  app.all('/api/*', (c) => problemResponse(c, new AppError('route.not_found', 404, 'error.notFound')));

  if (opts.clientDir) {
    const root = opts.clientDir;
    app.use(
      '/assets/*',
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root }),
    );
    app.get('/favicon.ico', serveStatic({ root }));
  }

  if (opts.build) {
    const handle = createRequestHandler(
      declarePageCache(serverOnlyLoaderData(opts.build)),
      deps.config.nodeEnv === 'development' ? 'development' : 'production',
    );
    const publicOrigin = new URL(deps.config.publicUrl).origin;
    app.all('*', pageCache.middleware, signedInCache.middleware, (c) => {
      const refused = refuseNonFormBody(c);
      if (refused) return refused;
      const ctx = new RouterContextProvider();
      ctx.set(requestContext, {
        deps,
        actor: c.get('actor'),
        locale: c.get('locale'),
        nonce: c.get('nonce'),
        requestId: c.get('requestId'),
      });
      // A page (not a client navigation's `.data` fetch): loader data of a page that does not hydrate need not
      // be encoded for the browser (src/http/server-only-loader-data.server.ts).
      ctx.set(documentRequest, !c.req.path.endsWith('.data'));
      // React Router compares the request URL with the browser's Origin: it must be the public address.
      // Loaders and actions read the client address from the request (src/http/client-address.server.ts).
      return handle(toPublicRequest(withClientAddress(c), publicOrigin), ctx);
    });
  }

  app.onError(handleError);
  app.notFound((c) => problemResponse(c, new AppError('route.not_found', 404, 'error.notFound')));
  return app;
}
export type App = ReturnType<typeof createApp>;
