// `npm run bench:marc -- [--db pglite|postgres] [--size 100000] [--import 20000] [--rounds 2] [--variants 0176,row,bulk]
//   [--keep] [--schema bench_x]`
// MARC (ISO 2709) import records/s with `--size` records already loaded, for each variant in the same run,
// printed as a ratio to the first:
//   gin      the full-text GIN index the search no longer reads put back (the "before" of migration 0106);
//   0176     row by row with the insert trigger as migration 0176 left it (the path before 0185);
//   nopairs  0176 without the title pairs of migration 0152 (their import cost);
//   vector   0176 with the pairs by 0152's rule (from the search vector);
//   0185     row by row with 0185's trigger (postings and pairs inserted in key order);
//   row      row by row with the current trigger (0191: unsorted again), the file read in the import's thread;
//   worker   `row` with the file read and prepared in a worker thread (ADR 0007 addendum 7);
//   bulk     the bulk path of 0185: postings and pairs queued, built set-wise and sorted (time includes it);
//   bulkworker  `bulk` read in a worker thread.
// Plus a bare multi-row INSERT of the same rows into an unindexed table without triggers (the ceiling). The
// order of the variants turns every round, so a loaded machine slows all alike. Prints figures; asserts
// nothing. PostgreSQL: DATABASE_URL or TEST_DATABASE_URL; a fresh schema is created for the run and dropped.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// The app's module list first (see bench/catalogue.ts): the catalogue's modules resolve their import cycle only
// from the composition root's side.
import '../src/app/build-deps.server.ts';
import { generator } from '../src/modules/catalogue/catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../src/modules/catalogue/catalogue.repository.server.ts';
import { generatedRecord } from '../src/modules/catalogue/catalogue.seed.server.ts';
import { generatedMarcRecord } from '../src/modules/catalogue/marc/generated-marc.ts';
import { runMarcImport, startMarcImport } from '../src/modules/catalogue/marc/import.server.ts';
import { recordBenchResults } from './bench-results.ts';
import { catalogueBenchDeps, openBenchDb } from './catalogue-load.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'pglite' },
    import: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '2' },
    // gin, 0176, nopairs, vector, row, bulk (see VARIANTS); ratios are against the first.
    variants: { type: 'string', default: '0176,row,bulk' },
    // PostgreSQL only: keep the schema after the run / reuse a kept one (its records are not loaded again;
    // the imported runs stay in it, so a reused schema grows by `--import` per run).
    keep: { type: 'boolean', default: false },
    schema: { type: 'string' },
  },
});
const SIZE = Number(args.size);
const IMPORT = Number(args.import);
const ROUNDS = Number(args.rounds);

const { dbh, done, label } = await openBenchDb(args);
const { deps, holders, admin } = await catalogueBenchDeps(dbh, 'marc');
console.log(
  `MARC import bench — ${label}, ${SIZE.toLocaleString('en')} loaded, ${IMPORT.toLocaleString('en')} imported per run, Node ${process.version}`,
);

// 1. Records already there (the repository's bulk path, no MARC parsing); a reused schema loads only what it
// lacks of `--size` (its generated records; imported runs are not counted).
const [{ n: present } = { n: 0 }] = await dbh.query<{ n: number }>(
  "SELECT count(*)::int AS n FROM catalogue_records WHERE source <> 'marc'",
);
const next = generator(2030);
for (let i = 0; i < present; i++) next();
for (let loaded = present; loaded < SIZE; ) {
  const n = Math.min(2000, SIZE - loaded);
  const records: RecordValues[] = [];
  const holdings: HoldingValues[] = [];
  for (let i = 0; i < n; i++) {
    const built = generatedRecord(next(), holders[(loaded + i) % holders.length] as string, {
      published: true,
      description: null,
      details: {},
    });
    records.push(built.record);
    holdings.push(built.holding);
  }
  await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, records, holdings));
  loaded += n;
}
if (present < SIZE) {
  await deps.repos.catalogueSearch.rebuildDictionary(deps.db);
  await dbh.query('VACUUM (ANALYZE)');
} else console.log('load: nothing to load (reused schema)');

// 2. One ISO 2709 file per run (distinct control numbers, so every run inserts).
const dir = await mkdtemp(join(tmpdir(), 'bench-marc-files-'));
async function marcFile(run: number): Promise<{ path: string; size: number }> {
  const gen = generator(100 + run);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < IMPORT; i++) {
    const g = gen();
    chunks.push(generatedMarcRecord(g, `R${run}-${i}`));
  }
  const path = join(dir, `run-${run}.mrc`);
  await writeFile(path, chunks);
  return { path, size: (await stat(path)).size };
}

// CPU time of a run, load-independent where wall time is not: this process (all its threads, the reading
// worker included) and the database backends serving this database (PostgreSQL on this machine: /proc).
const TICK_US = 1e6 / 100; // USER_HZ
async function backendTicks(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (args.db !== 'postgres') return out;
  const pids = await dbh.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'",
  );
  for (const { pid } of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, Number(f[11]) + Number(f[12])); // utime, stime (fields 14, 15)
    } catch {
      // not on this machine, or gone
    }
  }
  return out;
}
/** Ticks used between two readings by the backends of the second (a backend gone meanwhile is not counted). */
const ticksBetween = (a: Map<number, number>, b: Map<number, number>) =>
  [...b].reduce((n, [pid, t]) => n + t - (a.get(pid) ?? 0), 0);
