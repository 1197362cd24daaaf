// The real server process on real PostgreSQL, reached through a local TCP forwarder the test can cut: killed
// connections (pg_terminate_backend from a separate admin connection), a write burst while connections die,
// and PostgreSQL unreachable (connection refused). The process must stay up, keep every acknowledged write
// exactly once, and answer 503 with Retry-After while the database cannot be reached.
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput, insertPlace } from '../modules/events/events.test-helpers.ts';
import { createEvent } from '../modules/events/events.usecases.server.ts';
import { actorOn, unitIdOf } from '../modules/units/units.test-helpers.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { freePort, type ServerProcess, startServerProcess } from '../test/server-process.ts';

/** A TCP forwarder to PostgreSQL: `cut()` refuses new connections and drops open ones, `restore()` reopens. */
function forwarder(target: { host: string; port: number }, port: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = tcpConnect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  return {
    open,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
  };
}

describe.skipIf(process.env.TEST_DB_KIND !== 'postgres')(
  'the server when PostgreSQL connections are lost',
  () => {
    let ctx: TestContext;
    let server: ServerProcess;
    let eventId: string;
    let pgProxy: ReturnType<typeof forwarder>;
    const appName = `suotdoi-conn-${randomBytes(4).toString('hex')}`;

    const terminateServerConnections = async () => {
      const rows = await ctx.dbh.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [appName],
      );
      return rows[0]?.n ?? 0;
    };
    const alive = () => server.child.exitCode === null && server.child.signalCode === null;

    beforeAll(async () => {
      ctx = await createTestContext();
      const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
      const unitId = await unitIdOf(ctx, 'thu-vien-tinh');
      const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
      eventId = await createEvent(ctx.deps, staff, eventInput(unitId, placeId, { capacity: 100_000 }));
      // The test file's own database (a copy of the run's template) and schema.
      const [{ database, schema } = { database: '', schema: '' }] = await ctx.dbh.query<{
        database: string;
        schema: string;
      }>('SELECT current_database() AS database, current_schema() AS schema');
      const target = new URL(process.env.TEST_DATABASE_URL!);
      target.pathname = `/${database}`;
      const proxyPort = await freePort();
      pgProxy = forwarder({ host: target.hostname, port: Number(target.port || 5432) }, proxyPort);
      await pgProxy.open();
      const url = new URL(target);
      url.host = `127.0.0.1:${proxyPort}`;
      url.searchParams.set('options', `-c search_path=${schema}`);
      url.searchParams.set('application_name', appName);
      server = startServerProcess(
        { DATABASE_URL: url.toString(), SESSION_SECRET: 'conn-loss-secret-conn-loss-secret-0123' },
        await freePort(),
      );
      await server.waitFor(/is running at/);
    }, 120_000);
    afterAll(async () => {
      server?.kill();
      await pgProxy?.cut();
      await ctx?.close();
    });

    it('stays up and keeps serving when its idle connections are terminated', async () => {
      for (let i = 0; i < 4; i++)
        expect((await fetch(`${server.url}/api/v1/events/${eventId}`)).status).toBe(200);
      expect(await terminateServerConnections()).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 500));
      expect(alive(), server.output()).toBe(true);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/events/${eventId}`)).status).toBe(200);
    });

    it('keeps every acknowledged registration exactly once when connections die during a write burst', async () => {
      const results: Array<{ email: string; status: number; retryAfter: string | null }> = [];
      let burstDone = false;
      let killed = 0;
      const killer = (async () => {
        while (!burstDone) {
          await new Promise((r) => setTimeout(r, 250));
          killed += await terminateServerConnections();
        }
      })();
      const worker = async (w: number) => {
        for (let i = 0; i < 20; i++) {
          const email = `burst-${w}-${i}-${randomBytes(3).toString('hex')}@example.vn`;
          const res = await fetch(`${server.url}/api/v1/events/${eventId}/registrations`, {
            signal: AbortSignal.timeout(20_000),
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: server.url },
            body: JSON.stringify({
              name: `Khách ${w}-${i}`,
              email,
              partySize: 1,
              consent: true,
              idempotencyKey: `burst-${randomBytes(8).toString('hex')}`,
            }),
          });
          await res.arrayBuffer();
          results.push({ email, status: res.status, retryAfter: res.headers.get('retry-after') });
        }
      };
      await Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
      burstDone = true;
      await killer;

      expect(killed).toBeGreaterThan(0);
      expect(alive(), server.output()).toBe(true);
      const statuses = new Set(results.map((r) => r.status));
      expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
      expect(results.filter((r) => r.status === 503 && !r.retryAfter)).toEqual([]);
      const rows = await ctx.dbh.query<{ email: string; n: number }>(
        'SELECT email, count(*)::int AS n FROM event_registrations WHERE event_id = $1 GROUP BY email',
        [eventId],
      );
      const stored = new Map(rows.map((r) => [r.email, r.n]));
      const acknowledged = results.filter((r) => r.status === 201).map((r) => r.email);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.filter((e) => stored.get(e) !== 1)).toEqual([]);
      expect(rows.filter((r) => r.n > 1)).toEqual([]);
    }, 120_000);

    it('answers 503 with Retry-After while PostgreSQL is unreachable, says so on /readyz, then recovers', async () => {
      await pgProxy.cut();
      try {
        const api = await fetch(`${server.url}/api/v1/events/${eventId}`);
        expect(api.status).toBe(503);
        expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(api.headers.get('content-type')).toContain('application/problem+json');
        expect(((await api.json()) as { code: string }).code).toBe('db.unavailable');

        const page = await fetch(`${server.url}/events/${eventId}`);
        expect(page.status).toBe(503);
        expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(page.headers.get('content-type')).toContain('text/html');
        expect(await page.text()).toContain('tạm thời không truy cập được cơ sở dữ liệu');

        const ready = await fetch(`${server.url}/readyz`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ status: 'database-unreachable' });
        expect(alive(), server.output()).toBe(true);
      } finally {
        await pgProxy.open();
      }
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/events/${eventId}`)).status).toBe(200);
    }, 60_000);
  },
);
