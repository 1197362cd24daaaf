// Template databases for integration tests. Migrations and reference seeds run once per test run (vitest
// globalSetup); every test file then gets a private copy: PGlite copies a closed data directory, PostgreSQL
// clones with CREATE DATABASE … TEMPLATE. Copies are named after the run, so teardown drops what a crashed
// file left behind.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../db/client.server.ts';
import { migrate } from '../db/migrate.server.ts';

/** empty: no tables; migrated: every migration applied; seeded: migrated plus the reference seeds. */
export type TemplateLevel = 'empty' | 'migrated' | 'seeded';

export type TestTemplates =
  | { kind: 'pglite'; root: string; dirs: Record<TemplateLevel, string> }
  | { kind: 'postgres'; url: string; prefix: string; names: Record<Exclude<TemplateLevel, 'empty'>, string> };

declare module 'vitest' {
  export interface ProvidedContext {
    /** Provided by src/test/global-setup.ts to the integration projects. */
    testTemplates: TestTemplates | null;
  }
}

export type SeedFn = (dbh: DbHandle) => Promise<void>;

export interface OpenedTestDatabase {
  dbh: DbHandle;
  drop: () => Promise<void>;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

// --- PGlite ------------------------------------------------------------------------------------------

export async function buildPgliteTemplates(seed: SeedFn): Promise<TestTemplates> {
  const root = mkdtempSync(join(tmpdir(), 'suotdoi-pglite-'));
  const dirs = { empty: join(root, 'empty'), migrated: join(root, 'migrated'), seeded: join(root, 'seeded') };
  await (await openDatabase({ kind: 'pglite', dataDir: dirs.empty })).close();
  cpSync(dirs.empty, dirs.migrated, { recursive: true });
  const migrated = await openDatabase({ kind: 'pglite', dataDir: dirs.migrated });
  await migrate(migrated);
  await migrated.close();
  cpSync(dirs.migrated, dirs.seeded, { recursive: true });
  const seeded = await openDatabase({ kind: 'pglite', dataDir: dirs.seeded });
  await seed(seeded);
  await seeded.close();
  return { kind: 'pglite', root, dirs };
}

async function clonePglite(t: Extract<TestTemplates, { kind: 'pglite' }>, level: TemplateLevel) {
  const dir = join(t.root, `file-${hex(6)}`);
  cpSync(t.dirs[level], dir, { recursive: true });
  const dbh = await openDatabase({ kind: 'pglite', dataDir: dir });
  return {
    dbh,
    drop: async () => {
      await dbh.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// --- PostgreSQL --------------------------------------------------------------------------------------

const IDENT = /^[a-z0-9_]+$/;
const MAX_IDENT = 63;

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!IDENT.test(name))
    throw new Error(`TEST_DATABASE_URL must name a database of [a-z0-9_] (got "${name}")`);
  return name;
}

function urlOf(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

const IN_USE = '55006'; // object_in_use: a closing pool's backend still holds the database for a moment
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function retryInUse(fn: () => Promise<unknown>, tries = 100): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await fn();
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== IN_USE || i >= tries) throw e;
      await sleep(50);
    }
  }
}

/** Sibling databases of TEST_DATABASE_URL are named `<its name>_<run>_<what>`, so CI's prefix is kept. */
export async function buildPostgresTemplates(url: string, seed: SeedFn): Promise<TestTemplates> {
  const prefix = `${databaseName(url)}_r${hex(3)}`;
  if (prefix.length + 8 > MAX_IDENT) throw new Error('The TEST_DATABASE_URL database name is too long');
  const names = { migrated: `${prefix}_tm`, seeded: `${prefix}_ts` };
  await withAdmin(url, async (c) => {
    await c.query(`CREATE DATABASE "${names.migrated}"`);
    const migrated = await openDatabase({ kind: 'postgres', url: urlOf(url, names.migrated), max: 2 });
    await migrate(migrated);
    await migrated.close();
    await retryInUse(() => c.query(`CREATE DATABASE "${names.seeded}" TEMPLATE "${names.migrated}"`));
    const seeded = await openDatabase({ kind: 'postgres', url: urlOf(url, names.seeded), max: 2 });
    await seed(seeded);
    await seeded.close();
  });
  return { kind: 'postgres', url, prefix, names };
}

// A copy is not dropped when its file closes it: DROP DATABASE waits for a checkpoint (seconds on a busy
// machine), so the run's teardown drops all copies at once, where concurrent drops share their checkpoints.
async function clonePostgres(t: Extract<TestTemplates, { kind: 'postgres' }>, level: TemplateLevel) {
  const name = `${t.prefix}_f${hex(4)}`;
  await withAdmin(t.url, (admin) =>
    retryInUse(() =>
      admin.query(
        level === 'empty'
          ? `CREATE DATABASE "${name}"`
          : `CREATE DATABASE "${name}" TEMPLATE "${t.names[level]}"`,
      ),
    ),
  );
  const dbh = await openDatabase({ kind: 'postgres', url: urlOf(t.url, name), max: 20 });
  return { dbh, drop: () => dbh.close() };
}

/** Drops every database of this run (the templates and any copy a crashed test file left behind). */
export async function dropPostgresRun(t: Extract<TestTemplates, { kind: 'postgres' }>): Promise<void> {
  await withAdmin(t.url, async (c) => {
    const rows = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname DESC',
      [`${t.prefix}_`],
    );
    const names = rows.rows.map((r) => r.datname);
    const dropNext = async (): Promise<void> => {
      const name = names.shift();
      if (name === undefined) return;
      await withAdmin(t.url, (d) => d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return dropNext();
    };
    await Promise.all([dropNext(), dropNext(), dropNext(), dropNext()]);
  });
}

export function cloneTemplate(t: TestTemplates, level: TemplateLevel): Promise<OpenedTestDatabase> {
  return t.kind === 'pglite' ? clonePglite(t, level) : clonePostgres(t, level);
}

export async function dropTemplates(t: TestTemplates): Promise<void> {
  if (t.kind === 'pglite') rmSync(t.root, { recursive: true, force: true });
  else await dropPostgresRun(t);
}
