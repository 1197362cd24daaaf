import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALLOW_LOOPBACK_FOR_TESTS,
  hostMatches,
  isValidHostPattern,
  SafeFetchError,
  type SafeFetchOptions,
  safeFetch,
} from './safe-fetch.server.ts';

let server: Server;
let base: string;
let port: number;
const seen: Array<{ url: string; headers: Record<string, unknown>; method?: string; body?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          url: req.url ?? '',
          headers: req.headers,
          method: 'POST',
          body: Buffer.concat(chunks).toString(),
        });
        if (req.url === '/redirect') res.writeHead(307, { location: '/ok' });
        else res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"CodeResult":"100"}');
      });
      return;
    }
    seen.push({ url: req.url ?? '', headers: req.headers });
    const u = new URL(req.url ?? '/', 'http://x');
    switch (u.pathname) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end('<ok/>');
        return;
      case '/redirect': {
        const n = Number(u.searchParams.get('n') ?? '1');
        res.writeHead(302, { location: n > 1 ? `/redirect?n=${n - 1}` : '/ok' });
        res.end();
        return;
      }
      case '/redirect-to':
        res.writeHead(301, { location: u.searchParams.get('to') ?? '/' });
        res.end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-length': '5000' });
        res.end('x'.repeat(5000));
        return;
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
        res.end();
        return;
      case '/slow-headers':
        setTimeout(() => {
          res.writeHead(200);
          res.end('late');
        }, 2000).unref();
        return;
      case '/slow-body': {
        res.writeHead(200);
        const t = setInterval(() => res.write('.'), 50);
        t.unref();
        res.on('close', () => clearInterval(t));
        return;
      }
      default:
        res.writeHead(404);
        res.end('nope');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const opts = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  allowList: ['127.0.0.1', 'localhost'],
  timeoutMs: 1000,
  maxBytes: 2048,
  [ALLOW_LOOPBACK_FOR_TESTS]: true,
  ...over,
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof SafeFetchError) return e.code;
    throw e;
  }
}

describe('host patterns', () => {
  it('matches exact hosts and one-label wildcards (subdomains only)', () => {
    expect(hostMatches('opac.example.vn', ['opac.example.vn'])).toBe(true);
    expect(hostMatches('OPAC.Example.VN.', ['opac.example.vn'])).toBe(true);
    expect(hostMatches('a.example.vn', ['*.example.vn'])).toBe(true);
    expect(hostMatches('a.b.example.vn', ['*.example.vn'])).toBe(true);
    expect(hostMatches('example.vn', ['*.example.vn'])).toBe(false);
    expect(hostMatches('badexample.vn', ['*.example.vn'])).toBe(false);
    expect(hostMatches('example.vn.evil.com', ['example.vn'])).toBe(false);
    expect(hostMatches('anything', [])).toBe(false);
  });
  it('validates patterns', () => {
    expect(isValidHostPattern('opac.example.vn')).toBe(true);
    expect(isValidHostPattern('*.example.vn')).toBe(true);
    expect(isValidHostPattern('203.0.113.4')).toBe(true);
    expect(isValidHostPattern('*')).toBe(false);
    expect(isValidHostPattern('a..b')).toBe(false);
    expect(isValidHostPattern('http://x.vn')).toBe(false);
    expect(isValidHostPattern('x.vn/path')).toBe(false);
  });
});

