// The documented production setup: a TLS-terminating reverse proxy (here a real Node https server with a
// certificate made for this test) in front of the app's real HTTP listener, PUBLIC_URL the https address.
// Through it a visitor signs in with the page form, registers for an event and posts a back-office form,
// and every absolute URL the app prints names the public https origin.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRoleAsSystem } from '../modules/access/access.grants.server.ts';
import { createUserWithPassword } from '../modules/auth/auth.users.server.ts';
import { eventInput, insertPlace } from '../modules/events/events.test-helpers.ts';
import { createEvent } from '../modules/events/events.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { DEFAULT_TEST_PASSWORD } from '../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

let dir: string;
let cert: Buffer;
let proxy: Server;
let appServer: Server;
let ctx: TestContext;
let publicOrigin: string;
let eventId: string;

/** A self-signed certificate for localhost, made with openssl for this run only. */
function makeCertificate(into: string): { key: Buffer; cert: Buffer } {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(into, 'key.pem'),
      '-out',
      join(into, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(into, 'key.pem')), cert: readFileSync(join(into, 'cert.pem')) };
}

/** What nginx does with `proxy_set_header X-Forwarded-Proto $scheme` and friends: forwards to plain HTTP. */
function startProxy(tls: { key: Buffer; cert: Buffer }, upstreamPort: () => number): Promise<Server> {
  const server = createHttpsServer(tls, (req, res) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: upstreamPort(),
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-proto': 'https',
          'x-forwarded-host': req.headers.host ?? '',
          'x-forwarded-for': req.socket.remoteAddress ?? '',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A browser on the public https address: verifies the certificate, sends Origin on writes. */
function browser(
  path: string,
  init: { method?: string; form?: Record<string, string>; cookie?: string } = {},
) {
  const method = init.method ?? (init.form ? 'POST' : 'GET');
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  const headers: Record<string, string> = {};
  if (body !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['content-length'] = String(Buffer.byteLength(body));
    headers.origin = publicOrigin;
    headers['sec-fetch-site'] = 'same-origin';
  }
  if (init.cookie) headers.cookie = init.cookie;
  const url = new URL(path, publicOrigin);
  return new Promise<Answer>((resolve, reject) => {
    const req = httpsRequest(
      { hostname: 'localhost', port: url.port, path: url.pathname + url.search, method, headers, ca: cert },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The cookies a response sets, as a Cookie header. */
function cookiesOf(answer: Answer): string {
  return (answer.headers['set-cookie'] ?? [])
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair && !pair.endsWith('='))
    .join('; ');
}

/** The hidden inputs of the first form holding `marker`, so the test posts exactly what the page offers. */
function hiddenFields(html: string, marker: string): Record<string, string> {
  const form = html.split('<form').find((f) => f.includes(marker)) ?? '';
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (name) fields[name] = value.replace(/&amp;/g, '&');
  }
  return fields;
}

async function signInThroughPage(email: string): Promise<string> {
  const page = await browser('/sign-in');
  expect(page.status).toBe(200);
  const res = await browser('/sign-in', {
    form: { ...hiddenFields(page.text, 'name="email"'), email, password: DEFAULT_TEST_PASSWORD },
  });
  expect(res.status, res.text.slice(0, 300)).toBe(302);
  const cookie = cookiesOf(res);
  expect(cookie).toMatch(/__Host-/);
  return cookie;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suotdoi-tls-'));
  const tls = makeCertificate(dir);
  cert = tls.cert;
  let appPort = 0;
  proxy = await startProxy(tls, () => appPort);
  publicOrigin = `https://localhost:${(proxy.address() as AddressInfo).port}`;
  ctx = await createTestContext({ config: { PUBLIC_URL: publicOrigin } });
  appServer = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  appPort = (appServer.address() as AddressInfo).port;

  const library = await unitIdOf(ctx, 'thu-vien-tinh');
  const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
    lat: 12.24,
    lng: 109.19,
  });
  eventId = await createEvent(
    ctx.deps,
    await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'),
    eventInput(library, place),
  );
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => appServer?.close(resolve));
  await new Promise((resolve) => proxy?.close(resolve));
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('behind a TLS-terminating proxy (PUBLIC_URL https)', () => {
  it('signs a citizen in through the page form and shows their account', async () => {
    const email = 'ban-doc-tls@example.vn';
    await createUserWithPassword(ctx.deps, { email, name: 'Trần Văn Đọc', password: DEFAULT_TEST_PASSWORD });
    const cookie = await signInThroughPage(email);
    const account = await browser('/account', { cookie });
    expect(account.status).toBe(200);
    expect(account.text).toContain('ban-doc-tls@example.vn');
  });

  it('registers a guest for an event through the page form', async () => {
    const page = await browser(`/events/${eventId}`);
    expect(page.status).toBe(200);
    const res = await browser(`/events/${eventId}`, {
      form: {
        ...hiddenFields(page.text, 'name="partySize"'),
        name: 'Lê Thị Hoa',
        phone: '',
        email: 'hoa-tls@example.vn',
        partySize: '1',
        consent: 'yes',
      },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    expect(res.headers.location).toMatch(/^\/events\/tickets\/[A-Z2-9-]{14}\?new=1$/);
  });

  it('saves a back-office form for a signed-in administrator', async () => {
    const email = 'quan-tri-tls@example.vn';
    const { id } = await createUserWithPassword(ctx.deps, {
      email,
      name: 'Quản Trị',
      password: DEFAULT_TEST_PASSWORD,
    });
    await grantRoleAsSystem(ctx.deps, {
      userId: id,
      role: 'administrator',
      unitId: await unitIdOf(ctx, 'so-vhttdl'),
    });
    const cookie = await signInThroughPage(email);
    const page = await browser('/admin/settings/security', { cookie });
    expect(page.status).toBe(200);
    const res = await browser('/admin/settings/security', {
      cookie,
      form: hiddenFields(page.text, 'requireMfaForStaff'),
    });
    expect(res.status, res.text.slice(0, 300)).toBe(302);
    expect(res.headers.location).toBe('/admin/settings/security?done=saved');
  });

  it('names the public https origin in every absolute URL it prints', async () => {
    const identify = await browser('/oai?verb=Identify');
    expect(identify.text).toContain(`<baseURL>${publicOrigin}/oai</baseURL>`);
    const robots = await browser('/robots.txt');
    expect(robots.text).toContain(`Sitemap: ${publicOrigin}/sitemap.xml`);
    const event = await browser(`/events/${eventId}`);
    expect(event.text).toContain(`${publicOrigin}/events/${eventId}`);
    expect(event.text).not.toMatch(/http:\/\/(localhost|127\.0\.0\.1)/);
  });

  it('refuses a form whose Origin is the internal http address the proxy talks to', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const body = 'email=a%40b.vn&password=x';
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: (appServer.address() as AddressInfo).port,
          path: '/sign-in',
          method: 'POST',
          headers: {
            host: new URL(publicOrigin).host,
            origin: `http://${new URL(publicOrigin).host}`,
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': String(body.length),
          },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(res).toBe(403);
  });
});
