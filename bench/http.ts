// `npm run bench:http`: HTTP throughput and latency of the real app against two baselines measured in this
// same run, on loopback only, with a bounded duration per target. Prints figures; asserts nothing.
//
// Baselines (served by this process, main thread; autocannon fires from a worker thread):
//   (a) a bare Hono route answering "ok" — the ceiling of the HTTP stack;
//   (b) a minimal React Router page with no data: a one-route data router (createStaticHandler +
//       StaticRouterProvider rendered with react-dom/server) inside a Hono route. It needs no Vite build and no
//       public bench route in the product, yet runs the same React Router matching and React SSR as a page.
//   (b′) plain React renderToString of a trivial <html>, to separate React's cost from React Router's.
// The app (production mode): `node src/server.ts` with NODE_ENV=production, WORKERS=2 (node:cluster) and
// DATABASE_URL pointing to a fresh PostgreSQL database created for this run (from DATABASE_URL or
// TEST_DATABASE_URL) and dropped at the end. Targets: (c) the SSR home page, (d) the signed-in plan task list
// page, (e) GET /api/v1/plan/tasks — both answer their first page (10 of the plan's 30 tasks) since issue 17;
// (d) and (e) are skipped with a note when their pieces are missing.
// (d) repeats one user, path and query, which is what the signed-in page cache (ADR 0013) favours: its answers
// are hits. So that both figures appear, (d0) measures the same page on a second cluster started with
// SIGNED_IN_PAGE_CACHE_TTL_MS=0 (every request renders); BENCH_TARGETS without d0 skips it.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { freePort, freshDatabase, prepareDatabase, signIn, startCluster, stopCluster } from './app-server.ts';
import { recordBenchResults } from './bench-results.ts';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
// 20 connections: the issue 17 targets (p95 < 50 ms for the home page) are stated at 20.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const BUILD_DIR = process.env.RR_BUILD_DIR ?? 'build';
/** BENCH_TARGETS=c,d,e runs only those app targets (the baselines always run). */
const TARGETS = new Set((process.env.BENCH_TARGETS ?? 'c,d,e,d0').split(',').map((t) => t.trim()));
/** BENCH_PROFILE_DIR=dir: the app runs under `node --cpu-prof` and leaves its profiles there (WORKERS=1 advised). */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

interface Figures {
  name: string;
  rps: number;
  p50: number;
  /** autocannon reports no p95: p97.5 is given, an upper bound for it. */
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Average answer size in bytes (body and headers), to tell heavy pages from slow ones. */
  bytes: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // Check the target answers 200 before loading it: a benchmark of error pages measures nothing.
  const probe = await fetch(url, { headers, redirect: 'manual' });
  await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`${name}: ${url} answered ${probe.status}, not 200`);
  const base = { url, headers, connections: CONNECTIONS, workers: 1 };
  await autocannon({ ...base, duration: 1 }); // warm-up (JIT, connection pools, caches)
  const r = await autocannon({ ...base, duration: DURATION });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
  };
}

/** The page both React baselines render: a trivial document, no data. */
function MinimalPage() {
  return createElement(
    'html',
    { lang: 'vi' },
    createElement('head', null, createElement('title', null, 'Suốt Đời')),
    createElement('body', null, createElement('main', null, createElement('h1', null, 'Xin chào'))),
  );
}

function baselineApps() {
  const bare = new Hono();
  bare.get('/', (c) => c.text('ok'));

  const handler = createStaticHandler([{ path: '/', Component: MinimalPage }]);
  const routerPage = new Hono();
  routerPage.get('/', async (c) => {
    const context = await handler.query(c.req.raw);
    if (context instanceof Response) return context;
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
    return c.html(`<!DOCTYPE html>${html}`);
  });

  const reactPage = new Hono();
  reactPage.get('/', (c) => c.html(`<!DOCTYPE html>${renderToString(createElement(MinimalPage))}`));
  return { bare, routerPage, reactPage };
}

