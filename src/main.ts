// The server: read config, open the database, migrate (embedded), seed, serve; shut down gracefully.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { buildDeps } from './app/build-deps.server.ts';
import { createApp } from './app/create-app.server.ts';
import { seedDemo, seedReference } from './app/seeds.server.ts';
import { ConfigError, loadConfig, serverConfigProblems } from './config.server.ts';
import { openDatabase } from './db/client.server.ts';
import { migrate, migrationsCurrent } from './db/migrate.server.ts';
import { type DrainableServer, serveDrainable } from './http/drain.server.ts';
import { createLogger } from './lib/logger.server.ts';
import { startJobRunner } from './modules/jobs/jobs.runner.server.ts';
import { checkWritableDir, lockDataDir } from './ops/data-dir.server.ts';
import { describeStartupError, type StartupContext } from './ops/startup-errors.server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A shutdown that has not finished after this long exits anyway (code 1). */
const SHUTDOWN_FORCE_MS = 15_000;

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
  const problems = serverConfigProblems(config);
  if (problems.length) throw new ConfigError(problems);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  // Embedded mode writes its session secret into DATA_DIR while reading the configuration.
  failStart(e, { dataDir: resolve(process.env.DATA_DIR || './data') });
}

try {
  if (config.workers > 1 && !config.embedded && cluster.isPrimary) await startCluster(config);
  else await startWorker(config);
} catch (e) {
  failStart(e, startupContext(config));
}

function startupContext(cfg: typeof config): StartupContext {
  return {
    dataDir: cfg.embedded ? join(cfg.dataDir, 'db') : undefined,
    databaseUrl: cfg.databaseUrl,
    port: cfg.port,
    host: cfg.host,
  };
}

/** A start-up failure: one clear line (src/ops/startup-errors.ts), exit code 1. */
function failStart(err: unknown, ctx: StartupContext): never {
  console.error(describeStartupError(err, ctx));
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(err);
  process.exit(1);
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
  if (!cfg.publicUrlSet)
    console.log(
      `Liên kết trong thư, nguồn tin và OAI dùng ${cfg.publicUrl} (PUBLIC_URL chưa đặt) / links in mail, feeds and OAI use ${cfg.publicUrl} (PUBLIC_URL not set)`,
    );
  if (!cfg.oai.adminEmail)
    console.log(
      'OAI-PMH tạm ngừng: đặt OAI_ADMIN_EMAIL hoặc SMTP_FROM có địa chỉ thật / OAI-PMH unavailable: set OAI_ADMIN_EMAIL or a real SMTP_FROM address',
    );
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
    demo = await seed(deps);
  } else {
    logger.warn(
      'Migrations are pending: run `npm run migrate` (workers answer /readyz with 503 until then).',
    );
  }
  await dbh.close();
  let stopping = false;
  let announced = false;
  let failedExits = 0;
  cluster.on('listening', () => {
    if (announced) return;
    announced = true;
    announce(cfg, demo);
    console.log(`Workers / tiến trình: ${cfg.workers}`);
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (code !== 0) failedExits++;
      // Every worker drained and ended: the primary ends with them (1 if any of them had to be forced).
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failedExits ? 1 : 0);
      return;
    }
    logger.error({ pid: w.process.pid, code, signal }, 'worker exited; starting a replacement');
    cluster.fork();
  });
  for (let i = 0; i < cfg.workers; i++) cluster.fork();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      // The signal itself, not worker.kill() (which disconnects first and closes the worker's server
      // abruptly): each worker drains its own requests (src/http/drain.ts) and exits.
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(1), SHUTDOWN_FORCE_MS + 2_000).unref();
    });
  }
}

async function startWorker(cfg: typeof config) {
  const logger = createLogger(cfg.logLevel);
  if (cfg.embedded) {
    // Before PGlite touches it: a writable directory that no other running server uses.
    checkWritableDir(join(cfg.dataDir, 'db'));
    lockDataDir(cfg.dataDir);
  }
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
  let demo: Demo = { created: false };
  if (primary && (cfg.embedded || (await migrationsCurrent(dbh)))) demo = await seed(deps);

  const buildDir = join(ROOT, process.env.RR_BUILD_DIR ?? 'build');
  const buildFile = join(buildDir, 'server/index.js');
  if (!existsSync(buildFile)) {
    console.error('Chưa build giao diện: chạy `npm run build` (the UI is not built: run `npm run build`).');
    process.exit(1);
  }
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  let http: DrainableServer | undefined;
  const app = createApp(deps, {
    build,
    clientDir: join(buildDir, 'client'),
    isDraining: () => http?.isDraining() ?? false,
  });

  http = serveDrainable({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }, () => {
    if (primary) announce(cfg, demo);
  });
  const server = http.server;
  // Background jobs and schedules: every process runs the loop; the database hands each job to one of them.
  const stopJobs = cfg.jobRunner ? startJobRunner(deps) : async () => undefined;

  let stopping = false;
  /**
   * Drain (src/http/drain.ts): stop accepting, /readyz 503, `Connection: close` on every answer, wait for
   * the requests in flight; then stop the jobs, then close the database. Exit 0 when all of it ended in
   * time; a hung request or job makes it exit 1 after SHUTDOWN_FORCE_MS.
   */
  const shutdown = async (signal: string) => {
    if (stopping || !http) return;
    stopping = true;
    logger.info({ signal, inFlight: http.inFlight() }, 'shutting down: draining requests in flight');
    setTimeout(() => {
      logger.error({ inFlight: http?.inFlight() }, 'shutdown took too long: forced exit');
      process.exit(1);
    }, SHUTDOWN_FORCE_MS).unref();
    const drained = await http.drain({ timeoutMs: SHUTDOWN_FORCE_MS - 3_000 });
    await stopJobs().catch((err: unknown) => logger.error({ err }, 'stopping jobs failed'));
    await dbh.close().catch(() => undefined);
    process.exit(drained ? 0 : 1);
  };
  server.on('error', (err) => failStart(err, startupContext(cfg)));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
