// React Router's `<ServerRouter>` with its route objects built once per build, not on every page (ADR 0013,
// "Shared document path").
//
// On every document request `ServerRouter` rebuilds the whole route tree twice: `createServerRoutes` (one route
// object with its components per manifest route, ~160 here) and `createStaticRouter` → `convertRoutesToDataRoutes`
// (a data route and three React elements per route). Both depend only on the build (manifest, route modules,
// future flags), so `cachedServerRouter` builds them once per build and gives each request a light router
// object over them: its own location, matches, loader data and errors, exactly what React Router's static
// router returns for that request (the test compares the two field by field and the rendered HTML).
//
// `createServerRoutes` is internal to react-router (not in its exports map), so it is reached by file URL from
// the package's resolved entry, in the same flavour (production/development) as the copy the app renders with
// (checked by the identity of its `FrameworkContext`). If an upgrade moves or changes it, `documentRouter` is
// null, the entry module renders React Router's own `ServerRouter` as before (slower), and
// document-router.test.ts fails to say so. Pages that hydrate keep React Router's `ServerRouter` in any case:
// their handoff stream is rendered by a component that is not exported (`StreamTransfer`).
import { createElement, Fragment, Suspense } from 'react';
import {
  createStaticRouter,
  type EntryContext,
  UNSAFE_FrameworkContext as FrameworkContext,
  UNSAFE_RemixErrorBoundary as RemixErrorBoundary,
  StaticRouterProvider,
  UNSAFE_shouldHydrateRouteLoader as shouldHydrateRouteLoader,
} from 'react-router';

type Manifest = EntryContext['manifest'];
type RouteModules = EntryContext['routeModules'];
type StaticHandlerContext = EntryContext['staticHandlerContext'];
type StaticRouter = ReturnType<typeof createStaticRouter>;
type ServerRoutes = Parameters<typeof createStaticRouter>[0];
type CreateServerRoutes = (
  manifest: Manifest['routes'],
  routeModules: RouteModules,
  future: EntryContext['future'],
  isSpaMode: boolean,
) => ServerRoutes;

/** React Router's internal `createServerRoutes`, from the copy this process renders with; null if not found. */
export async function loadCreateServerRoutes(): Promise<CreateServerRoutes | null> {
  let entry: string;
  try {
    entry = import.meta.resolve('react-router');
  } catch {
    return null;
  }
  const dist = entry.replace(/\/dist\/(production|development)\/.*$/, '/dist/');
  if (dist === entry) return null;
  for (const flavour of ['production', 'development']) {
    try {
      const components = (await import(`${dist}${flavour}/lib/dom/ssr/components.js`)) as {
        FrameworkContext?: unknown;
      };
      if (components.FrameworkContext !== FrameworkContext) continue;
      const routes = (await import(`${dist}${flavour}/lib/dom/ssr/routes.js`)) as {
        createServerRoutes?: unknown;
      };
      if (typeof routes.createServerRoutes === 'function') {
        return routes.createServerRoutes as CreateServerRoutes;
      }
    } catch {
      // this flavour is not installed, or the file moved
    }
  }
  return null;
}

const createServerRoutes = await loadCreateServerRoutes();

interface BuiltRoutes {
  routeModules: RouteModules;
  future: EntryContext['future'];
  isSpaMode: boolean;
  /** React Router's own static router over the build's routes, made once with an empty request context. */
  base: StaticRouter;
  /** The static router's route objects by id (`router.manifest`). */
  byId: StaticRouter['manifest'];
}

const built = new WeakMap<Manifest, BuiltRoutes>();

/** Empty request context for the router made once per build: only its routes and methods are kept. */
const NO_REQUEST = { matches: [], basename: '/' } as unknown as StaticHandlerContext;

function routesFor(context: EntryContext): BuiltRoutes | null {
  if (!createServerRoutes) return null;
  const { manifest, routeModules, future, isSpaMode } = context;
  const known = built.get(manifest);
  // The same build gives the same route module objects; anything else (a reloaded build) starts over.
  if (
    known &&
    known.future === future &&
    known.isSpaMode === isSpaMode &&
    context.staticHandlerContext.matches.every(
      (m) => known.routeModules[m.route.id] === routeModules[m.route.id],
    )
  ) {
    return known;
  }
  const routes = createServerRoutes(manifest.routes, routeModules, future, isSpaMode);
  const base = createStaticRouter(routes, NO_REQUEST, { future });
  const entry: BuiltRoutes = {
    routeModules: { ...routeModules },
    future,
    isSpaMode,
    base,
    byId: base.manifest,
  };
  built.set(manifest, entry);
  return entry;
}

