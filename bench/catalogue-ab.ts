// A/B of two catalogue search implementations on a schema kept by `npm run bench:catalogue -- --db postgres
// --keep` (issue 17): the bench mix (same queries as bench/catalogue.ts) run by both in alternating order,
// round after round, in one process — so a loaded machine weighs on both alike. Prints p50/p95 per kind and
// class for each, and every query whose total, estimate flag, correction or top hit differs between them.
// NODE_ENV=production node bench/catalogue-ab.ts --schema bench_1m --size 1000000 --common 50000 \
//   --before ./path/to/search.server.ts [--rounds 15]
// `--before`: a module exporting createPostgresSearchIndex (e.g. a copy of an older commit's search folder,
// placed at the same depth so its imports resolve). Prints figures; asserts nothing; leaves the schema as it was.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';
import { buildDeps } from '../src/app/build-deps.server.ts';
import type { Db } from '../src/db/client.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { QUERY_MIX } from '../src/modules/catalogue/catalogue.demo-data.server.ts';
import { queryWords } from '../src/modules/catalogue/catalogue.text.ts';
import {
  createPostgresSearchIndex,
  type SearchIndex,
  type SearchResult,
} from '../src/modules/catalogue/search/search.server.ts';
import { testConfig } from '../src/test/harness.ts';
import { openBenchDb } from './catalogue-load.ts';
import {
  CLASSES,
  commonQueries,
  longQueries,
  type MixEntry,
  printByClass,
  summary,
} from './catalogue-mix.ts';

