// A React Router server build made in memory, for tests of what wraps or renders a build without Vite: route
// modules given as objects, the entry module's document handler given as a function. The manifest says of each
// route what its module has (a loader, an error boundary); nothing is served from the asset paths.
import type { EntryContext, ServerBuild } from 'react-router';

export interface FakeRoute {
  id: string;
  parentId: string | undefined;
  path: string | undefined;
  module: object;
}

export function fakeRoute(
  id: string,
  parentId: string | undefined,
  path: string | undefined,
  module: object,
) {
  return { id, parentId, path, index: undefined, caseSensitive: undefined, module };
}

export type DocumentHandler = (
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
) => Response | Promise<Response>;

/** A production build of `routes` whose documents `handleDocument` renders (its answer is the page's). */
export function fakeServerBuild(
  routes: Record<string, FakeRoute>,
  entry: { default: DocumentHandler; handleError?: () => void },
): ServerBuild {
  const manifestRoutes = Object.fromEntries(
    Object.values(routes).map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parentId,
        path: r.path,
        module: `/${r.id}.js`,
        hasLoader: 'loader' in r.module,
        hasAction: false,
        hasClientAction: false,
        hasClientLoader: false,
        hasClientMiddleware: false,
        hasErrorBoundary: 'ErrorBoundary' in r.module,
      },
    ]),
  );
  return {
    entry: { module: entry },
    routes,
    assets: {
      entry: { module: '/entry.js', imports: [] },
      routes: manifestRoutes,
      url: '/m.js',
      version: '1',
    },
    basename: '/',
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: 'initial', manifestPath: '/__manifest' },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    allowedActionOrigins: false,
  } as unknown as ServerBuild;
}
