import { openDatabase } from './src/db/client.ts';
import { migrate } from './src/db/migrate.ts';
import { seedReference } from './src/db/seed/index.ts';
import { buildDeps } from './src/deps.ts';
import { createLogger } from './src/lib/logger.ts';
import { generator } from './src/modules/catalogue/catalogue.demo-data.ts';
import { generatedRecord } from './src/modules/catalogue/catalogue.seed.ts';
import { testConfig } from './src/test/harness.ts';
const dbh = await openDatabase({ kind: 'pglite' });
await migrate(dbh);
const deps = buildDeps(testConfig(), dbh, createLogger('silent'));
await seedReference(deps);
const units = await dbh.query<{ id: string }>('SELECT id FROM units WHERE parent_id IS NOT NULL');
const next = generator(1);
async function load(n: number) {
  const t = performance.now();
  for (let b = 0; b < n / 1000; b++) {
    const recs = [], hs = [];
    for (let i = 0; i < 1000; i++) { const g = generatedRecord(next(), units[i % units.length]!.id, { published: true, description: null, details: {} }); recs.push(g.record); hs.push(g.holding); }
    await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, recs, hs));
  }
  return performance.now() - t;
}
await load(2000);
for (let r = 0; r < 2; r++) {
  const on = await load(6000);
  await dbh.query('ALTER TABLE catalogue_records DISABLE TRIGGER USER');
  await dbh.query('ALTER TABLE catalogue_holdings DISABLE TRIGGER USER');
  const off = await load(6000);
  await dbh.query('ALTER TABLE catalogue_records ENABLE TRIGGER USER');
  await dbh.query('ALTER TABLE catalogue_holdings ENABLE TRIGGER USER');
  console.log(`with OAI triggers ${on.toFixed(0)} ms, without ${off.toFixed(0)} ms → overhead ${((on / off - 1) * 100).toFixed(0)}%`);
}
await dbh.close();
