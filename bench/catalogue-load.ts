// The catalogue benches' data: the database they run on (PGlite in memory, or a fresh or kept PostgreSQL
// schema), the app's deps with an administrator, the generated records loaded through the repository, and the
// ISO 2709 file imported (see catalogue.ts and marc-import.ts; plan.ts opens its database here too).
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeps } from '../src/app/build-deps.server.ts';
import type { AppDeps } from '../src/app/deps.types.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { type DbHandle, openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import type { Actor } from '../src/lib/authz.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { generator } from '../src/modules/catalogue/catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../src/modules/catalogue/catalogue.repository.server.ts';
import { generatedRecord } from '../src/modules/catalogue/catalogue.seed.server.ts';
import { generatedMarcRecord } from '../src/modules/catalogue/marc/generated-marc.ts';
import { testActor } from '../src/test/actors.ts';
import { testConfig } from '../src/test/harness.ts';
import { commonTitle, lcg } from './catalogue-mix.ts';

export interface BenchDbOptions {
  db?: string | undefined;
  /** PostgreSQL only: a kept schema to reuse (skips the load). */
  schema?: string | undefined;
  /** PostgreSQL only: keep the schema after the run. */
  keep?: boolean | undefined;
  /** PostgreSQL only: connections of the handle (default 4). */
  max?: number | undefined;
}

export async function openBenchDb(
  args: BenchDbOptions,
): Promise<{ dbh: DbHandle; done: () => Promise<void>; label: string }> {
  if (args.db === 'postgres') {
    const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('--db postgres needs DATABASE_URL or TEST_DATABASE_URL');
    const schema = args.schema ?? `bench_${randomBytes(4).toString('hex')}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('--schema: lower-case letters, digits and _');
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const dbh = await openDatabase({ kind: 'postgres', url, searchPath: schema, max: args.max ?? 4 });
    return {
      dbh,
      label: `PostgreSQL (${schema}${args.keep ? ', kept' : ''})`,
      done: async () => {
        await dbh.close();
        if (args.keep) console.log(`kept schema ${schema} (reuse with --schema ${schema})`);
        else await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const dbh = await openDatabase({ kind: 'pglite' });
  return { dbh, label: 'PGlite (in memory)', done: () => dbh.close() };
}

/**
 * Migrates the database and builds the app's deps (test config, files in a new temporary folder, silent log)
 * with the reference data seeded; answers them with the units that hold records and an administrator of the root.
 */
export async function catalogueBenchDeps(
  dbh: DbHandle,
  name: string,
): Promise<{ deps: AppDeps; holders: string[]; admin: Actor }> {
  await migrate(dbh);
  const deps = buildDeps(
    testConfig({ DATA_DIR: await mkdtemp(join(tmpdir(), `bench-${name}-`)) }),
    dbh,
    createLogger('silent'),
  );
  await seedReference(deps);
  const units = await dbh.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM units');
  const holders = units.filter((u) => u.parent_id !== null).map((u) => u.id);
  const root = units.find((u) => u.parent_id === null)?.id ?? '';
  const admin = testActor(
    [{ role: 'administrator', unitId: root }],
    Object.fromEntries(units.map((u) => [u.id, u.parent_id])),
  );
  return { deps, holders, admin };
}

/**
 * Loads `size` generated records (generator(2030), published unless index % 50 === 0) through the repository —
 * the import path's statements, without MARC parsing — and then `common` records with common-word titles.
 * Records a reused schema already holds are not loaded again. Answers how many were inserted.
 */
export async function loadRecords(
  deps: AppDeps,
  dbh: DbHandle,
  holders: readonly string[],
  SIZE: number,
  COMMON: number,
): Promise<number> {
  let inserted = 0;
  const next = generator(2030);
  const [{ n: existing } = { n: 0 }] = await dbh.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM catalogue_records',
  );
  if (existing > 0) console.log(`  ${existing.toLocaleString('en')} records already there (reused schema)`);
  for (let done = Math.min(existing, SIZE); done < SIZE; ) {
    const n = Math.min(2000, SIZE - done);
    const records: RecordValues[] = [];
    const holdings: HoldingValues[] = [];
    for (let i = 0; i < n; i++) {
      const unitId = holders[(done + i) % holders.length] as string;
      const built = generatedRecord(next(), unitId, {
        published: (done + i) % 50 !== 0,
        description: null,
        details: {},
      });
      records.push(built.record);
      holdings.push(built.holding);
    }
    await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, records, holdings));
    done += n;
    inserted += n;
    if (done % 100_000 === 0) console.log(`  loaded ${done.toLocaleString('en')}`);
  }
  if (COMMON > 0) {
    const [{ n: have } = { n: 0 }] = await dbh.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM catalogue_records',
    );
    const r = lcg(1717);
    const extra = generator(4242);
    for (let done = 0; done < COMMON; ) {
      const n = Math.min(2000, COMMON - done);
      const records: RecordValues[] = [];
      const holdings: HoldingValues[] = [];
      for (let i = 0; i < n; i++) {
        const title = commonTitle(r);
        const built = generatedRecord(extra(), holders[(done + i) % holders.length] as string, {
          published: true,
          description: null,
          details: {},
        });
        records.push({ ...built.record, title });
        holdings.push(built.holding);
      }
      if (have < SIZE + done + n) {
        await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, records, holdings));
        inserted += n;
      }
      done += n;
    }
  }
  return inserted;
}

/** Writes `count` generated records (generator(77)) as one ISO 2709 file in a new temporary folder. */
export async function writeMarcFile(count: number): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-marc-'));
  const file = join(dir, 'import.mrc');
  const gen = generator(77);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const g = gen();
    chunks.push(generatedMarcRecord(g, `B${i}`));
  }
  await writeFile(file, chunks);
  return { dir, file };
}
