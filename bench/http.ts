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
// page, (e) GET /api/v1/plan/tasks; (d) and (e) are skipped with a note when their pieces are missing.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
// 20 connections: the issue 17 targets (p95 < 50 ms for the home page) are stated at 20.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const BUILD_DIR = process.env.RR_BUILD_DIR ?? 'build';
/** BENCH_TARGETS=c,d,e runs only those app targets (the baselines always run). */
const TARGETS = new Set((process.env.BENCH_TARGETS ?? 'c,d,e').split(',').map((t) => t.trim()));
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
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

/** A fresh database on the given server, dropped at the end. */
async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `suotdoi_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const SESSION_SECRET = randomBytes(32).toString('base64url');
const ADMIN_EMAIL = 'bench-admin@example.vn';
const ADMIN_PASSWORD = 'Thư viện lưu động 2030 bench';

/** Migrates, seeds reference data and creates one administrator, in-process, before the cluster starts. */
async function prepareDatabase(url: string): Promise<string | undefined> {
  const { loadConfig } = await import('../src/config.server.ts');
  const { openDatabase } = await import('../src/db/client.server.ts');
  const { migrate } = await import('../src/db/migrate.server.ts');
  const { seedReference } = await import('../src/app/seeds.server.ts');
  const { buildDeps } = await import('../src/app/build-deps.server.ts');
  const { createLogger } = await import('../src/lib/logger.server.ts');
  const config = loadConfig({
    DATABASE_URL: url,
    SESSION_SECRET,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  });
  const dbh = await openDatabase({ kind: 'postgres', url, max: 2 });
  try {
    await migrate(dbh);
    const deps = buildDeps(config, dbh, createLogger('silent'));
    await seedReference(deps);
    try {
      const { createUserWithPassword } = await import('../src/modules/auth/auth.users.server.ts');
      const { ROOT_UNIT_CODE } = await import('../src/modules/units/units.seed.server.ts');
      const { id } = await createUserWithPassword(deps as Parameters<typeof createUserWithPassword>[0], {
        email: ADMIN_EMAIL,
        name: 'Quản trị đo hiệu năng',
        password: ADMIN_PASSWORD,
      });
      const repos = deps.repos as unknown as {
        units: { byCode(db: unknown, code: string): Promise<{ id: string } | undefined> };
        access: {
          insertGrant(db: unknown, g: Record<string, unknown>): Promise<unknown>;
        };
      };
      const root = await repos.units.byCode(deps.db, ROOT_UNIT_CODE);
      if (!root) return 'the root unit was not seeded';
      await repos.access.insertGrant(deps.db, {
        userId: id,
        role: 'administrator',
        unitId: root.id,
        grantedBy: null,
        at: new Date(),
      });
      return undefined;
    } catch (e) {
      return `could not create a signed-in administrator (${(e as Error).message})`;
    }
  } finally {
    await dbh.close();
  }
}

async function startCluster(url: string, port: number): Promise<ChildProcess> {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, 'src/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SESSION_SECRET,
      WORKERS: String(WORKERS),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    },
    // Request logs are produced (as in production) and discarded; errors still reach the terminal.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  let ok = 0;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      ok = res.status === 200 ? ok + 1 : 0;
      if (ok >= WORKERS * 3) return child;
    } catch {
      ok = 0;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the app did not become ready within 60 s');
}

async function signIn(base: string): Promise<string | undefined> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) return undefined;
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]?.trim() ?? '')
    .filter((pair) => pair && !pair.endsWith('='))
    .join('; ');
  return cookie || undefined;
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
      child = await startCluster(db.url, port);
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
          try {
            rows.push(await measure(name, `${base}${path}`, { cookie }));
          } catch (e) {
            notes.push(`${name} skipped: ${(e as Error).message}`);
          }
        }
      }
    } finally {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child?.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await db.drop().catch((e: Error) => notes.push(`could not drop the bench database: ${e.message}`));
    }
  }

  const [a, b] = rows;
  if (a && b) printTable(rows, a, b);
  for (const n of notes) console.log(`note: ${n}`);
}

// The React Router build is looked up relative to the repository root.
process.chdir(new URL('..', import.meta.url).pathname);
if (process.argv.includes('--build') || process.env.BENCH_BUILD === 'true') {
  execFileSync('npx', ['react-router', 'build'], { stdio: 'inherit' });
}
await main();