const cpu = new Map<string, Array<{ app: number; db: number }>>();

async function importRun(run: number, bulk: boolean, worker: boolean, key = ''): Promise<number> {
  const file = await marcFile(run);
  const app0 = process.cpuUsage();
  const db0 = await backendTicks();
  const t0 = performance.now();
  const job = await startMarcImport(deps, admin, {
    fileName: `run-${run}.mrc`,
    format: 'iso2709',
    filePath: file.path,
    fileSize: file.size,
    unitId: holders[0] as string,
    publish: true,
  });
  const result = await runMarcImport(deps, job.id, { bulk, worker });
  if (bulk && result.imported > 0) {
    const [q] = await dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM catalogue_postings_pending');
    if (q?.n) throw new Error(`run ${run}: ${q.n} records left queued`);
  }
  if (result.imported !== IMPORT) throw new Error(`run ${run}: ${result.imported} imported of ${IMPORT}`);
  const speed = IMPORT / ((performance.now() - t0) / 1000);
  const app = process.cpuUsage(app0);
  const db = ticksBetween(db0, await backendTicks()) * TICK_US;
  cpu.set(key, [...(cpu.get(key) ?? []), { app: (app.user + app.system) / IMPORT, db: db / IMPORT }]);
  return speed;
}

// Time spent building queued postings (the bulk path's flush), per run.
let flushMs = 0;
const flushRepo = deps.repos.catalogueImports;
const flushOne = flushRepo.flushDeferredPostings.bind(flushRepo);
flushRepo.flushDeferredPostings = async (db, limit) => {
  const t = performance.now();
  try {
    return await flushOne(db, limit);
  } finally {
    flushMs += performance.now() - t;
  }
};
const legacyGin = async (on: boolean) =>
  dbh.query(
    on
      ? 'CREATE INDEX IF NOT EXISTS catalogue_records_search_idx ON catalogue_records USING gin (search_vector)'
      : 'DROP INDEX IF EXISTS catalogue_records_search_idx',
  );
const [{ def: current } = { def: '' }] = await dbh.query<{ def: string }>(
  "SELECT pg_get_functiondef('catalogue_postings_on_insert'::regproc) AS def",
);
const replaced = (def: string, from: RegExp | string, to: string, what: string) => {
  const out = def.replace(from, to);
  if (out === def) throw new Error(`${what} was not found in the insert trigger`);
  return out;
};
// The insert trigger as migration 0176 left it: no bulk queue, postings and pairs inserted unsorted (0191
// took the sort out again; 0185 had added it).
const unsorted = current
  .replace(/\s*ORDER BY w\.word, d\.seq;/, ';')
  .replace(/\s*ORDER BY t\.pair, n\.seq;/, ';');
