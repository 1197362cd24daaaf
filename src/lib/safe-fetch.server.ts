// The one way the server fetches a URL it did not write itself (OAI-PMH harvesting, remote images, …).
// See docs/decisions/0005-safe-fetch.md. Rules: http/https only, no credentials in the URL, host on the
// caller's allow-list, DNS resolved here and EVERY resolved address must be public (src/lib/ip-classify.ts),
// the connection goes to the address we checked (pinned through `lookup`, no second resolution), redirects
// followed by hand (each hop re-checked), one total deadline, a byte cap counted while streaming, and no
// compression (Accept-Encoding: identity) so the cap is on what we actually read.
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { type AddressClass, classifyAddress } from './ip-classify.server.ts';

export type SafeFetchErrorCode =
  | 'invalid_url'
  | 'scheme_not_allowed'
  | 'credentials_in_url'
  | 'host_not_allowed'
  | 'address_not_allowed'
  | 'dns_failed'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'network';

export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  readonly url: string;
  constructor(code: SafeFetchErrorCode, url: string, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SafeFetchError';
    this.code = code;
    this.url = url;
  }
}

/**
 * Test-only switch: lets tests fetch from a local HTTP server (loopback only — every other private range stays
 * refused, and the host must still be on the allow-list). A symbol key, so it cannot come from JSON, a form or
 * configuration; honoured only when NODE_ENV is 'test'.
 */
export const ALLOW_LOOPBACK_FOR_TESTS: unique symbol = Symbol('suotdoi.safeFetch.allowLoopbackForTests');

export interface SafeFetchOptions {
  /** Host patterns: exact (`opac.example.vn`) or one wildcard label (`*.example.vn`, subdomains only). */
  allowList: readonly string[];
  /** Total deadline for DNS, connects, redirects and the whole body. */
  timeoutMs: number;
  /** Largest body accepted (bytes), checked against Content-Length and while streaming. */
  maxBytes: number;
  accept?: string;
  maxRedirects?: number;
  userAgent?: string;
  /** POST sends `body` once, to the checked address; a redirect answer to a POST is refused (not followed). */
  method?: 'GET' | 'POST';
  body?: string;
  /** Extra request headers (content type, an API token); never `host`. */
  headers?: Readonly<Record<string, string>>;
  [ALLOW_LOOPBACK_FOR_TESTS]?: boolean;
}

export interface SafeFetchStreamResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable;
  finalUrl: string;
}
export interface SafeFetchResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  finalUrl: string;
}

const DEFAULT_UA = 'SuotDoi/1.0 (+https://github.com/suot-doi; OAI-PMH harvester)';

export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/** A valid allow-list pattern: a host name, `*.` + a host name, or an IP literal. */
export function isValidHostPattern(pattern: string): boolean {
  const p = normaliseHost(pattern);
  if (isIP(p)) return true;
  const name = p.startsWith('*.') ? p.slice(2) : p;
  return (
    name.length > 0 &&
    name.length <= 253 &&
    name.split('.').every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))
  );
}

export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = normaliseHost(host);
  for (const raw of patterns) {
    const p = normaliseHost(raw);
    if (!p) continue;
    if (p.startsWith('*.')) {
      const suffix = p.slice(1); // ".example.vn"
      if (h.length > suffix.length && h.endsWith(suffix)) return true;
    } else if (h === p) return true;
  }
  return false;
}

function permitted(cls: AddressClass, allowLoopback: boolean): boolean {
  return cls === 'public' || (allowLoopback && cls === 'loopback');
}

function loopbackAllowed(opts: SafeFetchOptions): boolean {
  return opts[ALLOW_LOOPBACK_FOR_TESTS] === true && process.env.NODE_ENV === 'test';
}

/** Checks a URL and resolves its host; returns the (all acceptable) addresses to connect to, in order. */
async function vet(url: URL, opts: SafeFetchOptions): Promise<Array<{ address: string; family: 4 | 6 }>> {
  const href = url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SafeFetchError('scheme_not_allowed', href, url.protocol);
  if (url.username || url.password) throw new SafeFetchError('credentials_in_url', href);
  const host = normaliseHost(url.hostname);
  if (!hostMatches(host, opts.allowList)) throw new SafeFetchError('host_not_allowed', href, host);
  const allowLoop = loopbackAllowed(opts);
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch (e) {
      throw new SafeFetchError('dns_failed', href, (e as { code?: string }).code ?? 'lookup');
    }
  }
  if (addresses.length === 0) throw new SafeFetchError('dns_failed', href, 'no address');
  // Every address must be acceptable: a name that also resolves to an internal address is refused outright.
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    if (!permitted(cls, allowLoop))
      throw new SafeFetchError('address_not_allowed', href, `${a.address} (${cls})`);
  }
  // IPv4 first (many servers have no IPv6 route), then the rest in resolver order: tried one after another.
  return [...addresses]
    .sort((x, y) => (x.family === 4 ? 0 : 1) - (y.family === 4 ? 0 : 1))
    .map((x) => ({ address: x.address, family: x.family === 6 ? 6 : 4 }));
}

