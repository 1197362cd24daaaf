// The HTTP edge as an attacker or a careless client meets it: headers, health, metrics, CSRF, and bad input
// against a JSON write endpoint (POST /api/v1/units). Every refusal is problem+json with a request id and
// writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_UNIT_CODE } from '../modules/units/units.seed.server.ts';
import { signUpAndSignIn } from '../test/auth-helpers.ts';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../test/harness.ts';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body.status).toBe(status);
  expect(typeof body.requestId).toBe('string');
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  return body;
}

async function count(ctx: TestContext, table: string): Promise<number> {
  const rows = await ctx.dbh.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

describe('HTTP hardening', () => {
  let ctx: TestContext;
  let admin: { cookie: string };
  let rootUnitId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ config: { METRICS_TOKEN } });
    const signedIn = await signUpAndSignIn(ctx, { name: 'Quản Trị Viên' });
    const root = await ctx.deps.repos.units.byCode(ctx.deps.db, ROOT_UNIT_CODE);
    if (!root) throw new Error('the reference units were not seeded');
    rootUnitId = root.id;
    // Bootstrapping the first administrator has no use case to go through (the seed does the same).
    await ctx.deps.repos.access.insertGrant(ctx.deps.db, {
      userId: signedIn.userId,
      role: 'administrator',
      unitId: rootUnitId,
      grantedBy: null,
      at: new Date(),
    });
    admin = { cookie: signedIn.cookie };
  });
  afterAll(() => ctx.close());

  describe('headers and operational endpoints', () => {
    it('sends a nonce-based CSP, nosniff, a referrer policy and no HSTS over plain http', async () => {
      const res = await ctx.request('/');
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-request-id')).toBeTruthy();
    });

    it('uses a fresh nonce for every answer', async () => {
      const nonce = async () =>
        /'nonce-([^']+)'/.exec(
          (await ctx.request('/healthz')).headers.get('content-security-policy') ?? '',
        )?.[1];
      expect(await nonce()).not.toBe(await nonce());
    });

    it('sends HSTS when the public URL is https', async () => {
      const secure = await createTestContext({
        config: { PUBLIC_URL: 'https://hoctap.example.vn' },
        seed: false,
      });
      try {
        const res = await secure.app.request('https://hoctap.example.vn/healthz');
        expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      } finally {
        await secure.close();
      }
    });

    it('answers liveness and readiness', async () => {
      const live = await ctx.request('/healthz');
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await ctx.request('/readyz');
      expect(ready.status).toBe(200);
    });

    it('reports not ready (503) while a migration is missing', async () => {
      const lagging = await createTestContext({ seed: false });
      try {
        await lagging.dbh.query(
          'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)',
        );
        const res = await lagging.request('/readyz');
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ status: 'migrations-pending' });
      } finally {
        await lagging.close();
      }
    });

    it('publishes an OpenAPI 3.1 document listing the audit and units routes', async () => {
      const res = await ctx.request('/api/v1/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(doc.paths['/audit']?.get).toBeDefined();
      expect(doc.paths['/units']?.post).toBeDefined();
    });

    it('hides /metrics from anonymous callers and serves it with the bearer token', async () => {
      await expectProblem(await ctx.request('/metrics'), 401);
      await expectProblem(await ctx.request('/metrics', { headers: { authorization: 'Bearer wrong' } }), 401);
      const res = await ctx.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('http_request_duration_seconds');
    });

    it('answers an unknown API path with 404 problem+json (401 first inside /api/v1 for anonymous callers)', async () => {
      const body = await expectProblem(await ctx.request('/api/v2/units'), 404);
      expect(body.code).toBe('route.not_found');
      // Deny by default: an anonymous caller cannot probe which /api/v1 paths exist.
      await expectProblem(await ctx.request('/api/v1/no-such-thing'), 401);
      const signedIn = await ctx.request('/api/v1/no-such-thing', { headers: { cookie: admin.cookie } });
      expect((await expectProblem(signedIn, 404)).code).toBe('route.not_found');
    });
  });

  describe('cross-site requests', () => {
    const unitBody = JSON.stringify({ code: 'csrf-probe', name: 'Thư viện thử', kind: 'library' });

    it('refuses a POST from another origin', async () => {
      const before = await count(ctx, 'units');
      const res = await ctx.request('/api/v1/units', {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json', cookie: admin.cookie },
        body: unitBody,
      });
      const body = await expectProblem(res, 403);
      expect(body.code).toBe('request.csrf');
      expect(await count(ctx, 'units')).toBe(before);
    });

    it('refuses a POST the browser marks as cross-site, even with our own Origin', async () => {
      const res = await ctx.request('/api/v1/units', {
        method: 'POST',
        headers: {
          origin: TEST_ORIGIN,
          'sec-fetch-site': 'cross-site',
          'content-type': 'application/json',
          cookie: admin.cookie,
        },
        body: unitBody,
      });
      await expectProblem(res, 403);
    });

    it('refuses a form POST that carries a cookie but no Origin', async () => {
      // app.request directly: the harness would add our Origin.
      const res = await ctx.app.request(`${TEST_ORIGIN}/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
        body: 'x=1',
      });
      await expectProblem(res, 403);
    });
  });

  describe('bad input to POST /api/v1/units', () => {
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      ctx.request('/api/v1/units', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, ...headers },
        body,
      });
    const valid = () => ({
      code: 'thu-vien-xa-thu',
      name: 'Thư viện xã Thử',
      kind: 'library',
      parentId: rootUnitId,
    });

    /** Sends the body, expects a 400-class problem and no new unit, audit entry or history row. */
    async function refused(body: BodyInit, status = 400): Promise<Record<string, unknown>> {
      const before = [
        await count(ctx, 'units'),
        await count(ctx, 'audit_log'),
        await count(ctx, 'unit_history'),
      ];
      const problem = await expectProblem(await post(body), status);
      const after = [
        await count(ctx, 'units'),
        await count(ctx, 'audit_log'),
        await count(ctx, 'unit_history'),
      ];
      expect(after).toEqual(before);
      return problem;
    }

    it('accepts a well-formed unit (the baseline the refusals differ from)', async () => {
      const res = await post(JSON.stringify({ ...valid(), code: 'baseline-unit' }));
      expect(res.status).toBe(201);
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const problem = await refused(JSON.stringify({ ...valid(), note: 'a'.repeat(1024 * 1024 + 10) }), 413);
      expect(problem.code).toBe('request.too_large');
    });

    it('refuses malformed JSON with 400', async () => {
      await refused('{"code": "x", "name": ');
    });

    it('refuses unknown fields and names them', async () => {
      const problem = await refused(JSON.stringify({ ...valid(), isAdmin: true }));
      expect(JSON.stringify(problem.errors)).toContain('isAdmin');
    });

    it('refuses wrong types with 400 and the field path', async () => {
      const problem = await refused(JSON.stringify({ ...valid(), name: 42 }));
      expect(JSON.stringify(problem.errors)).toContain('name');
      await refused(JSON.stringify({ ...valid(), kind: ['library'] }));
      await refused(JSON.stringify([valid()]));
    });

    it('refuses bytes that are not UTF-8 with 400', async () => {
      const prefix = new TextEncoder().encode('{"code":"bad-bytes","name":"Th');
      const suffix = new TextEncoder().encode(`","kind":"library","parentId":"${rootUnitId}"}`);
      const bytes = new Uint8Array([...prefix, 0xff, 0xfe, 0xc3, ...suffix]);
      const problem = await refused(bytes);
      expect(problem.code).toBe('request.invalid_encoding');
    });

    it('refuses overlong strings with 400', async () => {
      const problem = await refused(JSON.stringify({ ...valid(), name: 'Thư viện '.repeat(100) }));
      expect(JSON.stringify(problem.errors)).toContain('name');
    });

    it('stores SQL and HTML metacharacters verbatim and renders them escaped', async () => {
      const name = `<script>alert("x")</script> O'Brien'); DROP TABLE units; -- & "Hòa"`;
      const res = await post(JSON.stringify({ ...valid(), code: 'meta-chars', name }));
      expect(res.status).toBe(201);
      const created = (await res.json()) as { id: string; name: string };
      expect(created.name).toBe(name);

      const fetched = await ctx.request(`/api/v1/units/${created.id}`, { headers: { cookie: admin.cookie } });
      expect(((await fetched.json()) as { unit: { name: string } }).unit.name).toBe(name);

      // The audit page shows the stored change: the markup must arrive as text, never as a tag.
      const page = await ctx.request('/admin/audit', { headers: { cookie: admin.cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;alert');
    });
  });
});
