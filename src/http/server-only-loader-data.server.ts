// Loader data of pages that do not hydrate stays on the server (ADR 0013, "Signed-in pages, second pass").
//
// React Router encodes every document's loader data for the browser (turbo-stream, `encodeViaTurboStream`)
// eagerly, before the page renders, whether or not the page renders `<Scripts>`. Pages here hydrate only when
// a matched route says `handle.hydrate` (src/web/root.tsx, `usePageHydrates`); on the others the encoding is
// thrown away unread — 7 % of the signed-in task list's CPU. The server build handed to `createRequestHandler`
// is therefore wrapped once:
//
// - every route that says `handle.hydrate` gets a first middleware that marks the request as hydrating
//   (middleware of all matched routes runs before any loader);
// - every page route's loader (a route with a component; resource routes answer their data as is) returns its
//   plain-object or array result in a `ServerOnlyData` box when the request is a document request (set by
//   the Hono handler: not a `.data` client-navigation fetch) that does not hydrate. The encoder sees an object
//   it writes as an empty set; it never walks the data;
// - `unboxLoaderData` (src/web/entry.server.tsx) opens the boxes before React renders, so components, `meta`
//   and `useRouteLoaderData` see exactly what the loaders returned.
//
// Redirects, `data()` results, thrown responses, errors and actions are untouched, as is every request that
// hydrates or fetches `.data`.
import { createContext, type RouterContextProvider, type ServerBuild } from 'react-router';

/** True for a document request whose matched routes may not hydrate (set by the Hono handler). */
export const documentRequest = createContext<boolean>(false);
/** Set by the middleware added to routes that hydrate. */
const hydrating = createContext<boolean>(false);

/** The key of a boxed result. Private: src/web/entry.server.tsx imports this very file (one copy, ADR 0009). */
const BOX = Symbol('serverOnlyLoaderData');

/**
 * A loader's result kept from the browser handoff. To the encoder it is an empty `Set` (written as `["S"]`,
 * nothing walked); a plain class instance would cost an `Error` with a stack trace inside the encoder (~70 µs
 * each), more than encoding small data.
 */
class ServerOnlyData extends Set<never> {
  readonly [BOX]: unknown;
  constructor(data: unknown) {
    super();
    this[BOX] = data;
  }
}

function isPlain(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type Args = { context: RouterContextProvider };
type Handler = (args: Args) => unknown;
type Middleware = (args: Args, next: () => Promise<unknown>) => unknown;
interface RouteModuleLike {
  default?: unknown;
  handle?: { hydrate?: unknown } | undefined;
  loader?: Handler;
  middleware?: Middleware[];
  [key: string]: unknown;
}

const markHydrating: Middleware = ({ context }, next) => {
  context.set(hydrating, true);
  return next();
};

function keepOnServer(loader: Handler): Handler {
  return async (args) => {
    const result = await loader(args);
    if (!args.context.get(documentRequest) || args.context.get(hydrating) || !isPlain(result)) return result;
    return new ServerOnlyData(result);
  };
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/** The build with the loaders and middleware above; the same object for the same build. */
export function serverOnlyLoaderData(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build);
  if (known) return known;
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const module = route.module as unknown as RouteModuleLike;
    const hydrates = module.handle?.hydrate === true;
    const page = module.default != null;
    if (!hydrates && !(page && module.loader)) {
      routes[id] = route;
      continue;
    }
    const next: RouteModuleLike = { ...module };
    if (hydrates) next.middleware = [markHydrating, ...(module.middleware ?? [])];
    if (page && module.loader) next.loader = keepOnServer(module.loader);
    routes[id] = { ...route, module: next as unknown as typeof route.module };
  }
  const result: ServerBuild = { ...build, routes };
  wrapped.set(build, result);
  return result;
}

/** Opens the boxes of a document's loader data (in place of the object React Router renders from). */
export function unboxLoaderData(loaderData: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [id, value] of Object.entries(loaderData)) {
    if (value instanceof ServerOnlyData) {
      out ??= { ...loaderData };
      out[id] = value[BOX];
    }
  }
  return out ?? loaderData;
}
