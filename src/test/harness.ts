// Builds the real app on a fresh database for one test file: embedded PGlite (in memory) or, when
// TEST_DB_KIND=postgres, a fresh schema on TEST_DATABASE_URL dropped afterwards.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { buildDeps } from '../app/build-deps.server.ts';
import { createApp } from '../app/create-app.server.ts';
import type { AppDeps } from '../app/deps.types.ts';
import { seedReference } from '../app/seeds.server.ts';
import { type Config, loadConfig } from '../config.server.ts';
import { type DbHandle, openDatabase } from '../db/client.server.ts';
import { migrate } from '../db/migrate.server.ts';
import { createLogger } from '../lib/logger.server.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    PUBLIC_URL: TEST_ORIGIN,
    DATABASE_URL: 'postgres://unused@localhost/unused',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // Uploaded files of a test go to a throwaway directory, never into ./data.
    DATA_DIR: join(tmpdir(), `suotdoi-test-${randomBytes(6).toString('hex')}`),
    ...overrides,
  });
}

export async function openTestDatabase(): Promise<{ dbh: DbHandle; drop: () => Promise<void> }> {
  if (process.env.TEST_DB_KIND === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres test project');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const dbh = await openDatabase({ kind: 'postgres', url, searchPath: schema, max: 20 });
    return {
      dbh,
      drop: async () => {
        await dbh.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const dbh = await openDatabase({ kind: 'pglite' });
  return { dbh, drop: () => dbh.close() };
}

let buildPromise: Promise<ServerBuild> | undefined;
export function loadBuild(): Promise<ServerBuild> {
  const dir = process.env.RR_BUILD_DIR ?? 'build';
  buildPromise ??= import(
    pathToFileURL(join(process.cwd(), dir, 'server/index.js')).href
  ) as Promise<ServerBuild>;
  return buildPromise;
}

export interface TestContext {
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  dbh: DbHandle;
  /** Sends a request to the app as a browser on our own origin would (Origin header set on writes). */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

export async function createTestContext(
  opts: { config?: Record<string, string>; seed?: boolean } = {},
): Promise<TestContext> {
  const { dbh, drop } = await openTestDatabase();
  await migrate(dbh);
  const deps = buildDeps(testConfig(opts.config), dbh, createLogger('silent'));
  if (opts.seed !== false) await seedReference(deps);
  const app = createApp(deps, { build: await loadBuild() });
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) headers.set('origin', TEST_ORIGIN);
    return Promise.resolve(app.request(`${TEST_ORIGIN}${path}`, { ...init, headers }));
  };
  return { deps, app, dbh, request, close: drop };
}
