// The server: read config, open the database, migrate (embedded), seed, serve; shut down gracefully.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import type { ServerBuild } from 'react-router';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate, migrationsCurrent } from './db/migrate.ts';
import { seedDemo, seedReference } from './db/seed/index.ts';
import { buildDeps } from './deps.ts';
import { createLogger } from './lib/logger.ts';
import { wireAuth } from './modules/auth/auth.wiring.ts';
import { resumeMarcImports } from './modules/catalogue/catalogue.import.ts';
import { startJobRunner } from './modules/jobs/jobs.runner.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

if (config.workers > 1 && !config.embedded && cluster.isPrimary) {
  await startCluster(config);
} else {
  await startWorker(config);
}

type Demo = Awaited<ReturnType<typeof seedDemo>>;

/** Reference data on every start (idempotent); demo data once. Needs current migrations. */
async function seed(deps: ReturnType<typeof buildDeps>): Promise<Demo> {
  await seedReference(deps);
  return deps.config.seedDemo ? seedDemo(deps) : { created: false };
}

function announce(cfg: typeof config, demo: Demo) {
  console.log(`\nSuốt Đời đang chạy tại / is running at: ${cfg.publicUrl}`);
  console.log(`Dữ liệu / data: ${cfg.embedded ? join(cfg.dataDir, 'db') : 'PostgreSQL (DATABASE_URL)'}`);
  if (demo.adminEmail && demo.adminPassword) {
    console.log('\nTài khoản quản trị demo (chỉ hiện một lần) / demo administrator (shown once):');
    console.log(`  email:    ${demo.adminEmail}`);
    console.log(`  mật khẩu: ${demo.adminPassword}\n`);
  }
}

/**
 * Production on several cores: the primary seeds once, then forks workers that share the port and
 * replaces any worker that dies unexpectedly. Migrations are applied by `npm run migrate` beforehand.
 */
async function startCluster(cfg: typeof config) {
  const logger = createLogger(cfg.logLevel);
  const dbh = await openDatabase({ kind: 'postgres', url: cfg.databaseUrl!, max: 2 });
  let demo: Demo = { created: false };
  if (await migrationsCurrent(dbh).catch(() => false)) {
    const deps = buildDeps(cfg, dbh, logger);
    wireAuth(deps);
    demo = await seed(deps);
  } else {
    logger.warn(
      'Migrations are pending: run `npm run migrate` (workers answer /readyz with 503 until then).',
    );
  }
  await dbh.close();
  let stopping = false;
  let announced = false;
  cluster.on('listening', () => {
    if (announced) return;
    announced = true;
    announce(cfg, demo);
    console.log(`Workers / tiến trình: ${cfg.workers}`);
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    logger.error({ pid: w.process.pid, code, signal }, 'worker exited; starting a replacement');
    cluster.fork();
  });
  for (let i = 0; i < cfg.workers; i++) cluster.fork();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    });
  }
}

async function startWorker(cfg: typeof config) {
  const logger = createLogger(cfg.logLevel);
  const dbh = cfg.databaseUrl
    ? await openDatabase({
        kind: 'postgres',
        url: cfg.databaseUrl,
        onConnectionError: (err, what) =>
          logger.warn({ err: err.message, code: (err as { code?: unknown }).code }, `database: ${what}`),
      })
    : await openDatabase({ kind: 'pglite', dataDir: join(cfg.dataDir, 'db') });
  const primary = cluster.isPrimary;
  if (cfg.embedded) await migrate(dbh);
  else if (!(await migrationsCurrent(dbh).catch(() => false)) && primary) {
    logger.warn('Migrations are pending: run `npm run migrate`.');
  }
  const deps = buildDeps(cfg, dbh, logger);
  const auth = wireAuth(deps);
  let demo: Demo = { created: false };
  if (primary && (cfg.embedded || (await migrationsCurrent(dbh)))) demo = await seed(deps);
  // Unfinished catalogue imports resume where they stopped (one process runs them: jobs are not claimed).
  if (primary || cluster.worker?.id === 1) await resumeMarcImports(deps);

  const buildDir = join(ROOT, process.env.RR_BUILD_DIR ?? 'build');
  const buildFile = join(buildDir, 'server/index.js');
  if (!existsSync(buildFile)) {
    console.error('Chưa build giao diện: chạy `npm run build` (the UI is not built: run `npm run build`).');
    process.exit(1);
  }
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const app = createApp(deps, { build, clientDir: join(buildDir, 'client'), mount: auth.mount });

  const server = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }, () => {
    if (primary) announce(cfg, demo);
  });
  // Background jobs and schedules: every process runs the loop; the database hands each job to one of them.
  const stopJobs = cfg.jobRunner ? startJobRunner(deps) : async () => undefined;

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    server.close(async () => {
      await stopJobs().catch(() => undefined);
      await dbh.close().catch(() => undefined);
      process.exit(0);
    });
    // Keep-alive sockets that stay idle must not hold the process forever.
    setTimeout(() => process.exit(0), 15_000).unref();
    if ('closeIdleConnections' in server)
      (server as { closeIdleConnections: () => void }).closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