type Pin = { address: string; family: 4 | 6 };
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ECONNRESET',
]);

/** Connects to the checked addresses in turn until one answers (a failure to connect moves to the next). */
async function requestAny(
  url: URL,
  pins: readonly Pin[],
  opts: SafeFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  let last: unknown;
  for (const pin of pins) {
    try {
      return await requestOnce(url, pin, opts, signal);
    } catch (e) {
      last = e;
      if (signal.aborted || !CONNECT_ERRORS.has((e as { code?: string }).code ?? '')) throw e;
    }
  }
  throw last;
}

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
}

function requestOnce(
  url: URL,
  pin: { address: string; family: 4 | 6 },
  opts: SafeFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: opts.method ?? 'GET',
        lookup: pinnedLookup(pin.address, pin.family),
        family: pin.family,
        signal,
        agent: false,
        headers: {
          ...extraHeaders(opts.headers),
          accept: opts.accept ?? '*/*',
          'accept-encoding': 'identity',
          'user-agent': opts.userAgent ?? DEFAULT_UA,
          ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function extraHeaders(h: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    const name = k.toLowerCase();
    if (name === 'host' || name === 'content-length' || /[\r\n]/.test(v)) continue;
    out[name] = v;
  }
  return out;
}

/** Fetches with all the checks above and returns the body as a stream capped at `maxBytes`. */
export async function safeFetchStream(input: string, opts: SafeFetchOptions): Promise<SafeFetchStreamResult> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new SafeFetchError('invalid_url', String(input).slice(0, 200));
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const fail = (e: unknown, href: string): SafeFetchError => {
    if (e instanceof SafeFetchError) return e;
    if (timedOut) return new SafeFetchError('timeout', href, `${opts.timeoutMs} ms`);
    return new SafeFetchError('network', href, (e as { code?: string }).code ?? (e as Error).message);
  };
  const maxRedirects = opts.maxRedirects ?? 5;
  try {
    for (let hop = 0; ; hop++) {
      const pins = await vet(url, opts);
      if (timedOut) throw new SafeFetchError('timeout', url.href);
      const res = await requestAny(url, pins, opts, controller.signal);
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        res.resume();
        res.destroy();
        if ((opts.method ?? 'GET') !== 'GET')
          throw new SafeFetchError('bad_redirect', url.href, 'redirect after POST');
        if (hop >= maxRedirects)
          throw new SafeFetchError('too_many_redirects', url.href, String(maxRedirects));
        const loc = res.headers.location;
        if (!loc) throw new SafeFetchError('bad_redirect', url.href, 'no Location');
        try {
          url = new URL(loc, url);
        } catch {
          throw new SafeFetchError('bad_redirect', url.href, 'invalid Location');
        }
        continue;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        res.destroy();
        throw new SafeFetchError('too_large', url.href, `${declared} > ${opts.maxBytes}`);
      }
      const finalUrl = url.href;
      return {
        status,
        headers: res.headers,
        finalUrl,
        body: capped(res, opts.maxBytes, finalUrl, timer, () => fail(new Error('aborted'), finalUrl)),
      };
    }
  } catch (e) {
    clearTimeout(timer);
    controller.abort();
    throw fail(e, url.href);
  }
}

function capped(
  res: IncomingMessage,
  maxBytes: number,
  href: string,
  timer: NodeJS.Timeout,
  onAbort: () => SafeFetchError,
): Readable {
  let seen = 0;
  const out = new Readable({
    read() {
      res.resume();
    },
    destroy(err, cb) {
      clearTimeout(timer);
      res.destroy();
      cb(err);
    },
  });
  res.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > maxBytes) {
      out.destroy(new SafeFetchError('too_large', href, `> ${maxBytes}`));
      return;
    }
    if (!out.push(chunk)) res.pause();
  });
  res.on('end', () => {
    clearTimeout(timer);
    out.push(null);
  });
  res.on('error', () => out.destroy(onAbort()));
  res.on('aborted', () => out.destroy(onAbort()));
  return out;
}

/** Like safeFetchStream, with the (capped) body read into memory. */
export async function safeFetch(input: string, opts: SafeFetchOptions): Promise<SafeFetchResult> {
  const r = await safeFetchStream(input, opts);
  const chunks: Buffer[] = [];
  for await (const c of r.body) chunks.push(c as Buffer);
  return { status: r.status, headers: r.headers, finalUrl: r.finalUrl, body: Buffer.concat(chunks) };
}
