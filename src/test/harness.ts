// Builds the real app on a fresh database for one test file: a copy of the run's migrated and seeded template,
// on embedded PGlite or, when TEST_DB_KIND=postgres, a sibling database of TEST_DATABASE_URL dropped afterwards.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { inject } from 'vitest';
import { buildDeps } from '../app/build-deps.server.ts';
import { createApp } from '../app/create-app.server.ts';
import type { AppDeps } from '../app/deps.types.ts';
import type { DbHandle } from '../db/client.server.ts';
import { createLogger } from '../lib/logger.server.ts';
import { cloneTemplate, type OpenedTestDatabase, type TemplateLevel } from './db-templates.ts';
import { TEST_ORIGIN, testConfig } from './test-config.ts';

export { TEST_ORIGIN, testConfig } from './test-config.ts';

/**
 * A private database for one test file, copied from the run's template (see db-templates.ts): `empty` has no
 * tables, `migrated` has every migration applied, `seeded` also has the reference data.
 */
export function openTestDatabase(level: TemplateLevel = 'empty'): Promise<OpenedTestDatabase> {
  const templates = inject('testTemplates');
  if (!templates) throw new Error('openTestDatabase runs in the pglite and postgres test projects only');
  return cloneTemplate(templates, level);
}

/**
 * Puts a copy of the run's migrated and seeded PGlite template at `<dataDir>/db`, where the real server
 * (`node src/server.ts` with DATA_DIR) keeps its database: a server process started on it finds every
 * migration applied and the reference data present, so a test of process behaviour (shutdown, a second
 * server on the same directory) does not pay for initdb, every migration and the seeds in the child.
 * The fresh start on an empty directory keeps its own test (src/server.int.test.ts).
 */
export function seedServerDataDir(dataDir: string): void {
  const templates = inject('testTemplates');
  if (templates?.kind !== 'pglite') throw new Error('seedServerDataDir runs in the pglite test project only');
  cpSync(templates.dirs.seeded, join(dataDir, 'db'), { recursive: true });
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
  const { dbh, drop } = await openTestDatabase(opts.seed === false ? 'migrated' : 'seeded');
  const deps = buildDeps(testConfig(opts.config), dbh, createLogger('silent'));
  const app = createApp(deps, { build: await loadBuild() });
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) headers.set('origin', TEST_ORIGIN);
    return Promise.resolve(app.request(`${TEST_ORIGIN}${path}`, { ...init, headers }));
  };
  return { deps, app, dbh, request, close: drop };
}