const { values: args } = parseArgs({
  options: {
    schema: { type: 'string' },
    size: { type: 'string', default: '1000000' },
    common: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '15' },
    before: { type: 'string' },
    kinds: { type: 'string' },
    // Per query: shared buffers touched and server execution time of every statement (EXPLAIN ANALYZE of each
    // statement as it runs): a load-independent measure of the work, beside the wall times.
    buffers: { type: 'boolean', default: false },
    // With --buffers: every statement of the after side (its first words, buffers, planning and execution ms).
    statements: { type: 'boolean', default: false },
    // With --buffers: run every statement this many times (EXPLAIN ANALYZE with per-node timing off) and keep
    // the least execution time — close to the statement's uncontended cost on a loaded machine.
    repeat: { type: 'string', default: '1' },
    // Options of the after side (createPostgresSearchIndex), e.g. --after-opts '{"phraseWindow":0}'.
    'after-opts': { type: 'string' },
    'before-opts': { type: 'string' },
  },
});
if (!args.before) throw new Error('--before path/to/search.server.ts');
const { dbh, done } = await openBenchDb({ db: 'postgres', schema: args.schema, keep: true });
const deps = buildDeps(
  testConfig({ DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-ab-')) }),
  dbh,
  createLogger('silent'),
);
const before = (
  (await import(resolve(args.before))) as { createPostgresSearchIndex: (o?: object) => SearchIndex }
).createPostgresSearchIndex(args['before-opts'] ? JSON.parse(args['before-opts']) : undefined);
const after = createPostgresSearchIndex(args['after-opts'] ? JSON.parse(args['after-opts']) : undefined);
const COMMON = Number(args.common);
const wanted = args.kinds?.split(',');
const MIX = [
  ...QUERY_MIX,
  ...longQueries(Number(args.size)),
  ...(COMMON > 0 ? commonQueries(COMMON) : []),
].filter((m) => !wanted || wanted.includes(m.kind));
const run = (ix: SearchIndex, m: MixEntry, db: Db = deps.db) =>
  ix.search(db, { q: m.q, filters: m.filters ?? {}, sort: m.sort ?? 'relevance', page: 1, pageSize: 20 });
/** The search's statements, each explained (ANALYZE, BUFFERS) after it ran: buffers and execution ms summed. */
async function work(
  ix: SearchIndex,
  m: MixEntry,
): Promise<{ buffers: number; ms: number; planning: number; statements: number; lines: string[] }> {
  const dialect = new PgDialect();
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const db = new Proxy(deps.db, {
    get(target, key) {
      if (key === 'execute')
        return async (q: Parameters<Db['execute']>[0]) => {
          const { sql, params } = dialect.sqlToQuery(q as never);
          seen.push({ sql, params });
          return target.execute(q);
        };
      return Reflect.get(target, key);
    },
  }) as Db;
  await run(ix, m, db);
  let buffers = 0;
  let ms = 0;
  let planning = 0;
  const lines: string[] = [];
  for (const s of seen) {
    type Explained = {
      'QUERY PLAN': Array<{
        Plan: Record<string, number>;
        'Execution Time': number;
        'Planning Time': number;
      }>;
    };
    let plan: Explained['QUERY PLAN'][number] | undefined;
    for (let i = 0; i < Number(args.repeat); i++) {
      const [row] = await dbh.query<Explained>(
        `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${s.sql}`,
        s.params,
      );
      const p = row?.['QUERY PLAN'][0];
      if (p && (!plan || p['Execution Time'] < plan['Execution Time'])) plan = p;
    }
    const b = (plan?.Plan['Shared Hit Blocks'] ?? 0) + (plan?.Plan['Shared Read Blocks'] ?? 0);
    buffers += b;
    ms += plan?.['Execution Time'] ?? 0;
    planning += plan?.['Planning Time'] ?? 0;
    lines.push(
      `      ${String(b).padStart(6)} buf ${(plan?.['Planning Time'] ?? 0).toFixed(2).padStart(6)} + ${(plan?.['Execution Time'] ?? 0).toFixed(2).padStart(6)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
  }
  return { buffers, ms, planning, statements: seen.length, lines };
}
const show = (r: SearchResult) =>
  `${r.totalEstimated ? '≈' : ''}${r.total}${r.correctedQuery ? ` (corrected: ${r.correctedQuery})` : ''} top: ${r.hits[0]?.title ?? '—'} [${r.hits[0]?.id ?? ''}]`;
const classOf = (kind: string) => CLASSES.find(([, kinds]) => kinds.includes(kind))?.[0] ?? kind;
const bufferSums = new Map<
  string,
  { n: number; before: number; after: number; max: [number, number]; msBefore: number; msAfter: number }
>();
if (args.buffers) {
  console.log('query: statements, shared buffers, server planning + execution ms (before → after)');
  for (const m of MIX) {
    const a = await work(before, m);
    const b = await work(after, m);
    console.log(
      `  [${m.kind}] ${m.q}${m.filters ? ` ${JSON.stringify(m.filters)}` : ''}: ${a.statements} → ${b.statements}, ${a.buffers} → ${b.buffers}, ${a.planning.toFixed(1)} + ${a.ms.toFixed(1)} → ${b.planning.toFixed(1)} + ${b.ms.toFixed(1)} ms`,
    );
    if (args.statements) console.log(b.lines.join('\n'));
    const c = bufferSums.get(classOf(m.kind)) ?? {
      n: 0,
      before: 0,
      after: 0,
      max: [0, 0],
      msBefore: 0,
      msAfter: 0,
    };
    bufferSums.set(classOf(m.kind), {
      n: c.n + 1,
      before: c.before + a.buffers,
      after: c.after + b.buffers,
      max: [Math.max(c.max[0], a.buffers), Math.max(c.max[1], b.buffers)],
      msBefore: c.msBefore + a.ms + a.planning,
      msAfter: c.msAfter + b.ms + b.planning,
    });
  }
  console.log(
    '\nper query by class, mean: shared buffers (max), server planning + execution ms, before → after:',
  );
  for (const [cls, c] of bufferSums)
    console.log(
      `  ${cls.padEnd(20)} ${Math.round(c.before / c.n)} (${c.max[0]}) → ${Math.round(c.after / c.n)} (${c.max[1]}) buffers; ${(c.msBefore / c.n).toFixed(2)} → ${(c.msAfter / c.n).toFixed(2)} ms`,
    );
}
/** The exact number of published records holding every word of `q` (all postings read): which answer is
 * closer, where the two sides' estimates differ. */
async function exactTotal(q: string): Promise<number> {
  const words = [...new Set(queryWords(q).folded)];
  const [row] = await dbh.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT seq FROM catalogue_postings WHERE word = ANY($1::text[])
      GROUP BY seq HAVING count(*) = $2) x`,
    [words, words.length],
  );
  return row?.n ?? 0;
}
const diffs: string[] = [];
for (const m of MIX) {
  const a = await run(before, m);
  const b = await run(after, m);
  if (show(a) !== show(b)) {
    const truth =
      m.filters || a.correctedQuery || b.correctedQuery ? '' : `\n    exact  ${await exactTotal(m.q)}`;
    diffs.push(
      `  ${m.q} ${JSON.stringify(m.filters ?? {})}\n    before ${show(a)}\n    after  ${show(b)}${truth}`,
    );
  }
}
const byKind = { before: new Map<string, number[]>(), after: new Map<string, number[]>() };
const loads: string[] = [];
for (let round = 0; round < Number(args.rounds); round++) {
  for (const m of MIX) {
    const order =
      (round + MIX.indexOf(m)) % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const side of order) {
      const t0 = performance.now();
      await run(side === 'before' ? before : after, m);
      const ms = performance.now() - t0;
      byKind[side].set(m.kind, [...(byKind[side].get(m.kind) ?? []), ms]);
    }
  }
  if (round % 5 === 0) {
    const { readFile } = await import('node:fs/promises');
    loads.push((await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' '));
  }
}
console.log(
  `A/B on ${args.schema}, ${MIX.length} queries × ${args.rounds} rounds, load average ${loads.join(' | ')}`,
);
for (const side of ['before', 'after'] as const) {
  console.log(`\n${side}:`);
  for (const [kind, samples] of byKind[side]) console.log(summary(kind, samples));
  printByClass(byKind[side]);
}
console.log(
  diffs.length
    ? `\ndiffering answers:\n${diffs.join('\n')}`
    : '\nsame totals, corrections and top hits for every query',
);
await done();