const trigger0176 = replaced(
  unsorted,
  /IF current_setting\('catalogue\.defer_postings'[\s\S]*?END IF;/,
  '',
  'the bulk queue',
);
// The row path as migration 0185 left it: postings and pairs inserted in key order.
const trigger0185 = replaced(
  replaced(
    unsorted,
    /(FROM d, unnest\(d\.words\) AS w\(word\) WHERE length\(w\.word\) <= 100);/,
    '$1\n    ORDER BY w.word, d.seq;',
    'the postings insert',
  ),
  /(catalogue_title_pairs_of_title\(n\.search_title\) AS t\(pair\)\s*WHERE n\.published);/,
  '$1\n    ORDER BY t.pair, n.seq;',
  'the pairs insert',
);
// The title-pair postings of migration 0152 (issue 17, long queries): the insert trigger without them.
const withoutPairs = replaced(
  trigger0176,
  /INSERT INTO catalogue_title_pairs[\s\S]*?WHERE n\.published;/,
  '',
  'the title-pair insert',
);
// The pairs as 0152 computed them (from the search vector, one non-inlined function call per record): the
// "before" of migration 0176.
const vectorPairs = replaced(
  trigger0176,
  'catalogue_title_pairs_of_title(n.search_title)',
  'catalogue_title_pairs_of(n.search_vector)',
  'the text-rule title pairs',
);
interface Variant {
  label: string;
  setup?: () => Promise<unknown>;
  bulk: boolean;
  /** Read and prepare the file in a worker thread (ADR 0007 addendum 7); else in the import's thread. */
  worker?: boolean;
}
const VARIANTS: Record<string, Variant> = {
  gin: { label: 'with the unused GIN index (before 0106)', setup: () => legacyGin(true), bulk: false },
  '0176': { label: 'row by row, trigger of 0176', setup: () => dbh.query(trigger0176), bulk: false },
  nopairs: {
    label: 'row by row, 0176 without title pairs',
    setup: () => dbh.query(withoutPairs),
    bulk: false,
  },
  vector: { label: 'row by row, pairs by the 0152 rule', setup: () => dbh.query(vectorPairs), bulk: false },
  '0185': { label: 'row by row, sorted inserts (0185)', setup: () => dbh.query(trigger0185), bulk: false },
  row: { label: 'row by row, unsorted (0191), read in thread', bulk: false },
  worker: { label: 'row by row (0191), read in a worker', bulk: false, worker: true },
  bulk: { label: 'bulk path (0185): queued, built sorted', bulk: true },
  bulkworker: { label: 'bulk path, read in a worker', bulk: true, worker: true },
};
const chosen = String(args.variants)
  .split(',')
  .map((v) => v.trim());
for (const v of chosen) if (!VARIANTS[v]) throw new Error(`unknown variant ${v}`);
const flushShare: number[] = [];
const speeds = new Map<string, number[]>(chosen.map((v) => [v, []]));
// Runs are numbered past the imports a reused schema holds (their control numbers must be new).
const [{ n: earlierRuns } = { n: 0 }] = await dbh.query<{ n: number }>(
  'SELECT count(*)::int AS n FROM catalogue_import_jobs',
);
let run = earlierRuns;
for (let r = 0; r < ROUNDS; r++) {
  // The order turns each round, so a machine getting busier or quieter does not favour one variant.
  for (let i = 0; i < chosen.length; i++) {
    const key = chosen[(i + r) % chosen.length] as string;
    const v = VARIANTS[key] as Variant;
    await v.setup?.();
    flushMs = 0;
    const speed = await importRun(run++, v.bulk, v.worker ?? false, key);
    speeds.get(key)?.push(speed);
    if (v.bulk) flushShare.push(flushMs / 1000 / (IMPORT / speed));
    await legacyGin(false);
    await dbh.query(current);
  }
}
// Ceiling: the same kind of rows, one multi-row INSERT per 1,000, no indexes, no triggers.
await dbh.query('DROP TABLE IF EXISTS bench_bare');
await dbh.query(
  'CREATE TABLE bench_bare (LIKE catalogue_records INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED)',
);
const gen = generator(999);
const t0 = performance.now();
for (let n = 0; n < IMPORT; n += 1000) {
  const rows: RecordValues[] = [];
  for (let i = 0; i < Math.min(1000, IMPORT - n); i++)
    rows.push(
      generatedRecord(gen(), holders[0] as string, { published: true, description: null, details: {} })
        .record,
    );
  await dbh.query(
    `INSERT INTO bench_bare (id, type, title, unit_id, published, details, source, creators, subjects)
     SELECT x.id, x.type, x.title, x.unit_id, true, '{}'::jsonb, 'marc', x.creators, x.subjects
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, title text, unit_id text, creators text[], subjects text[])`,
    [JSON.stringify(rows.map((r) => ({ ...r, unit_id: r.unitId })))],
  );
}
const bare = IMPORT / ((performance.now() - t0) / 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const f = (n: number) => Math.round(n).toLocaleString('en');
console.log(`\nMARC import, ${SIZE.toLocaleString('en')} records already loaded (median of ${ROUNDS}):`);
const base = median(speeds.get(chosen[0] as string) ?? []);
for (const key of chosen) {
  const xs = speeds.get(key) ?? [];
  console.log(
    `  ${(VARIANTS[key] as Variant).label.padEnd(42)} ${f(median(xs)).padStart(7)} records/s  ${(median(xs) / base).toFixed(2)}× ${chosen[0]}  [${xs.map(f).join(', ')}]`,
  );
  const used = cpu.get(key) ?? [];
  console.log(
    `  ${''.padEnd(42)} CPU per record: app ${f(median(used.map((u) => u.app)))} µs, database ${args.db === 'postgres' ? `${f(median(used.map((u) => u.db)))} µs` : '(in app)'}  [${used.map((u) => `${f(u.app)}+${f(u.db)}`).join(', ')}]`,
  );
}
if (flushShare.length)
  console.log(
    `  bulk path: flush (summed over its two connections) = ${flushShare.map((x) => `${Math.round(x * 100)} %`).join(', ')} of the run's time`,
  );
console.log(`  bare INSERT ceiling (no index, no trigger): ${f(bare)} records/s`);
recordMarcResults(speeds, bare);
await done();

/** BENCH_RESULTS (bench/bench-results.ts): the median records/s of each variant and the bare INSERT ceiling. */
function recordMarcResults(byVariant: Map<string, number[]>, ceiling: number) {
  const facts = { size: SIZE, imported: IMPORT, rounds: ROUNDS };
  recordBenchResults('marc', [
    ...[...byVariant].map(([key, xs]) => ({
      key,
      label: VARIANTS[key]?.label ?? key,
      values: { recordsPerSecond: median(xs), ...facts },
    })),
    {
      key: 'bare',
      label: 'bare INSERT ceiling (no index, no trigger)',
      values: { recordsPerSecond: ceiling, ...facts },
    },
  ]);
}
