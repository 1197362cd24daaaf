// `npm run bench:events`: events under load, on PostgreSQL, over HTTP, against the real app started in this
// process (a fresh schema on BENCH_DATABASE_URL, dropped at the end). Prints figures; asserts nothing.
//
//  1. Seats: one event with 100 seats, 1,000 registrations fired at once (POST /api/v1/events/:id/registrations,
//     as guests, each with its own idempotency key); the exact outcome read back from the database, p50/p99 of
//     the 1,000 requests and their rate, next to 1,000 simultaneous GETs of a bare Hono route in this process.
//     Also: how long after the burst the ticket mails were all delivered (they go out after commit, off the
//     request path). Target (issue 17): registration p99 ≤ 2× the bare burst's p99, exactly SEATS confirmed.
//     During the burst, the database sessions' states and wait events are sampled from pg_stat_activity (every
//     ~5 ms) and printed as shares, so a lock queue (Lock:transactionid/tuple) or a pool too small (ClientRead
//     idle vs active) shows. A third burst of the same POSTs to an API path with no route measures the app's
//     middleware chain alone (no database): the registration's own cost is what it adds above that row.
//     EVENTS_SEAT_BATCH=off registers one statement per sign-up (A/B of the grouped seat statement).
//     A fourth burst sends the same POSTs to a bare route that reads the JSON body (the burst's own cost).
//     BENCH_CLIENT=worker sends every burst from a worker thread: the main thread then only serves, and the
//     "server CPU/request" column is its CPU time per request (the server's alone). By default the requests
//     are sent from the serving thread, as in the figures of ADR 0013 before 2026-12-06's burst pass.
//     Every burst is measured warm and pays its own 1,000 connects (ADR 0013, fifth pass): 200 unmeasured
//     requests of each kind first (BENCH_WARMUP=n; sign-ups go to a second event), and the client's kept-alive
//     connections expire before each burst (BENCH_FRESH_CONNECTIONS). BENCH_WARMUP=0 BENCH_FRESH_CONNECTIONS=0
//     gives the old runs: the bare GET burst cold and first, the bare POST reusing the bare GET's connections and
//     the registration the chain's (the figures of ADR 0013 before that pass).
//  2. Reads with 10,000 published events (bulk SQL, half of them in the past year, half in the next): the month
//     view page and the iCalendar feeds, measured with autocannon (BENCH_DURATION seconds, BENCH_CONNECTIONS
//     connections), next to the bare route. Target (issue 17): month view p99 < 100 ms. The month view is
//     measured on an app with the anonymous page cache OFF (every request renders: the honest render cost),
//     and again with the cache on (PAGE_CACHE_TTL_MS as in production), each on its own row.
// BENCH_REGISTRATIONS / BENCH_SEATS / BENCH_EVENTS shrink the run (e.g. to check the script on a loaded machine);
// BENCH_PART=burst or BENCH_PART=reads runs one part only (e.g. under `node --cpu-prof` to profile it);
// BENCH_PART=month runs the reads part's month view rows only (the bare route and the uncached month view).
// BENCH_PROFILE_DIR=dir: a CPU profile of just the registration burst, of just the chain burst, and of just the uncached month view's load
// (inspector profiler, this process: server and client alike) is written there as .cpuprofile files.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import type { ServerBuild } from 'react-router';
import { buildDeps } from '../src/app/build-deps.server.ts';
import { createApp } from '../src/app/create-app.server.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { loadConfig } from '../src/config.server.ts';
import { openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { createEvent } from '../src/modules/events/events.usecases.server.ts';
import { testActor } from '../src/test/actors.ts';
import { seedBenchEvents } from './bench-db.ts';
import { keyOf, recordBenchResults } from './bench-results.ts';
import { burst, listen, load as loadFor, ms, profiled, sampleWaits } from './events-measure.ts';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BUILD_DIR = process.env.RR_BUILD_DIR ?? 'build';
// Full scale by default (the lead's idle run); smaller values only to check the script works on a busy machine.
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1000);
const SEATS = Number(process.env.BENCH_SEATS ?? 100);
const BULK_EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const PART = process.env.BENCH_PART ?? 'all';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
// Fair bursts by default (ADR 0013, fifth pass): every burst warm and paying its own connects.
const DEFAULT_WARMUP = 200;
const FRESH_CONNECTIONS = (process.env.BENCH_FRESH_CONNECTIONS ?? '1') !== '0';
const load = (name: string, url: string) =>
  loadFor(name, url, { connections: CONNECTIONS, duration: DURATION });

