// `node bench/docpath.ts` (NODE_ENV=production): server CPU per uncached document render over loopback HTTP (the
// app served by @hono/node-server in this process, as in production; autocannon in a child process, so this
// process's CPU is the server's alone), for a few public pages that pay the shared document path (root and language layouts, the site
// shell, React Router's per-request work). A fresh schema on BENCH_DATABASE_URL (dropped at the end) with the
// reference seed and BENCH_EVENTS events (default 10,000, as bench:events) so the busy month is the real one.
// Prints CPU ms per request per target; BENCH_PROFILE_DIR=dir writes one .cpuprofile per target.
// BENCH_N (requests per target, default 400), BENCH_C (concurrency, default 4), BENCH_ROUNDS (default 2).
// Each round measures every target twice, alternating React Router's own ServerRouter and stream (`old`,
// DOCUMENT_RENDER=react-router) and the route objects built once with a string render (`new`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { createApp } from '../src/app/create-app.server.ts';
import { documentRender } from '../src/http/document-router.server.ts';
import { benchDeps, openBenchSchema, seedBenchEvents } from './bench-db.ts';
import { listen } from './events-measure.ts';

const BUILD_DIR = process.env.RR_BUILD_DIR ?? 'build';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const N = Number(process.env.BENCH_N ?? 400);
const C = Number(process.env.BENCH_C ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/** BENCH_ENCODING=br: the client asks for compressed answers, as browsers do (autocannon alone asks for none). */
const ENCODING = process.env.BENCH_ENCODING ?? '';

const buildFile = join(process.cwd(), BUILD_DIR, 'server/index.js');
if (!existsSync(buildFile)) throw new Error(`no page build at ${buildFile}: run npm run build first`);
const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
const { dbh, drop } = await openBenchSchema('docpath', 10);
try {
  const deps = await benchDeps(dbh, { PAGE_CACHE_TTL_MS: '0' });
  await seedBenchEvents(dbh, EVENTS);
  const app = createApp(deps, { build });
  const month = new Date().toISOString().slice(0, 7);
  const targets = (
    process.env.BENCH_PATHS ??
    `/events/calendar?month=2031-01,/events/calendar?month=${month},/en/events/calendar?month=2031-01,/contact,/places`
  ).split(',');

  const server = await listen(app.fetch);
  // The client: autocannon in a child process, a fixed number of requests over C connections.
  const client = `import autocannon from 'autocannon';
    const [url, amount, connections, encoding] = process.argv.slice(1);
    const headers = encoding ? { 'accept-encoding': encoding } : {};
    const r = await autocannon({ url, amount: Number(amount), connections: Number(connections), headers });
    if (r.non2xx || r.errors) { console.error('non-2xx', r.non2xx, 'errors', r.errors); process.exit(1); }
    console.log(JSON.stringify({ p50: r.latency.p50, p99: r.latency.p99, bytes: r.throughput.total / r.requests.total }));`;
  function run(path: string, n: number): Promise<{ p50: number; p99: number; bytes: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          client,
          `http://127.0.0.1:${server.port}${path}`,
          String(n),
          String(C),
          ENCODING,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() },
      );
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.on('exit', (code) =>
        code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${path}: client exited ${code}`)),
      );
    });
  }

  console.log(`load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const path of targets)
      for (const mode of ['old', 'new'] as const) {
        documentRender.reactRouter = mode === 'old';
        await run(path, 50); // warm-up
        const session = PROFILE_DIR && round === 1 ? new Session() : null;
        if (session) {
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: 200 });
          await session.post('Profiler.start');
        }
        const cpu0 = process.cpuUsage();
        const r = await run(path, N);
        const cpu = process.cpuUsage(cpu0);
        if (session && PROFILE_DIR) {
          const { profile } = await session.post('Profiler.stop');
          mkdirSync(PROFILE_DIR, { recursive: true });
          const name = `${mode}${path.replace(/[^a-z0-9]+/gi, '_')}`;
          writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
          session.disconnect();
        }
        console.log(
          `round ${round} ${mode}  ${path.padEnd(40)} ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms CPU/req  p50 ${r.p50} p99 ${r.p99} ms  ${Math.round(r.bytes / 1024)} KB`,
        );
      }
  }
  console.log(`load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
  await server.close();
} finally {
  await drop();
}
process.exit(0);
