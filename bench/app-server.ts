// The app under test for the benchmarks: a fresh PostgreSQL database (dropped afterwards), migrated and seeded,
// with one signed-in administrator; `node src/server.ts` in production mode on a loopback port.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** A fresh database on the given server, dropped at the end. */
export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
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
export async function prepareDatabase(url: string): Promise<string | undefined> {
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

export interface StartOptions {
  workers: number;
  /** Run the app under `node --cpu-prof`, leaving its profiles in this directory. */
  profileDir?: string | undefined;
  /** Seed the demo data (records, events, places) on start. */
  seedDemo?: boolean;
  /** Extra environment for the app (e.g. a cache turned off). */
  env?: Record<string, string>;
}

export async function startCluster(url: string, port: number, opts: StartOptions): Promise<ChildProcess> {
  const WORKERS = opts.workers;
  const profile = opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [];
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
      SEED_DEMO: opts.seedDemo ? 'true' : 'false',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...opts.env,
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

export async function signIn(base: string): Promise<string | undefined> {
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

/** Stops the app (SIGTERM, then SIGKILL after 10 s). */
export async function stopCluster(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
