// CPU time per request, robust on a shared machine where req/s and latency are not: the app (one worker,
// production mode, a fresh database as in bench/http.ts) and this database's PostgreSQL backends, from
// utime+stime in /proc before and after a fixed number of requests (autocannon, 8 connections, after 500).
// Linux only. `DATABASE_URL=… node bench/http-cpu.ts`; PATHS=/a,/b (default the plan task API), N=requests.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

const dir = process.cwd();
const { freePort, freshDatabase, prepareDatabase, signIn, startCluster, stopCluster } = await import(
  `${dir}/bench/app-server.ts`
);
const base = process.env.DATABASE_URL!;
const N = Number(process.env.N ?? 3000);
const PATHS = (process.env.PATHS ?? '/api/v1/plan/tasks').split(',');
const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
};
const children = (ppid: number) =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(ppid);
      } catch {
        return false;
      }
    });
const db = await freshDatabase(base);
let child: ChildProcess | undefined;
try {
  await prepareDatabase(db.url);
  const port = await freePort();
  const app: ChildProcess = await startCluster(db.url, port, { workers: 1 });
  child = app;
  const url = `http://127.0.0.1:${port}`;
  const cookie = await signIn(url);
  const workers = [app.pid as number, ...children(app.pid as number)];
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  for (const path of PATHS) {
    const opts = { url: url + path, headers: { cookie }, connections: 8, amount: N };
    await autocannon({ ...opts, amount: 500 });
    const pgPids = (
      await c.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows.map((r) => r.pid as number);
    const w0 = workers.reduce((s, p) => s + ticks(p), 0);
    const p0 = pgPids.reduce((s, p) => s + ticks(p), 0);
    const t0 = Date.now();
    const r = await autocannon(opts);
    const w1 = workers.reduce((s, p) => s + ticks(p), 0);
    const p1 = pgPids.reduce((s, p) => s + ticks(p), 0);
    const ms = (x: number) => ((x * 10) / r.requests.total).toFixed(3);
    console.log(
      `${process.env.LABEL ?? dir} ${path}: ${r.requests.total} req, non2xx ${r.non2xx}, node ${ms(w1 - w0)} ms/req, pg ${ms(p1 - p0)} ms/req, ${(r.requests.total / ((Date.now() - t0) / 1000)).toFixed(0)} req/s, load ${readFileSync('/proc/loadavg', 'utf8').slice(0, 14)}`,
    );
  }
  await c.end();
} finally {
  await stopCluster(child);
  await db.drop();
}
