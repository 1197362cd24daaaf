// `npm run bench:speed -- [--only http,burst,month,catalogue,marc,lighthouse] [--build DIR] [--json out.json]
//   [--catalogue-db URL --catalogue-schema NAME [--catalogue-size 1000000]] [--marc-schema NAME]`
// Issue 17's benches one after another, each as a child process on this machine (nothing in parallel), then ONE
// table with every row of the table: its baseline from the same run, the figure, their ratio, the target
// and met / not met (bench/speed-table.ts). The benches hand their rows over as JSON lines (BENCH_RESULTS,
// bench/bench-results.ts); their own output is shown as it comes, prefixed with the run's name.
// Parts (all by default; `--only` picks; `events` = burst,month):
//   http        bench/http.ts (home, signed-in task page with the page cache on and off, API), then again with
//               BENCH_TARGETS=e API_CACHE_TTL_MS=0 as its own run (`http-api0`);
//   burst       bench/events.ts BENCH_PART=burst;  month  bench/events.ts BENCH_PART=month (10,000 events);
//   catalogue   bench/catalogue.ts on a KEPT PostgreSQL schema holding 1M records (`--catalogue-db URL
//               --catalogue-schema NAME`; loading one takes ~20 min: made with bench:catalogue -- --keep); no
//               schema, no run (the row says how);
//   marc        bench/marc-import.ts (row and bulk) on a kept schema (`--marc-schema`, else the catalogue's); the
//               imported records stay in it (+20,000 a run);
//   lighthouse  bench/lighthouse.ts (scores, and the JS each page names, gzip-compressed).
// `--build DIR`: measure another build with this same runner — a checkout with its build (DIR/build/server/
// index.js, DIR/src: this tree's bench scripts are copied into DIR for the run, so the app, migrations and seed
// are the checkout's: the "before" of a note), or a React Router build folder made from THIS tree
// (DIR/server/index.js; a build imports its own tree's modules, so another checkout's build folder run by this
// tree's server fails with "No value found for context": give that checkout instead).
// `--json out.json` writes the records, the rows and each run's load averages. The load average is printed at
// the start and end of each part: compare figures from one machine only when it was idle for both.
// The benches' own settings (BENCH_DURATION, BENCH_CONNECTIONS, DATABASE_URL / TEST_DATABASE_URL for http and
// lighthouse, BENCH_DATABASE_URL for events) pass through. Exit code 1 when a run failed, 0 otherwise.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBenchResults } from './bench-results.ts';
import { formatSpeedTable, type RunRecord, speedRows } from './speed-table.ts';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    build: { type: 'string' },
    json: { type: 'string' },
    'catalogue-db': { type: 'string' },
    'catalogue-schema': { type: 'string' },
    'catalogue-size': { type: 'string', default: '1000000' },
    'marc-schema': { type: 'string' },
    'marc-import': { type: 'string', default: '20000' },
  },
});

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const PARTS = ['http', 'burst', 'month', 'catalogue', 'marc', 'lighthouse'] as const;
type Part = (typeof PARTS)[number];

interface Run {
  run: string;
  part: Part;
  script: string;
  argv?: string[];
  env?: Record<string, string>;
  /** Why it is not run (then the row says so). */
  skip?: string | undefined;
}

function chosenParts(): Part[] {
  if (!args.only) return [...PARTS];
  const asked = args.only
    .split(',')
    .flatMap((p) => (p.trim() === 'events' ? ['burst', 'month'] : [p.trim()]));
  for (const p of asked)
    if (!(PARTS as readonly string[]).includes(p))
      throw new Error(`--only: unknown part ${p} (${PARTS.join(', ')})`);
  return PARTS.filter((p) => asked.includes(p));
}

function runsOf(part: Part): Run[] {
  const catalogueDb = args['catalogue-db'];
  const schema = args['catalogue-schema'];
  const size = args['catalogue-size'];
  switch (part) {
    case 'http':
      return [
        { run: 'http', part, script: 'http.ts', env: { BENCH_TARGETS: 'c,d,e,d0' } },
        { run: 'http-api0', part, script: 'http.ts', env: { BENCH_TARGETS: 'e', API_CACHE_TTL_MS: '0' } },
      ];
    case 'burst':
      return [{ run: 'burst', part, script: 'events.ts', env: { BENCH_PART: 'burst' } }];
    case 'month':
      return [{ run: 'month', part, script: 'events.ts', env: { BENCH_PART: 'month' } }];
    case 'catalogue':
      return [
        {
          run: 'catalogue',
          part,
          script: 'catalogue.ts',
          // --keep: the schema is reused, never dropped; no import, no OAI, no "before" walk: search only.
          argv: [
            ...['--db', 'postgres', '--schema', schema ?? '', '--keep', '--size', size],
            ...['--import', '0', '--oai', '0', '--no-before'],
          ],
          env: { DATABASE_URL: catalogueDb ?? '' },
          skip:
            catalogueDb && schema
              ? undefined
              : 'needs a kept 1M schema: npm run bench:speed -- --only catalogue --catalogue-db URL --catalogue-schema NAME ' +
                '(make one with DATABASE_URL=URL npm run bench:catalogue -- --db postgres --size 1000000 --keep --schema NAME; ~20 min)',
        },
      ];
    case 'marc': {
      const marcSchema = args['marc-schema'] ?? schema;
      return [
        {
          run: 'marc',
          part,
          script: 'marc-import.ts',
          argv: [
            ...['--db', 'postgres', '--schema', marcSchema ?? '', '--keep', '--size', size],
            ...['--import', args['marc-import'], '--variants', 'row,bulk', '--rounds', '2'],
          ],
          env: { DATABASE_URL: catalogueDb ?? '' },
          skip:
            catalogueDb && marcSchema
              ? undefined
              : 'needs a kept 1M schema: npm run bench:speed -- --only marc --catalogue-db URL --marc-schema NAME ' +
                '(each run adds its imported records to it)',
        },
      ];
    }
    case 'lighthouse':
      return [{ run: 'lighthouse', part, script: 'lighthouse.ts' }];
  }
}

