// The measuring tools of `npm run bench:events` (bench/events.ts): a burst of simultaneous requests, an
// autocannon load, a loopback server for a Hono app, pg_stat_activity sampling and an optional CPU profile.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createAdaptorServer } from '@hono/node-server';
import autocannon from 'autocannon';
import type { openDatabase } from '../src/db/client.server.ts';
import { freePort } from './app-server.ts';

/** Runs `work` under the inspector's CPU profiler when `dir` (BENCH_PROFILE_DIR) is set; writes `<dir>/<name>.cpuprofile`. */
export async function profiled<T>(dir: string | undefined, name: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Samples pg_stat_activity of this database until stopped: how often a session was seen in each state / wait
 * event (the bench's own sampling connection left out).
 */
export function sampleWaits(db: Awaited<ReturnType<typeof openDatabase>>) {
  const seen = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await db.query<{ k: string; n: number }>(
        `SELECT coalesce(state, '?') || coalesce(' ' || wait_event_type || ':' || wait_event, '') AS k,
                count(*)::int AS n
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND backend_type = 'client backend' GROUP BY 1`,
      );
      samples++;
      for (const r of rows) seen.set(r.k, (seen.get(r.k) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const total = [...seen.values()].reduce((a, b) => a + b, 0) || 1;
    return {
      samples,
      shares: [...seen]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${((100 * n) / total).toFixed(0)}%`),
      meanSessions: total / Math.max(samples, 1),
    };
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Serves a Hono app on loopback with a listen backlog deep enough for 1,000 simultaneous connects. */
export async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  const port = await freePort();
  const server = createAdaptorServer({ fetch });
  await new Promise<void>((resolve) => server.listen({ port, host: '127.0.0.1', backlog: 4096 }, resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a burst sends: a GET of `url`, or (`signUp`) the bench's guest sign-up JSON POSTed to it. */
export interface BurstTarget {
  url: string;
  signUp?: boolean;
}

function send(target: BurstTarget, i: number): Promise<Response> {
  if (!target.signUp) return fetch(target.url);
  return fetch(target.url, {
    method: 'POST',
    // Browsers on the site send PUBLIC_URL's origin, the only one the CSRF check accepts.
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
    body: JSON.stringify({
      name: `Người đăng ký ${i + 1}`,
      email: `dk${i + 1}@example.vn`,
      consent: true,
      idempotencyKey: `bench-${i}-${randomBytes(4).toString('hex')}`,
    }),
  });
}

/**
 * Fires `n` requests at once, from this thread; latency of each from just before its first send to the end of
 * its body, sorted. A connection reset (the loopback refusing a burst of connects on a loaded machine) is
 * retried with the same request (same idempotency key, so a registration that did land is not doubled), and
 * counted.
 */
export async function fire(n: number, target: BurstTarget) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let retries = 0;
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t0 = performance.now();
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await send(target, i);
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          break;
        } catch (e) {
          if (attempt >= 5) throw e;
          retries++;
        }
      }
      latencies.push(performance.now() - t0);
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, statuses, retries };
}

/**
 * A burst of `n` simultaneous requests (see `fire`). With BENCH_CLIENT=worker the requests are sent from a
 * worker thread, so this thread's CPU time is the server's alone (`serverCpuPerRequest`); by default they are
 * sent from this thread as before, and that figure is not known (NaN).
 */
export async function burst(n: number, target: BurstTarget) {
  const inWorker = process.env.BENCH_CLIENT === 'worker';
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const thread0 = process.threadCpuUsage();
  const fired = inWorker
    ? await new Promise<Awaited<ReturnType<typeof fire>>>((resolve, reject) => {
        const w = new Worker(new URL('./events-burst-client.ts', import.meta.url), {
          workerData: { n, target },
        });
        w.once('message', resolve);
        w.once('error', reject);
      })
    : await fire(n, target);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const thread = process.threadCpuUsage(thread0);
  const { latencies } = fired;
  return {
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    rps: (n / wall) * 1000,
    wall,
    // This process's CPU (server and client alike) per request: steadier than latency on a shared machine.
    cpuPerRequest: (cpu.user + cpu.system) / 1000 / n,
    serverCpuPerRequest: inWorker ? (thread.user + thread.system) / 1000 / n : Number.NaN,
    statuses: fired.statuses,
    retries: fired.retries,
  };
}

/** `url` under autocannon for `duration` seconds over `connections` connections, after a one-second warm-up. */
export async function load(
  name: string,
  url: string,
  { connections, duration }: { connections: number; duration: number },
) {
  const probe = await fetch(url);
  const size = (await probe.arrayBuffer()).byteLength;
  if (probe.status !== 200) throw new Error(`${name}: ${url} answered ${probe.status}`);
  const base = { url, connections, workers: 1 };
  await autocannon({ ...base, duration: 1 });
  const cpu0 = process.cpuUsage();
  const r = await autocannon({ ...base, duration });
  const cpu = process.cpuUsage(cpu0);
  // This process's CPU (server and autocannon alike) per request: steadier than latency on a shared machine.
  const cpuPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(r.requests.total, 1);
  return {
    name,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    non2xx: r.non2xx,
    size,
    cpuPerRequest,
  };
}
