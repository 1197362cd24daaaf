// The database of a bench run on PostgreSQL: a schema of its own on BENCH_DATABASE_URL (so runs and tests on the
// same server never meet), migrated, and the app's deps as in production (silent log, no demo data) with the
// reference data seeded. `drop` closes the handle and removes the schema.
import { randomBytes } from 'node:crypto';
import { buildDeps } from '../src/app/build-deps.server.ts';
import type { AppDeps } from '../src/app/deps.types.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { loadConfig } from '../src/config.server.ts';
import { type DbHandle, openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';

export const BENCH_DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema `bench_<name>_<random>`, opened with `max` connections (not yet migrated). */
export async function openBenchSchema(
  name: string,
  max: number,
): Promise<{ dbh: DbHandle; schema: string; drop: () => Promise<void> }> {
  const schema = `bench_${name}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: BENCH_DB_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dbh = await openDatabase({ kind: 'postgres', url: BENCH_DB_URL, searchPath: schema, max });
  return {
    dbh,
    schema,
    drop: async () => {
      await dbh.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** Migrates the schema and builds the app's deps as in production, reference data seeded; `env` adds settings. */
export async function benchDeps(dbh: DbHandle, env: Record<string, string> = {}): Promise<AppDeps> {
  await migrate(dbh);
  const config = loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: 'http://127.0.0.1',
    DATABASE_URL: BENCH_DB_URL,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...env,
  });
  const deps = buildDeps(config, dbh, createLogger('silent'));
  await seedReference(deps);
  return deps;
}