describe('safeFetch against a local server (test-only loopback opt-in)', () => {
  it('fetches a body, sends Accept and asks for no compression', async () => {
    const r = await safeFetch(`${base}/ok`, opts({ accept: 'text/xml' }));
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('<ok/>');
    expect(r.finalUrl).toBe(`${base}/ok`);
    const last = seen.at(-1);
    expect(last?.headers.accept).toBe('text/xml');
    expect(last?.headers['accept-encoding']).toBe('identity');
  });

  it('posts a body once with the caller’s headers (never a forged Host), and refuses a redirect after a POST', async () => {
    const r = await safeFetch(
      `${base}/gateway`,
      opts({
        method: 'POST',
        body: '{"Phone":"0912345678"}',
        headers: { 'content-type': 'application/json', host: 'evil.example', 'x-token': 'a\r\nb' },
      }),
    );
    expect(r.body.toString()).toBe('{"CodeResult":"100"}');
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: 'POST', body: '{"Phone":"0912345678"}' });
    expect(last?.headers['content-type']).toBe('application/json');
    expect(last?.headers.host).toBe(`127.0.0.1:${port}`);
    expect(last?.headers['x-token']).toBeUndefined();
    expect(await codeOf(safeFetch(`${base}/redirect`, opts({ method: 'POST', body: '{}' })))).toBe(
      'bad_redirect',
    );
  });

  it('resolves a host name itself and connects to the checked address', async () => {
    const r = await safeFetch(`http://localhost:${port}/ok`, opts());
    expect(r.body.toString()).toBe('<ok/>');
  });

  it('follows up to 5 redirects, then refuses', async () => {
    const r = await safeFetch(`${base}/redirect?n=5`, opts());
    expect(r.finalUrl).toBe(`${base}/ok`);
    expect(await codeOf(safeFetch(`${base}/redirect?n=6`, opts()))).toBe('too_many_redirects');
    expect(await codeOf(safeFetch(`${base}/loop`, opts()))).toBe('too_many_redirects');
  });

  it('re-checks every redirect hop: host allow-list and address', async () => {
    const to = (u: string) => `${base}/redirect-to?to=${encodeURIComponent(u)}`;
    expect(await codeOf(safeFetch(to('http://example.org/'), opts()))).toBe('host_not_allowed');
    expect(
      await codeOf(safeFetch(to('http://10.0.0.1/'), opts({ allowList: ['127.0.0.1', '10.0.0.1'] }))),
    ).toBe('address_not_allowed');
    expect(
      await codeOf(
        safeFetch(
          to('http://169.254.169.254/latest/meta-data'),
          opts({ allowList: ['127.0.0.1', '169.254.169.254'] }),
        ),
      ),
    ).toBe('address_not_allowed');
    expect(await codeOf(safeFetch(to('file:///etc/passwd'), opts()))).toBe('scheme_not_allowed');
  });

  it('caps the size by Content-Length and while streaming', async () => {
    expect(await codeOf(safeFetch(`${base}/big-declared`, opts()))).toBe('too_large');
    expect(await codeOf(safeFetch(`${base}/big-chunked`, opts()))).toBe('too_large');
    const r = await safeFetch(`${base}/big-chunked`, opts({ maxBytes: 10_000 }));
    expect(r.body.length).toBe(10_000);
  });

  it('enforces one total deadline (slow headers, slow body)', async () => {
    const t0 = Date.now();
    expect(await codeOf(safeFetch(`${base}/slow-headers`, opts({ timeoutMs: 300 })))).toBe('timeout');
    expect(await codeOf(safeFetch(`${base}/slow-body`, opts({ timeoutMs: 300, maxBytes: 1e6 })))).toBe(
      'timeout',
    );
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});

describe('safeFetch refusals (no opt-in)', () => {
  const plain = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
    allowList: ['127.0.0.1', 'localhost', '[::1]', '10.1.2.3', '169.254.169.254', '0.0.0.0'],
    timeoutMs: 1000,
    maxBytes: 1000,
    ...over,
  });

  it('refuses loopback, private, link-local and unspecified addresses, literal or resolved', async () => {
    expect(await codeOf(safeFetch(`${base}/ok`, plain()))).toBe('address_not_allowed');
    expect(await codeOf(safeFetch(`http://localhost:${port}/ok`, plain()))).toBe('address_not_allowed');
    expect(await codeOf(safeFetch(`http://[::1]:${port}/ok`, plain()))).toBe('address_not_allowed');
    expect(await codeOf(safeFetch('http://10.1.2.3/', plain()))).toBe('address_not_allowed');
    expect(await codeOf(safeFetch('http://169.254.169.254/', plain()))).toBe('address_not_allowed');
    expect(await codeOf(safeFetch('http://0.0.0.0/', plain()))).toBe('address_not_allowed');
  });

  it('the test opt-in only covers loopback and only under NODE_ENV=test', async () => {
    const o = plain({ [ALLOW_LOOPBACK_FOR_TESTS]: true });
    expect(await codeOf(safeFetch('http://10.1.2.3/', o))).toBe('address_not_allowed');
    const prev = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(await codeOf(safeFetch(`${base}/ok`, o))).toBe('address_not_allowed');
    } finally {
      process.env.NODE_ENV = prev;
    }
  });

  it('refuses other schemes, credentials, unknown hosts and garbage', async () => {
    expect(await codeOf(safeFetch('ftp://127.0.0.1/x', plain()))).toBe('scheme_not_allowed');
    expect(await codeOf(safeFetch('file:///etc/passwd', plain()))).toBe('scheme_not_allowed');
    expect(await codeOf(safeFetch('http://u:p@127.0.0.1/', plain()))).toBe('credentials_in_url');
    expect(await codeOf(safeFetch('http://example.org/', plain()))).toBe('host_not_allowed');
    // WHATWG URL normalises the decimal form to 127.0.0.1, which is then refused by address
    expect(await codeOf(safeFetch('http://2130706433/', plain()))).toBe('address_not_allowed');
    expect(await codeOf(safeFetch('http://0x7f000001/', plain({ allowList: [] })))).toBe('host_not_allowed');
    expect(await codeOf(safeFetch('not a url', plain()))).toBe('invalid_url');
  });
});
