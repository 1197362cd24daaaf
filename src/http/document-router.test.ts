// Route objects built once per build render exactly what React Router's own ServerRouter renders, and the
// light per-request router says what React Router's static router says. Fails when a react-router upgrade
// moves the internal `createServerRoutes` (then pages render the old, slower way) or changes the static
// router's shape (then requestRouter must follow it).
import { Writable } from 'node:stream';
import { createElement, type ReactNode } from 'react';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import {
  createRequestHandler,
  createStaticRouter,
  type EntryContext,
  isRouteErrorResponse,
  Link,
  Outlet,
  type ServerBuild,
  ServerRouter,
  useHref,
  useLoaderData,
  useLocation,
  useMatches,
  useParams,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeRoute, fakeServerBuild } from '../test/fake-build.ts';
import {
  cachedServerRouter,
  documentRouterCached,
  loadCreateServerRoutes,
} from './document-router.server.ts';

function streamToString(element: ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const sink = new Writable({
          write(chunk: Buffer, _e, done) {
            chunks.push(chunk);
            done();
          },
          final(done) {
            resolve(Buffer.concat(chunks).toString('utf8'));
            done();
          },
        });
        pipe(sink);
      },
      onShellError: reject,
    });
  });
}

interface Rendered {
  status: number;
  reactRouter: string;
  cached: string;
  keys: { reactRouter: string[]; cached: string[] };
  state: { reactRouter: Record<string, unknown>; cached: Record<string, unknown> };
  sameRoutes: boolean;
}
const seen: EntryContext[] = [];

/** The entry module of the small build: renders the page both ways and answers both. */
async function renderBothWays(
  request: Request,
  status: number,
  _h: Headers,
  context: EntryContext,
): Promise<Response> {
  seen.push(context);
  const snapshot = {
    ...context.staticHandlerContext,
    loaderData: { ...context.staticHandlerContext.loaderData },
  };
  const reactRouter = await streamToString(
    createElement(ServerRouter, {
      context: { ...context, staticHandlerContext: { ...snapshot } },
      url: request.url,
    }),
  );
  const element = cachedServerRouter({ ...context, staticHandlerContext: { ...snapshot } }, undefined);
  if (!element) throw new Error('no cached router');
  const cached = `<!DOCTYPE html>${renderToString(element)}`;
  // The router the cached element renders with, next to the one React Router would make for this request.
  const provider = findProvider(element);
  const theirs = createStaticRouter(provider.router.routes, snapshot, { future: context.future });
  const keysOf = (o: object) => {
    const keys: string[] = [];
    for (const k in o) keys.push(k);
    return keys.sort();
  };
  const stateOf = (r: typeof theirs) => {
    const { matches, ...rest } = r.state;
    return {
      ...rest,
      matches: matches.map((m) => ({ id: m.route.id, pathname: m.pathname, params: m.params })),
    };
  };
  const body: Rendered = {
    status,
    reactRouter: reactRouter.startsWith('<!DOCTYPE') ? reactRouter : `<!DOCTYPE html>${reactRouter}`,
    cached,
    keys: { reactRouter: keysOf(theirs), cached: keysOf(provider.router) },
    state: { reactRouter: stateOf(theirs), cached: stateOf(provider.router) },
    sameRoutes:
      findProvider(cachedServerRouter(context, undefined)!).router.routes === provider.router.routes,
  };
  return Response.json(body);
}

type Provider = { router: ReturnType<typeof createStaticRouter> };
function findProvider(node: unknown): Provider {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop() as { props?: { router?: unknown; children?: unknown } } | null;
    if (!n || typeof n !== 'object') continue;
    if (n.props?.router) return n.props as Provider;
    const children = n.props?.children;
    if (Array.isArray(children)) stack.push(...children);
    else if (children) stack.push(children);
  }
  throw new Error('no StaticRouterProvider');
}

function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData('root') as { lang: string } | undefined;
  return createElement(
    'html',
    { lang: data?.lang ?? 'vi' },
    createElement('head', null, createElement('title', null, 'Suốt Đời')),
    createElement('body', null, children),
  );
}
function Root() {
  const location = useLocation();
  return createElement(
    'div',
    { 'data-path': location.pathname, 'data-search': location.search },
    createElement('nav', null, createElement(Link, { to: '/events?month=2031-01' }, 'Sự kiện')),
    createElement(Outlet),
  );
}
function RootError() {
  const error = useRouteError();
  return createElement('h1', null, isRouteErrorResponse(error) ? `${error.status}` : 'lỗi');
}
function Page() {
  const data = useLoaderData() as { title: string };
  const params = useParams();
  const matches = useMatches();
  const href = useHref('../other');
  return createElement(
    'main',
    null,
    createElement('h1', null, data.title),
    createElement('p', null, JSON.stringify(params)),
    createElement('p', null, matches.map((m) => m.id).join(',')),
    createElement('a', { href }, 'khác'),
  );
}

function smallBuild(): ServerBuild {
  const modules = {
    root: fakeRoute('root', undefined, '', {
      default: Root,
      Layout,
      ErrorBoundary: RootError,
      loader: () => ({ lang: 'vi' }),
    }),
    events: fakeRoute('events', 'root', 'events', {
      default: Page,
      loader: () => ({ title: 'Lịch sự kiện' }),
    }),
    place: fakeRoute('place', 'root', 'places/:placeId', {
      default: Page,
      loader: () => ({ title: 'Địa điểm' }),
    }),
    gone: fakeRoute('gone', 'root', 'gone', {
      default: Page,
      loader: () => {
        throw new Response('gone', { status: 410 });
      },
    }),
  };
  return fakeServerBuild(modules, { default: renderBothWays, handleError: () => undefined });
}

const handle = createRequestHandler(smallBuild(), 'production');

async function render(path: string): Promise<Rendered> {
  const res = await handle(new Request(`http://localhost${path}`));
  return (await res.json()) as Rendered;
}

describe('route objects built once per build', () => {
  it('finds React Router’s internal route builder in the copy the app renders with', async () => {
    expect(documentRouterCached).toBe(true);
    expect(typeof (await loadCreateServerRoutes())).toBe('function');
  });

  it.each(['/events?month=2031-01', '/places/plc_1', '/places/ch%E1%BB%A3?x=1#top', '/nowhere', '/gone'])(
    '%s renders the same HTML as React Router’s ServerRouter',
    async (path) => {
      const r = await render(path);
      expect(r.cached).toBe(r.reactRouter);
      expect(r.cached).toContain('<html lang="vi">');
    },
  );

  it('gives each request the state React Router’s static router would, with the same fields', async () => {
    for (const path of ['/events?month=2031-01', '/places/plc_2', '/nowhere', '/gone']) {
      const r = await render(path);
      expect(r.keys.cached).toEqual(r.keys.reactRouter);
      expect(r.state.cached).toEqual(r.state.reactRouter);
    }
  });

  it('builds the route objects once and reuses them for every request of the build', async () => {
    const a = await render('/events');
    const b = await render('/places/plc_3');
    expect(a.sameRoutes).toBe(true);
    expect(b.sameRoutes).toBe(true);
    const [first, second] = seen.slice(-2);
    if (!first || !second) throw new Error('no requests seen');
    const routesOf = (c: EntryContext) => findProvider(cachedServerRouter(c, undefined)).router.routes;
    expect(routesOf(first)).toBe(routesOf(second));
  });
});
