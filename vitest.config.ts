import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) run once. Integration tests (*.int.test.ts) run on embedded PGlite always and on
// real PostgreSQL when TEST_DATABASE_URL is set (CI sets it). Each integration project's globalSetup rebuilds
// stale pages and migrates and seeds one template database; every test file gets its own copy of it
// (src/test/db-templates.ts). Unit tests need neither.
const globalSetup = ['src/test/global-setup.ts'];
const integration = (name: string, env: Record<string, string>) => ({
  extends: true as const,
  test: {
    name,
    include: ['src/**/*.int.test.{ts,tsx}'],
    env,
    globalSetup,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // One test file per core. Vitest's default for `run` is one core fewer, which on the 2-core CI machine is
    // a single worker: every file of the three projects ran one after another on one core while the other
    // idled (the main process only waits). TEST_WORKERS overrides it (e.g. 1 to debug an ordering problem).
    maxWorkers: Number(process.env.TEST_WORKERS) || Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.*'],
        },
      },
      integration('pglite', { TEST_DB_KIND: 'pglite' }),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres', { TEST_DB_KIND: 'postgres' })] : []),
    ],
  },
});
