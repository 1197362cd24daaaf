// The client address of a request (the sign-in and secret-guessing limits, password-reset and guest-export
// limits, the session list), computed at most once per request, and only when something asks for it.
//
// It used to be written onto every request's headers (`x-suotdoi-client-ip`) by a middleware: on
// @hono/node-server any change of a request's headers turns its lightweight headers into a full web `Headers`
// (~6 % of the server's CPU for a JSON POST of the registration burst, ADR 0013), and the socket address was
// looked up for every request. Now:
//  - Hono handlers ask `clientAddress(c)`;
//  - code that only sees a web Request reads the header, which is written where such a Request leaves Hono:
//    `withClientAddress(c)` for React Router's pages and better-auth's endpoints (their loaders, actions and
//    hooks read `request.headers`, and pages hand `request.headers` to better-auth's server API);
//  - an incoming header of that name (a client forging its address) is removed from every request, which costs
//    a lookup in Node's parsed headers when it is absent.
// So an API request (e.g. a sign-up of the burst) neither rebuilds its headers nor looks up its socket.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { CLIENT_IP_HEADER, clientIp } from '../modules/auth/auth.client-ip.server.ts';
import type { HonoEnv } from './env.ts';

const known = new WeakMap<Request, string | null>();

function socketAddress(c: Context<HonoEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** The client's address (a trusted proxy's X-Forwarded-For hop, else the socket's), once per request. */
export function clientAddress(c: Context<HonoEnv>): string | null {
  const raw = c.req.raw;
  const seen = known.get(raw);
  if (seen !== undefined) return seen;
  const ip = clientIp({
    forwardedFor: c.req.header('x-forwarded-for'),
    socketAddress: socketAddress(c),
    trustProxyHops: c.get('deps').config.trustProxyHops,
  });
  known.set(raw, ip);
  return ip;
}

/** Removes a client's own `x-suotdoi-client-ip` from every request: only this app's value may be read. */
export const discardForgedClientAddress: MiddlewareHandler<HonoEnv> = (c, next) => {
  const headers = c.req.raw.headers;
  if (headers.has(CLIENT_IP_HEADER)) headers.delete(CLIENT_IP_HEADER);
  return next();
};

/**
 * The request with its client address in `x-suotdoi-client-ip`, for code that reads it from a web Request
 * (React Router's loaders and actions, better-auth): called where the request is handed over.
 */
export function withClientAddress(c: Context<HonoEnv>): Request {
  const ip = clientAddress(c);
  const headers = c.req.raw.headers;
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  else if (headers.has(CLIENT_IP_HEADER)) headers.delete(CLIENT_IP_HEADER);
  return c.req.raw;
}
