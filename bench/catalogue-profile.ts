// Per-statement timings of catalogue searches on a schema kept by `npm run bench:catalogue -- --db postgres
// --keep` (issue 17): each query `--rounds` times, every statement of the last round with its time, and
// `EXPLAIN (ANALYZE, BUFFERS)` of the slowest (`--explain`) or of every statement over `--min` ms.
// NODE_ENV=production node bench/catalogue-profile.ts --schema bench_1m [--explain] [--min 20] 'query' …
// (DATABASE_URL or TEST_DATABASE_URL.) Prints figures; asserts nothing; leaves the schema as it was.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';
import { buildDeps } from '../src/app/build-deps.server.ts';
import type { Db } from '../src/db/client.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { testConfig } from '../src/test/harness.ts';
import { openBenchDb } from './catalogue-load.ts';

const { values: args, positionals } = parseArgs({
  options: {
    schema: { type: 'string' },
    explain: { type: 'boolean', default: false },
    min: { type: 'string', default: '1e9' },
    rounds: { type: 'string', default: '3' },
  },
  allowPositionals: true,
});
const { dbh, done } = await openBenchDb({ db: 'postgres', schema: args.schema, keep: true });
const deps = buildDeps(
  testConfig({ DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-prof-')) }),
  dbh,
  createLogger('silent'),
);
const dialect = new PgDialect();
let log: Array<{ ms: number; sql: string; params: unknown[] }> = [];
const db = new Proxy(deps.db, {
  get(target, key) {
    if (key === 'execute')
      return async (q: Parameters<Db['execute']>[0]) => {
        const t0 = performance.now();
        const r = await target.execute(q);
        const { sql, params } = dialect.sqlToQuery(q as never);
        log.push({ ms: performance.now() - t0, sql, params });
        return r;
      };
    return Reflect.get(target, key);
  },
}) as Db;
for (const q of positionals) {
  let last: Awaited<ReturnType<typeof deps.repos.catalogueSearch.search>> | undefined;
  const totals: number[] = [];
  for (let i = 0; i < Number(args.rounds); i++) {
    log = [];
    const t0 = performance.now();
    last = await deps.repos.catalogueSearch.search(db, {
      q,
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 20,
    });
    totals.push(performance.now() - t0);
  }
  console.log(
    `\n=== ${q} → ${last?.totalEstimated ? '≈' : ''}${last?.total} ${last?.correctedQuery ? `(corrected ${last.correctedQuery})` : ''} top: ${last?.hits[0]?.title}`,
  );
  console.log(`  total ms per round: ${totals.map((t) => t.toFixed(1)).join(', ')}`);
  for (const s of log)
    console.log(`  ${s.ms.toFixed(1).padStart(7)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
  const picked = args.explain
    ? [[...log].sort((a, b) => b.ms - a.ms)[0]]
    : log.filter((s) => s.ms >= Number(args.min));
  for (const slow of picked.filter((x) => x !== undefined)) {
    {
      const rows = await dbh.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${slow.sql}`,
        slow.params as unknown[],
      );
      console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
}
await done();
