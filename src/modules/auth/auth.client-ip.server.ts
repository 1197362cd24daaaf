// Which address a request comes from, for the sign-in limiter and the session list. X-Forwarded-For is
// believed only when TRUST_PROXY says how many proxies of ours append to it; otherwise anyone could
// forge it and escape the per-IP limit.
import { isIP } from 'node:net';

/** Set by our own middleware from the socket (or a trusted proxy); any incoming value is discarded. */
export const CLIENT_IP_HEADER = 'x-suotdoi-client-ip';

export function clientIp(opts: {
  forwardedFor: string | null | undefined;
  socketAddress: string | null | undefined;
  trustProxyHops: number;
}): string | null {
  if (opts.trustProxyHops > 0 && opts.forwardedFor) {
    const hops = opts.forwardedFor
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const candidate = hops[hops.length - opts.trustProxyHops];
    if (candidate && isIP(stripMapped(candidate))) return stripMapped(candidate);
  }
  const socket = opts.socketAddress ? stripMapped(opts.socketAddress) : null;
  return socket && isIP(socket) ? socket : null;
}

function stripMapped(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}
