// Behind a TLS-terminating proxy the app's listener sees `http://internal-host/…`, while browsers post from
// the public `https://` address. Everything that reasons about origins (React Router's action check, links)
// must see the public one: PUBLIC_URL is the single source of the site's origin, never the Host header.

/** The same request (method, headers, streamed body, abort signal) addressed to the public origin. */
export function toPublicRequest(request: Request, publicOrigin: string): Request {
  const url = new URL(request.url);
  if (url.origin === publicOrigin) return request;
  const target = `${publicOrigin}${url.pathname}${url.search}`;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(target, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : null,
    signal: request.signal,
    // No `redirect`: a request that came in over HTTP always has the default ('follow'), and reading it would
    // make @hono/node-server build the full web Request of a GET just to copy that default (ADR 0013).
    ...(hasBody ? { duplex: 'half' as const } : {}),
  });
}