/** Where the bench scripts run from, and the build the app uses (see `--build`). */
function benchPlace(): {
  root: string;
  benchDir: string;
  env: Record<string, string>;
  label: string;
  cleanup: () => void;
} {
  const here = { root: ROOT, benchDir: join(ROOT, 'bench'), env: {}, cleanup: () => undefined };
  if (!args.build)
    return { ...here, label: `this tree's build (${join(ROOT, process.env.RR_BUILD_DIR ?? 'build')})` };
  const dir = resolve(args.build);
  if (existsSync(join(dir, 'server/index.js'))) {
    if (relative(ROOT, dir).startsWith('..'))
      console.warn(`--build ${dir} is outside this tree: if another checkout built it, give that checkout`);
    // Relative: the app and the benches join RR_BUILD_DIR to their root.
    return {
      ...here,
      env: { RR_BUILD_DIR: relative(ROOT, dir) },
      label: `build ${dir} with this tree's server`,
    };
  }
  if (existsSync(join(dir, 'build/server/index.js')) && existsSync(join(dir, 'src'))) {
    const benchDir = mkdtempSync(join(dir, 'bench-speed-'));
    cpSync(join(ROOT, 'bench'), benchDir, { recursive: true, filter: (f) => !f.endsWith('.test.ts') });
    return {
      root: dir,
      benchDir,
      env: { RR_BUILD_DIR: 'build' },
      label: `checkout ${dir} (its app and build; this tree's bench scripts)`,
      cleanup: () => rmSync(benchDir, { recursive: true, force: true }),
    };
  }
  throw new Error(
    `--build ${dir}: neither a build (server/index.js) nor a checkout with one (build/server/index.js)`,
  );
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Runs one bench as a child process, its output prefixed; answers its exit code. */
function runChild(run: Run, place: ReturnType<typeof benchPlace>, resultsFile: string): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(place.benchDir, run.script), ...(run.argv ?? [])], {
      cwd: place.root,
      env: { ...process.env, NODE_ENV: 'production', ...place.env, ...run.env, BENCH_RESULTS: resultsFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let rest = '';
      stream.on('data', (d: Buffer) => {
        const lines = (rest + d.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) out.write(`[${run.run}] ${l}\n`);
      });
      stream.on('end', () => rest && out.write(`[${run.run}] ${rest}\n`));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
}

async function main(): Promise<number> {
  const parts = chosenParts();
  const place = benchPlace();
  const tmp = mkdtempSync(join(tmpdir(), 'bench-speed-'));
  const records: RunRecord[] = [];
  const skipped: Record<string, string> = {};
  const log: Array<{
    run: string;
    exitCode: number | null;
    seconds: number;
    loadStart: string;
    loadEnd: string;
  }> = [];
  let failed = false;
  console.log(`bench:speed — node ${process.version}, ${cpus().length} CPU(s), ${place.label}`);
  console.log(`parts: ${parts.join(', ')}; nothing runs in parallel\n`);
  try {
    for (const part of PARTS) {
      const runs = runsOf(part);
      if (!parts.includes(part)) {
        for (const r of runs) skipped[r.run] = `not asked (--only ${args.only})`;
        continue;
      }
      console.log(`== ${part}: load average at start ${load()}`);
      const partStart = load();
      for (const r of runs) {
        if (r.skip) {
          skipped[r.run] = r.skip;
          console.log(`[${r.run}] not run: ${r.skip}`);
          continue;
        }
        const file = join(tmp, `${r.run}.jsonl`);
        writeFileSync(file, '');
        const t0 = performance.now();
        const loadStart = load();
        const code = await runChild(r, place, file);
        const found = parseBenchResults(readFileSync(file, 'utf8')).map((x) => ({ ...x, run: r.run }));
        records.push(...found);
        log.push({
          run: r.run,
          exitCode: code,
          seconds: (performance.now() - t0) / 1000,
          loadStart,
          loadEnd: load(),
        });
        if (code !== 0) {
          failed = true;
          if (!found.length)
            skipped[r.run] = `the ${r.run} run failed (exit code ${code}; its output is above)`;
        }
      }
      console.log(`== ${part}: load average at end ${load()} (start ${partStart})\n`);
    }
  } finally {
    place.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
  const rows = speedRows({ records, skipped });
  console.log('Issue 17, every row (ratio = figure / baseline of the same run):\n');
  console.log(formatSpeedTable(rows));
  console.log('\nload average (1, 5, 15 min) per run:');
  for (const l of log)
    console.log(
      `  ${l.run.padEnd(11)} ${l.loadStart} → ${l.loadEnd}  (${l.seconds.toFixed(0)} s, exit ${l.exitCode})`,
    );
  if (args.json) {
    const out = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      build: place.label,
    };
    writeFileSync(args.json, `${JSON.stringify({ ...out, runs: log, skipped, records, rows }, null, 2)}\n`);
    console.log(`\nwritten: ${args.json}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