/**
 * The static router React Router's `createStaticRouter(routes, context)` would return for this request, over
 * route objects built once: `routes`, `manifest`, `future` and the (throwing or constant) methods come from the
 * router made once per build; the request's own state is built here as `createStaticRouter` builds it.
 */
export function requestRouter(builtRoutes: BuiltRoutes, context: StaticHandlerContext): StaticRouter {
  const { base, byId } = builtRoutes;
  const mapRouteMatch = <M extends { route: { id: string } }>(match: M) => ({
    ...match,
    route: byId[match.route.id] ?? match.route,
  });
  const matches = context.matches.map(mapRouteMatch);
  const matchRoutes = (context as unknown as { _match: (l: unknown) => typeof context.matches | null })
    ._match;
  const template = base.state;
  return Object.create(base, {
    basename: { get: () => context.basename, enumerable: true },
    state: {
      enumerable: true,
      get: () => ({
        ...template,
        location: context.location,
        matches,
        loaderData: context.loaderData,
        actionData: context.actionData,
        errors: context.errors,
        fetchers: new Map(),
        blockers: new Map(),
      }),
    },
    match: {
      enumerable: true,
      value: (locationArg: unknown) => matchRoutes(locationArg)?.map(mapRouteMatch) ?? null,
    },
    _internalFetchControllers: { enumerable: true, value: new Map() },
  }) as StaticRouter;
}

/**
 * The element React Router's `<ServerRouter context url nonce>` renders, with the route objects built once per
 * build; null when this page must use React Router's own (the internal was not found, or the page renders its
 * scripts and so its handoff stream).
 */
export function cachedServerRouter(context: EntryContext, nonce: string | undefined) {
  const builtRoutes = routesFor(context);
  if (!builtRoutes) return null;
  const { manifest, routeModules, criticalCss, serverHandoffString } = context;
  // As ServerRouter: loader data of routes whose client loader runs on hydration is not rendered.
  const handlerContext = context.staticHandlerContext;
  handlerContext.loaderData = { ...handlerContext.loaderData };
  for (const match of handlerContext.matches) {
    const routeId = match.route.id;
    const route = routeModules[routeId];
    const manifestRoute = manifest.routes[routeId];
    if (
      route &&
      manifestRoute &&
      shouldHydrateRouteLoader(routeId, route.clientLoader, manifestRoute.hasLoader, context.isSpaMode) &&
      (route.HydrateFallback || !manifestRoute.hasLoader)
    ) {
      delete handlerContext.loaderData[routeId];
    }
  }
  const router = requestRouter(builtRoutes, handlerContext);
  return createElement(
    Fragment,
    null,
    createElement(
      FrameworkContext.Provider,
      {
        value: {
          manifest,
          routeModules,
          criticalCss,
          serverHandoffString,
          future: context.future,
          ssr: context.ssr,
          isSpaMode: context.isSpaMode,
          routeDiscovery: context.routeDiscovery,
          nonce,
          serializeError: context.serializeError,
          renderMeta: context.renderMeta,
        },
      },
      createElement(
        RemixErrorBoundary,
        { location: router.state.location },
        createElement(StaticRouterProvider, { router, context: handlerContext, hydrate: false }),
      ),
    ),
    // Where ServerRouter puts the handoff stream's scripts: empty on a page that renders no `<Scripts>`, but
    // React still marks the boundary (`<!--$--><!--/$-->`), so it is kept for byte-identical pages.
    createElement(Suspense, null, null),
  );
}

/** True when React Router's internal route builder was found (route objects are built once per build). */
export const documentRouterCached: boolean = createServerRoutes !== null;

/**
 * `DOCUMENT_RENDER=react-router`: every page through React Router's own `ServerRouter` and React's stream, as
 * before (for an A/B measurement, or if this path is ever in doubt). Read per page, so a test can flip it.
 */
export const documentRender = { reactRouter: process.env.DOCUMENT_RENDER === 'react-router' };