async function main() {
  const buildFile = join(process.cwd(), BUILD_DIR, 'server/index.js');
  if (!existsSync(buildFile)) throw new Error(`no page build at ${buildFile}: run npm run build first`);
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const schema = `bench_events_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: DB_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dbh = await openDatabase({ kind: 'postgres', url: DB_URL, searchPath: schema, max: 20 });
  let origin = '';
  const closers: Array<() => Promise<unknown>> = [];
  try {
    await migrate(dbh);
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      DATABASE_URL: DB_URL,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      JOB_RUNNER: 'true',
    });
    const deps = buildDeps(config, dbh, createLogger('silent'));
    // Seat statements issued (one per sign-up, or one per group of sign-ups): counted around the repositories.
    const seatStatements = { single: 0, grouped: 0, inGroups: 0 };
    const regRepo = deps.repos.eventRegistrations;
    const register = regRepo.register.bind(regRepo);
    regRepo.register = (db, v) => {
      seatStatements.single++;
      return register(db, v);
    };
    const batchRepo = deps.repos.eventRegistrationBatch;
    const registerMany = batchRepo.registerMany.bind(batchRepo);
    batchRepo.registerMany = (db, vs) => {
      seatStatements.grouped++;
      seatStatements.inGroups += vs.length;
      return registerMany(db, vs);
    };
    // How long the registration's statements take (they run one at a time per event or per database, so their
    // sum is the burst's critical path): count, total and longest of each, printed after the burst.
    const timings = new Map<string, number[]>();
    const timed = <R extends object>(repo: R, method: keyof R & string) => {
      const original = (repo[method] as (...a: unknown[]) => Promise<unknown>).bind(repo);
      (repo as Record<string, unknown>)[method] = async (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return await original(...a);
        } finally {
          const list = timings.get(method) ?? [];
          list.push(performance.now() - t0);
          timings.set(method, list);
        }
      };
    };
    timed(deps.repos.eventRegistrationBatch, 'registerMany');
    timed(deps.repos.eventRegistrationReads, 'waitlistPositions');
    timed(deps.repos.events, 'registrationFacts');
    await seedReference(deps);
    const app = createApp(deps, { build });
    const server = await listen(app.fetch);
    closers.push(server.close);
    origin = `http://127.0.0.1:${server.port}`;
    // The same app with the anonymous page cache off: what a month view costs to render (ADR 0013).
    const uncachedServer = await listen(
      createApp({ ...deps, config: { ...deps.config, pageCacheTtlMs: 0 } }, { build }).fetch,
    );
    closers.push(uncachedServer.close);
    const uncached = `http://127.0.0.1:${uncachedServer.port}`;
    console.log(`   page cache: ${deps.config.pageCacheTtlMs} ms on ${origin}, off on ${uncached}`);
    const bare = new Hono();
    bare.get('/', (c) => c.text('ok'));
    // The same POST as a sign-up, to a bare route that reads its JSON body and answers a short JSON: the
    // burst's own cost (client fetch with a body, the server reading it) without any of the app.
    bare.post('/', async (c) => c.json({ ok: Boolean(await c.req.json()) }, 201));
    const bareServer = await listen(bare.fetch);
    closers.push(bareServer.close);
    const barePort = bareServer.port;

    const unit = await deps.repos.units.byCode(deps.db, 'thu-vien-tinh');
    if (!unit) throw new Error('unit thu-vien-tinh missing');
    const staff = testActor([{ role: 'unit_staff', unitId: unit.id }], { [unit.id]: null });
    const eventInput = {
      unitId: unit.id,
      title: 'Ngày Sách và Văn hóa đọc: 100 chỗ',
      description: 'Sự kiện đo tải',
      category: 'reading',
      audience: ['adults'],
      placeId: null,
      onlineUrl: 'https://hop.example.vn/ngay-sach',
      capacity: SEATS,
      registrationMode: 'series',
      registrationOpensAt: null,
      registrationClosesAt: null,
      priceVnd: 0,
      organiserContact: 'Thư viện tỉnh',
      planInstanceId: null,
      status: 'published',
      schedule: { firstDate: '2030-04-21', startTime: '08:00', endTime: '10:30', weekly: null },
    } satisfies Parameters<typeof createEvent>[2];
    const eventId = await createEvent(deps, staff, eventInput);

    console.log(
      `\nbench:events — PostgreSQL ${DB_URL.replace(/\/\/[^@]*@/, '//…@')}, schema ${schema}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    async function seatsPart() {
      // BENCH_WARMUP=n: n requests of each burst's kind first (not measured), so that no measured burst is the one
      // that warms up the JIT, the client and the database pool: n bare GETs, n bare POSTs, n POSTs to the chain
      // and n sign-ups to a second event (its ticket mails delivered before going on). On by default (200);
      // BENCH_WARMUP=0 for the figures of ADR 0013 before 2026-12-06's fifth pass.
      const warmup = Number(process.env.BENCH_WARMUP ?? DEFAULT_WARMUP);
      if (warmup > 0) {
        const warmEvent = await createEvent(deps, staff, { ...eventInput, title: 'Khởi động đo tải' });
        await burst(warmup, { url: `http://127.0.0.1:${barePort}/` });
        await burst(warmup, { url: `http://127.0.0.1:${barePort}/`, signUp: true });
        await burst(warmup, { url: `${origin}/api/v1/events/${eventId}/no-such-route`, signUp: true });
        await burst(warmup, { url: `${origin}/api/v1/events/${warmEvent}/registrations`, signUp: true });
        await mailsDelivered(warmEvent, 60_000);
      }
      // The client keeps connections alive (4 s), so a burst to an origin just used would reuse the last burst's
      // connections while the first burst to an origin opens them all. BENCH_FRESH_CONNECTIONS (on by default)
      // waits them out before each burst, so that every burst pays its 1,000 connects as a real one does;
      // BENCH_FRESH_CONNECTIONS=0 for the figures of ADR 0013 before 2026-12-06's fifth pass.
      const fresh = async () => {
        if (FRESH_CONNECTIONS) await new Promise((r) => setTimeout(r, 6_000));
      };
      await fresh();
      const bareBurst = await burst(REGISTRATIONS, { url: `http://127.0.0.1:${barePort}/` });
      const signUp = (path: string) => ({ url: `${origin}${path}`, signUp: true });
      // The same POSTs to an API path with no route: the app's whole middleware chain (request id, compression,
      // metrics, security headers, body limit, CSRF, UTF-8 check, actor) and a JSON problem answer, no database.
      // What the registration costs above it is the registration's own (validation, statements, answer).
      await fresh();
      const chainBurst = await profiled(PROFILE_DIR, 'chain-burst', () =>
        burst(REGISTRATIONS, signUp(`/api/v1/events/${eventId}/no-such-route`)),
      );
      // The same POSTs to a bare route that reads the JSON body: the burst's own cost without the app.
      await fresh();
      const barePostBurst = await burst(REGISTRATIONS, {
        url: `http://127.0.0.1:${barePort}/`,
        signUp: true,
      });
      await fresh();
      const waits = sampleWaits(admin);
      Object.assign(seatStatements, { single: 0, grouped: 0, inGroups: 0 });
      timings.clear();
      const regs = await profiled(PROFILE_DIR, 'registration-burst', () =>
        burst(REGISTRATIONS, signUp(`/api/v1/events/${eventId}/registrations`)),
      );
      const waited = await waits();
      const outcome = await dbh.query<{ status: string; n: number; seats: number }>(
        `SELECT status, count(*)::int AS n, sum(party_size)::int AS seats FROM event_registrations
         WHERE event_id = $1 GROUP BY status ORDER BY status`,
        [eventId],
      );
      const seatsTaken = await dbh.query<{ confirmed_seats: number }>(
        'SELECT confirmed_seats FROM events WHERE id = $1',
        [eventId],
      );
      console.log(`\n1) ${REGISTRATIONS} simultaneous registrations for ${SEATS} seats (HTTP, guests)`);
      console.log(
        `   warm-up ${warmup} of each kind, fresh connections per burst ${FRESH_CONNECTIONS ? 'on' : 'off'}; load average now ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
      console.log(
        `   outcome: ${outcome.map((o) => `${o.n} ${o.status}`).join(' / ')}; event.confirmed_seats = ${seatsTaken[0]?.confirmed_seats}`,
      );
      console.log(
        `   HTTP statuses: ${[...regs.statuses].map(([s, n]) => `${n}×${s}`).join(', ')}; connection resets retried: ${regs.retries} (bare: ${bareBurst.retries})`,
      );
      console.log(
        `   target                      p50        p99        req/s   CPU/request  server CPU/request (BENCH_CLIENT=${process.env.BENCH_CLIENT ?? 'thread'})`,
      );
      const row = (name: string, r: Awaited<ReturnType<typeof burst>>) =>
        console.log(
          `   ${name.padEnd(26)} ${ms(r.p50).padStart(9)}  ${ms(r.p99).padStart(9)}  ${r.rps.toFixed(0).padStart(7)}  ${ms(r.cpuPerRequest).padStart(9)}  ${Number.isNaN(r.serverCpuPerRequest) ? '—' : ms(r.serverCpuPerRequest)}`,
        );
      row('bare Hono route (burst)', bareBurst);
      row('bare POST, same body', barePostBurst);
      row('app chain, no route (burst)', chainBurst);
      row('registration (burst)', regs);
      console.log(
        `   database sessions during the burst (pg_stat_activity, ${waited.samples} samples, mean ${waited.meanSessions.toFixed(1)} sessions): ${waited.shares.join(', ')}`,
      );
      console.log(
        `   seat statements: ${seatStatements.single + seatStatements.grouped} for ${REGISTRATIONS} sign-ups (${seatStatements.single} single, ${seatStatements.grouped} grouped holding ${seatStatements.inGroups}; EVENTS_SEAT_BATCH=${process.env.EVENTS_SEAT_BATCH ?? 'on'})`,
      );
      console.log(
        `   statements during the burst (count, total, longest): ${[...timings].map(([k, v]) => `${k} ${v.length}, ${ms(v.reduce((a, b) => a + b, 0))}, ${ms(Math.max(...v))}`).join('; ')}`,
      );
      console.log(
        `   app chain (same POSTs, a problem answer): ${[...chainBurst.statuses].map(([st, n]) => `${n}×${st}`).join(', ')}; its p99 is ${(chainBurst.p99 / Math.max(bareBurst.p99, 0.001)).toFixed(1)}× the bare burst's`,
      );
      console.log(
        `   against the bare POST burst (same requests, a bare route reading the body): chain ${(chainBurst.p99 / Math.max(barePostBurst.p99, 0.001)).toFixed(1)}×, registration ${(regs.p99 / Math.max(barePostBurst.p99, 0.001)).toFixed(1)}×`,
      );
      const ratio = regs.p99 / Math.max(bareBurst.p99, 0.001);
      const confirmed = outcome.find((o) => o.status === 'confirmed')?.n ?? 0;
      console.log(
        `   registration/bare p99 ratio: ${ratio.toFixed(1)}× (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}); confirmed ${confirmed} of ${SEATS} seats (${confirmed === SEATS ? 'exact' : 'WRONG'})`,
      );
      recordEventsResults(
        [bareBurst, barePostBurst, chainBurst, regs],
        [
          'bare Hono route (burst)',
          'bare POST, same body',
          'app chain, no route (burst)',
          'registration (burst)',
        ],
        { confirmed, seats: SEATS, registrations: REGISTRATIONS },
      );
      // Ticket mails: due rows drain after the burst (the in-process mailer, JOB_RUNNER on).
      const mailStart = performance.now();
      const left = await mailsDelivered(eventId, 120_000);
      console.log(
        `   ticket mails: ${left ? `${left} still due after 120 s` : 'all delivered'} ${ms(performance.now() - mailStart)} after the burst`,
      );
    }

    /** Waits until the event's ticket mails are all delivered, or `limit` ms; how many are still due. */
    async function mailsDelivered(id: string, limit: number): Promise<number> {
      const start = performance.now();
      for (;;) {
        const [due] = await dbh.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND ticket_mail_due',
          [id],
        );
        if (!due?.n || performance.now() - start > limit) return due?.n ?? 0;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    async function readsPart() {
      // 10,000 published events over 24 months (the past year and the next), one session each, over the units.
      await seedBenchEvents(dbh, BULK_EVENTS);
      const month = new Date().toISOString().slice(0, 7);
      const reads = [
        await load('bare Hono route', `http://127.0.0.1:${barePort}/`),
        await profiled(PROFILE_DIR, 'month-view', () =>
          load('month view (page)', `${uncached}/events/calendar?month=${month}`),
        ),
      ];
      if (PART !== 'month')
        reads.push(
          await load(
            'month view, one category',
            `${uncached}/events/calendar?month=${month}&category=heritage`,
          ),
          await load('month view, cache on', `${origin}/events/calendar?month=${month}`),
          await load('feed: all (.ics)', `${origin}/feeds/events.ics`),
          await load('feed: one category (.ics)', `${origin}/feeds/categories/heritage.ics`),
          await load('feed: one event (.ics)', `${origin}/feeds/events/${eventId}.ics`),
        );
      console.log(
        `\n2) reads with ${BULK_EVENTS.toLocaleString('en')} published events (${DURATION}s, ${CONNECTIONS} connections)`,
      );
      console.log(
        '   target                      p50        p99        req/s    size     non-2xx  CPU/request',
      );
      for (const r of reads) {
        console.log(
          `   ${r.name.padEnd(26)} ${ms(r.p50).padStart(9)}  ${ms(r.p99).padStart(9)}  ${r.rps.toFixed(0).padStart(7)}  ${`${Math.round(r.size / 1024)} KB`.padStart(7)}  ${String(r.non2xx).padEnd(7)}  ${ms(r.cpuPerRequest).padStart(9)}`,
        );
      }
      const bareRps = reads[0]?.rps ?? 1;
      for (const r of reads.slice(1))
        console.log(`   ${r.name}: ${(bareRps / Math.max(r.rps, 0.001)).toFixed(0)}× slower than bare`);
      const monthRow = reads.find((r) => r.name === 'month view (page)');
      if (monthRow)
        console.log(
          `   month view p99 ${ms(monthRow.p99)}, page cache off (target < 100 ms: ${monthRow.p99 < 100 ? 'met' : 'NOT met'})`,
        );
      recordEventsResults(
        reads,
        reads.map((r) => r.name),
        { events: BULK_EVENTS },
      );
    }

    if (PART !== 'reads' && PART !== 'month') await seatsPart();
    if (PART !== 'burst') await readsPart();
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await dbh.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}

await main();
process.exit(0);

/** BENCH_RESULTS (bench/bench-results.ts): one record per printed row (p50, p99 ms, req/s) with the run's facts. */
function recordEventsResults(
  rows: Array<{ p50: number; p99: number; rps: number }>,
  names: string[],
  facts: Record<string, number>,
) {
  recordBenchResults(
    'events',
    rows.map((r, i) => {
      const label = names[i] ?? `row ${i + 1}`;
      return { key: keyOf(label), label, values: { p50: r.p50, p99: r.p99, rps: r.rps, ...facts } };
    }),
  );
}