async function serveHere(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function printTable(rows: Figures[], a: Figures, b: Figures) {
  const fmt = (n: number, d = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const ratio = (x: number, base: number) => (base > 0 ? `${fmt(x / base, 3)}×` : 'n/a');
  const head = [
    'target',
    'req/s',
    'p50 ms',
    'p97.5 ms',
    'p99 ms',
    'vs (a) Hono',
    'vs (b) minimal RR',
    'KB/answer',
    'non-2xx',
    'errors',
  ];
  const body = rows.map((r) => [
    r.name,
    fmt(r.rps),
    fmt(r.p50, 1),
    fmt(r.p975, 1),
    fmt(r.p99, 1),
    ratio(r.rps, a.rps),
    ratio(r.rps, b.rps),
    fmt(r.bytes / 1024, 1),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('\nratios are req/s of the target divided by req/s of the baseline (1.000× = as fast).');
}

async function main() {
  const baseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  console.log('Suốt Đời HTTP benchmark');
  console.log(
    `node ${process.version}, ${cpus().length} CPU(s), ${DURATION}s per target after a 1s warm-up, ` +
      `${CONNECTIONS} connections, loopback only, autocannon in a worker thread\n`,
  );
  const notes: string[] = [];
  const rows: Figures[] = [];

  const apps = baselineApps();
  for (const [name, app] of [
    ['(a) bare Hono route "ok"', apps.bare],
    ['(b) minimal React Router page', apps.routerPage],
    ["(b') plain React renderToString", apps.reactPage],
  ] as const) {
    const s = await serveHere(app);
    try {
      rows.push(await measure(name, s.url));
    } finally {
      await s.close();
    }
  }

  if (!baseUrl) {
    notes.push('app targets (c)–(e) skipped: set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server');
  } else if (!existsSync(`${BUILD_DIR}/server/index.js`)) {
    notes.push(`app targets skipped: no React Router build in ${BUILD_DIR}/ (run \`npm run build\`)`);
  } else {
    const db = await freshDatabase(baseUrl);
    let child: ChildProcess | undefined;
    try {
      const adminProblem = await prepareDatabase(db.url);
      const port = await freePort();
      child = await startCluster(db.url, port, { workers: WORKERS, profileDir: PROFILE_DIR });
      const base = `http://127.0.0.1:${port}`;
      console.log(
        `app: node src/server.ts, NODE_ENV=production, WORKERS=${WORKERS} (node:cluster), ` +
          `PostgreSQL database ${new URL(db.url).pathname.slice(1)} (fresh, dropped afterwards)\n`,
      );
      if (TARGETS.has('c')) rows.push(await measure('(c) SSR home page /', `${base}/`));
      const cookie = adminProblem ? undefined : await signIn(base);
      if (!TARGETS.has('d') && !TARGETS.has('e')) {
        // only (c) asked for
      } else if (!cookie) {
        notes.push(
          `(d) and (e) skipped: ${adminProblem ?? 'sign-in through /api/auth/sign-in/email failed'}`,
        );
      } else {
        for (const [name, path] of [
          ['(d) signed-in /admin/plan/tasks', '/admin/plan/tasks'],
          ['(e) GET /api/v1/plan/tasks', '/api/v1/plan/tasks'],
        ] as const) {
          if (!TARGETS.has(name.charAt(1))) continue;
          if (name.startsWith('(d)'))
            console.log(
              `load average before (d): ${loadavg()
                .map((l) => l.toFixed(1))
                .join(' ')}`,
            );
          try {
            rows.push(await measure(name, `${base}${path}`, { cookie }));
          } catch (e) {
            notes.push(`${name} skipped: ${(e as Error).message}`);
          }
        }
      }
      if (TARGETS.has('d0') && cookie) {
        // The same page with the signed-in page cache off: every request renders (a second cluster, same data).
        await stopCluster(child);
        child = undefined;
        const port0 = await freePort();
        child = await startCluster(db.url, port0, {
          workers: WORKERS,
          profileDir: PROFILE_DIR,
          env: { SIGNED_IN_PAGE_CACHE_TTL_MS: '0' },
        });
        const base0 = `http://127.0.0.1:${port0}`;
        const cookie0 = await signIn(base0);
        console.log(
          `load average before (d0): ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
        );
        notes.push(
          '(d) repeats one user, path and query: with the signed-in page cache on (the production default) ' +
            'nearly every answer is a cache hit; (d0) is the same page rendered on every request (cache off).',
        );
        if (cookie0)
          rows.push(
            await measure('(d0) same page, signed-in page cache off', `${base0}/admin/plan/tasks`, {
              cookie: cookie0,
            }),
          );
      }
    } finally {
      await stopCluster(child);
      await db.drop().catch((e: Error) => notes.push(`could not drop the bench database: ${e.message}`));
    }
  }

  const [a, b] = rows;
  if (a && b) printTable(rows, a, b);
  for (const n of notes) console.log(`note: ${n}`);
  recordResults(rows, notes);
}

// The React Router build is looked up relative to the repository root.
process.chdir(new URL('..', import.meta.url).pathname);
if (process.argv.includes('--build') || process.env.BENCH_BUILD === 'true') {
  execFileSync('npx', ['react-router', 'build'], { stdio: 'inherit' });
}
await main();

/** BENCH_RESULTS (bench/bench-results.ts): one record per row, keyed by its letter (`a`, `b`, `c`, `d0`…), and the notes. */
function recordResults(rows: Figures[], notes: string[]) {
  recordBenchResults('http', [
    ...rows.map(({ name, ...values }) => ({
      key: /^\(([a-z0-9]+'?)\)/.exec(name)?.[1] ?? name,
      label: name,
      values,
    })),
    ...notes.map((n, i) => ({ key: `note-${i + 1}`, label: n, values: {} })),
  ]);
}
