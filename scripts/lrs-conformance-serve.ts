// Serves the xAPI LRS on 127.0.0.1 for the ADL LRS conformance test suite
// (github.com/adlnet/lrs-conformance-test-suite), in a fresh schema of the PostgreSQL database named by
// DATABASE_URL (dropped on exit), with one issued client credential printed for the runner.
// Usage (docs/lrs.md, "Conformance"): DATABASE_URL=postgres://… node scripts/lrs-conformance-serve.ts [port]
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { buildDeps } from '../src/app/build-deps.server.ts';
import { createApp } from '../src/app/create-app.server.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { loadConfig } from '../src/config.server.ts';
import { openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { issueCredential } from '../src/modules/lrs/lrs-credentials.usecases.server.ts';
import { testActor } from '../src/test/actors.ts';

const DB_URL = process.env.DATABASE_URL;
if (!DB_URL) throw new Error('set DATABASE_URL to a PostgreSQL database (a schema is created and dropped)');
const port = Number(process.argv[2] ?? 18_103);
const schema = `lrs_conformance_${randomBytes(4).toString('hex')}`;
const admin = await openDatabase({ kind: 'postgres', url: DB_URL, max: 1 });
await admin.query(`CREATE SCHEMA ${schema}`);
const dbh = await openDatabase({ kind: 'postgres', url: DB_URL, searchPath: schema, max: 5 });
await migrate(dbh);
const config = loadConfig({
  NODE_ENV: 'production',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: DB_URL,
  SESSION_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
});
const deps = buildDeps(config, dbh, createLogger('silent'));
await seedReference(deps);
const root = await dbh.query<{ id: string }>('SELECT id FROM units WHERE parent_id IS NULL LIMIT 1');
const rootId = root[0]?.id as string;
const cred = await issueCredential(deps, testActor([{ role: 'administrator', unitId: rootId }]), {
  name: 'ADL LRS conformance test suite',
  unitId: rootId,
});
const server = serve({ fetch: createApp(deps).fetch, port, hostname: '127.0.0.1' });
console.log(`-e http://127.0.0.1:${port}/xapi -a -u ${cred.key} -p ${cred.secret}`);
const stop = async () => {
  server.close();
  await dbh.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
