// The database of a bench run on PostgreSQL: a schema of its own on BENCH_DATABASE_URL (so runs and tests on the
// same server never meet), migrated, and the app's deps as in production (silent log, no demo data) with the
// reference data seeded. `drop` closes the handle and removes the schema. Also the benches' shared fixtures:
// the bulk events of the month view and the circulation desk's staff member.
import { randomBytes } from 'node:crypto';
import { buildDeps } from '../src/app/build-deps.server.ts';
import type { AppDeps } from '../src/app/deps.types.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { loadConfig } from '../src/config.server.ts';
import { type DbHandle, openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import type { Actor } from '../src/lib/authz.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import type { Desk } from '../src/modules/circulation/circulation.desk.usecases.server.ts';
import { testActor } from '../src/test/actors.ts';

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

/**
 * `count` published events (bulk SQL) spread over 24 months — the past year and the next, counted from the start
 * of this month — one session each, over the three seeded units; then ANALYZE. The data of the month view
 * measured by bench:events and bench/docpath.ts.
 */
export async function seedBenchEvents(dbh: Pick<DbHandle, 'query'>, count: number): Promise<void> {
  await dbh.query(
    `INSERT INTO events (id, unit_id, title, description, category, status, capacity)
     SELECT 'evt_bench' || lpad(g::text, 11, '0'), (SELECT id FROM units WHERE code = CASE g % 3
              WHEN 0 THEN 'thu-vien-tinh' WHEN 1 THEN 'bao-tang-tinh' ELSE 'ttvh-dien-anh' END),
            'Sự kiện số ' || g || ', đọc sách; giao lưu', 'Mô tả sự kiện ' || g,
            (ARRAY['reading','heritage','digital_skills','talk','exhibition_opening','class','other'])[1 + g % 7],
            'published', 50
     FROM generate_series(1, $1::int) g`,
    [count],
  );
  await dbh.query(
    `INSERT INTO event_sessions (id, event_id, starts_at, ends_at)
     SELECT 'evs_bench' || lpad(g::text, 11, '0'), 'evt_bench' || lpad(g::text, 11, '0'),
            date_trunc('month', now()) + (g % 730 - 365) * interval '1 day' + interval '1 hour',
            date_trunc('month', now()) + (g % 730 - 365) * interval '1 day' + interval '3 hours'
     FROM generate_series(1, $1::int) g`,
    [count],
  );
  await dbh.query('ANALYZE events; ANALYZE event_sessions');
}

/** A staff member of the provincial library (thu-vien-tinh) and its desk: the circulation benches' actor. */
export async function provincialDesk(
  deps: AppDeps,
): Promise<{ unit: { id: string }; actor: Actor; desk: Desk }> {
  const unit = await deps.repos.units.byCode(deps.db, 'thu-vien-tinh');
  if (!unit) throw new Error('no provincial library unit');
  const links = await deps.repos.units.parentLinks(deps.db);
  const actor = testActor(
    [{ role: 'unit_staff', unitId: unit.id }],
    Object.fromEntries(links.map((l) => [l.id, l.parentId])),
  );
  return { unit: { id: unit.id }, actor, desk: { unitId: unit.id, placeId: null, routeId: null } };
}
