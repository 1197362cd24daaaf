// Renders a page fully before sending it (onAllReady): pages are meant to work without JavaScript, and
// status codes must be final. The CSP nonce reaches React's inline bootstrap through ServerRouter. Pages
// translate with the full catalogues handed in here (server-only; a hydrating page's browser gets its few
// messages from the loaders instead, ADR 0002).
import { Writable } from 'node:stream';
import type { ReactNode } from 'react';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import type { EntryContext, RouterContextProvider } from 'react-router';
import { ServerRouter, UNSAFE_ErrorResponseImpl } from 'react-router';
import { documentResponse } from '../http/document-response.server.ts';
import { cachedServerRouter, documentRender } from '../http/document-router.server.ts';
import { unboxLoaderData } from '../http/server-only-loader-data.server.ts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../lib/db-unavailable.ts';
import { isMessageKey, t } from '../lib/i18n.server.ts';
import { requestContext } from './context.ts';
import { type Catalogue, ServerCatalogue } from './i18n.ts';

const catalogue: Catalogue = { t, has: isMessageKey };

/** Requests whose loader or action failed because the database could not be reached (answered 503). */
const databaseUnavailable = new WeakSet<Request>();

export const streamTimeout = 10_000;

/** Loader and action errors are logged through pino with the request id (never to the console). */
export function handleError(
  error: unknown,
  { request, context }: { request: Request; context: RouterContextProvider },
) {
  if (request.signal.aborted) return;
  const { deps, requestId } = context.get(requestContext);
  if (isDatabaseUnavailable(error)) {
    databaseUnavailable.add(request);
    deps.logger.warn({ err: error, requestId, url: request.url }, 'database unavailable');
    return;
  }
  deps.logger.error({ err: error, requestId, url: request.url }, 'page loader or action failed');
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = loadContext.get(requestContext).nonce;
  // Loader data a page that does not hydrate kept from the browser handoff (ADR 0013): opened for rendering.
  const handlerContext = routerContext.staticHandlerContext;
  handlerContext.loaderData = unboxLoaderData(handlerContext.loaderData);
  let status = responseStatusCode;
  const errors = routerContext.staticHandlerContext.errors;
  if (errors && databaseUnavailable.has(request)) {
    // A temporary failure, not a bug: 503 with Retry-After and the error boundary's "try again" message.
    for (const routeId of Object.keys(errors)) {
      errors[routeId] = new UNSAFE_ErrorResponseImpl(503, 'Service Unavailable', null);
    }
    status = 503;
    responseHeaders.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  }
  // A page that does not hydrate renders no scripts and nothing that suspends: one synchronous render to a
  // string over route objects built once per build (ADR 0013, "Shared document path"). A page that hydrates
  // keeps React Router's ServerRouter and the stream (its handoff is written by a component React Router does
  // not export). DOCUMENT_RENDER=react-router renders every page the old way (A/B, or if in doubt). An error
  // thrown while rendering leaves this function as the stream's shell error did: React Router logs it
  // (handleError) and renders the error boundary.
  const matches = handlerContext.matches;
  const hydrates = matches.some(
    (m) => (routerContext.routeModules[m.route.id]?.handle as { hydrate?: unknown } | undefined)?.hydrate,
  );
  const router = hydrates || documentRender.reactRouter ? null : cachedServerRouter(routerContext, nonce);
  if (router) {
    const html = renderToString(<ServerCatalogue value={catalogue}>{router}</ServerCatalogue>);
    responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
    return documentResponse(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status });
  }
  return streamed(
    <ServerCatalogue value={catalogue}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </ServerCatalogue>,
    { status, responseHeaders, nonce, loadContext },
  );
}

/** React's streaming render, waited for in full (onAllReady) and answered as one body. */
function streamed(
  element: ReactNode,
  opts: {
    status: number;
    responseHeaders: Headers;
    nonce: string | undefined;
    loadContext: RouterContextProvider;
  },
) {
  const { responseHeaders, nonce, loadContext } = opts;
  let status = opts.status;
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce,
      onAllReady() {
        // The page is complete: it is collected and answered as one body, so the socket gets one write
        // instead of one per 2 KB chunk through a web stream (ADR 0013; writev was 13 % of a signed-in page).
        const chunks: Buffer[] = [];
        const answerStatus = status;
        const body = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
          final(done) {
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: answerStatus }));
            done();
          },
        });
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        loadContext.get(requestContext).deps.logger.error({ err: error }, 'render error');
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
