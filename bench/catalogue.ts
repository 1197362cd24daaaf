// `npm run bench:catalogue -- [--size 100000] [--db pglite|postgres] [--import 100000] [--rounds 15] [--common 0]
//   [--keep] [--schema bench_x] [--no-before]`
// Loads generated Vietnamese records, then reports search latency (p50/p95/p99) over a fixed query mix against a
// bare primary-key lookup measured in the same process, and MARC import records/s with peak RSS.
// `--common N` adds N records whose titles are 7 syllables from 40 common ones (the worst case of issue 17 at
// 1M: every word of a pasted title common, the words together rare) and queries them; every query is run
// with the budgeted walk + title pairs (after) and the unbudgeted walk (before) in the same rounds.
// PostgreSQL: DATABASE_URL or TEST_DATABASE_URL; a fresh schema is created for the run and dropped after, or
// kept (`--keep`) and reused by later runs (`--schema bench_x`: the records it holds are not loaded again).
// Prints figures; asserts nothing.
import { rm, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
// The app's module list first: the catalogue's modules import each other in a cycle that only resolves from the
// composition root's side (importing marc/import.server.ts first fails with "Cannot access … before
// initialization").
import '../src/app/build-deps.server.ts';
import { QUERY_MIX } from '../src/modules/catalogue/catalogue.demo-data.server.ts';
import { runMarcImport, startMarcImport } from '../src/modules/catalogue/marc/import.server.ts';
import { handleOai } from '../src/modules/catalogue/oai/oai-provider.server.ts';
import { createPostgresSearchIndex } from '../src/modules/catalogue/search/search.server.ts';
import { keyOf, recordBenchResults } from './bench-results.ts';
import { catalogueBenchDeps, loadRecords, openBenchDb, writeMarcFile } from './catalogue-load.ts';
import {
  CLASSES,
  commonQueries,
  fmt,
  longQueries,
  type MixEntry,
  pct,
  printByClass,
  shortSamples,
  summary,
} from './catalogue-mix.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'pglite' },
    import: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '15' },
    common: { type: 'string', default: '0' },
    oai: { type: 'string', default: '20000' },
    // PostgreSQL only: keep the schema after the run / reuse a kept one (skips the load).
    keep: { type: 'boolean', default: false },
    schema: { type: 'string' },
    // `--no-before`: skip the walk of before issue 17's second step (halves a run on a kept schema).
    before: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const SIZE = Number(args.size);
const IMPORT = Number(args.import);
const ROUNDS = Number(args.rounds);
const COMMON = Number(args.common);

const { dbh, done, label } = await openBenchDb(args);
const { deps, holders, admin } = await catalogueBenchDeps(dbh, 'cat');
console.log(`catalogue bench — ${label}, ${SIZE.toLocaleString('en')} records, Node ${process.version}`);

// 1. Bulk load through the repository (the import path's statements, without MARC parsing).
const loadStart = performance.now();
const inserted = await loadRecords(deps, dbh, holders, SIZE, COMMON);
if (inserted > 0) {
  const words = await deps.repos.catalogueSearch.rebuildDictionary(deps.db);
  // What autovacuum would do after a bulk load (PGlite has no autovacuum): statistics and the visibility map.
  await dbh.query('VACUUM (ANALYZE)');
  console.log(
    `load: ${((performance.now() - loadStart) / 1000).toFixed(1)} s (${words.toLocaleString('en')} dictionary words)`,
  );
} else console.log('load: nothing to load (reused schema: dictionary and statistics as left by its load)');

// 2. Search latency over the fixed mix vs a primary-key lookup.
const ids = (
  await dbh.query<{ id: string }>('SELECT id FROM catalogue_records ORDER BY random() LIMIT 500')
).map((r) => r.id);
const search = (m: MixEntry) =>
  deps.repos.catalogueSearch.search(deps.db, {
    q: m.q,
    filters: m.filters ?? {},
    sort: m.sort ?? 'relevance',
    page: 1,
    pageSize: 20,
  });
// Long queries (issue 17): pasted titles, title + author, numbers and no-hit queries, built from the records
// this run loaded (same seed), so they hit at any --size. The short 1–2-word queries are the baseline.
const MIX = [...QUERY_MIX, ...longQueries(SIZE), ...(COMMON > 0 ? commonQueries(COMMON) : [])];
// The same mix with the walk of before issue 17's second step (no budget, no title pairs).
const before = createPostgresSearchIndex({ walkBudget: 0 });
const searchBefore = (m: MixEntry) =>
  before.search(deps.db, {
    q: m.q,
    filters: m.filters ?? {},
    sort: m.sort ?? 'relevance',
    page: 1,
    pageSize: 20,
  });
for (const m of MIX) {
  await search(m); // warm-up
  if (args.before) await searchBefore(m);
}
const byKindBefore = new Map<string, number[]>();
const examplesBefore: string[] = [];
const byKind = new Map<string, number[]>();
const all: number[] = [];
const pk: number[] = [];
const examples: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const m of MIX) {
    const t0 = performance.now();
    const r = await search(m);
    const ms = performance.now() - t0;
    all.push(ms);
    byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), ms]);
    const t1 = performance.now();
    const b = args.before ? await searchBefore(m) : r;
    if (args.before) byKindBefore.set(m.kind, [...(byKindBefore.get(m.kind) ?? []), performance.now() - t1]);
    if (round === 0 && (b.total !== r.total || b.hits[0]?.id !== r.hits[0]?.id))
      examplesBefore.push(
        `  ${m.q} → before ${b.totalEstimated ? '≈' : ''}${b.total} (top: ${b.hits[0]?.title ?? '—'}), after ${r.totalEstimated ? '≈' : ''}${r.total} (top: ${r.hits[0]?.title ?? '—'})`,
      );
    if (round === 0)
      examples.push(
        `  ${m.q || '(no query)'}${m.filters ? ` ${JSON.stringify(m.filters)}` : ''} → ${r.totalEstimated ? `≈${r.total}` : r.total}${r.correctedQuery ? ` (corrected: ${r.correctedQuery})` : ''}; ${fmt(ms)}${m.kind === 'long title' || m.kind === 'title + author' || m.kind === 'number' ? `; top: ${r.hits[0]?.title ?? '—'}` : ''}`,
      );
  }
  for (let i = 0; i < MIX.length; i++) {
    const t0 = performance.now();
    await dbh.query('SELECT id, title FROM catalogue_records WHERE id = $1', [
      ids[(round * MIX.length + i) % ids.length],
    ]);
    pk.push(performance.now() - t0);
  }
}
console.log('\nfirst round (query → hits):');
console.log(examples.join('\n'));
if (examplesBefore.length) console.log(`\ndiffering from before:\n${examplesBefore.join('\n')}`);
console.log('\nsearch latency:');
console.log(summary('all queries', all));
for (const [kind, samples] of byKind) console.log(summary(kind, samples));
console.log(summary('PK lookup baseline', pk));
if (args.before) {
  console.log('\nbefore (no walk budget, no title pairs), same rounds:');
  for (const [kind, samples] of byKindBefore) console.log(summary(kind, samples));
}
// Each query class against the short (1–2-word) queries of the same run: the ratio is what issue 17 judges.
const shortS = shortSamples(byKind);
console.log(
  `\nby class, vs short queries (1–2 words) of this run: p50 ${fmt(pct(shortS, 50))}, p95 ${fmt(pct(shortS, 95))}`,
);
printByClass(byKind);
if (args.before) {
  console.log('before, by class, vs its own short queries:');
  printByClass(byKindBefore);
}
recordCatalogueResults(byKind, pk);

// 3. MARC import: write an ISO 2709 file, import it as a job, measure records/s and peak RSS.
if (IMPORT > 0) {
  const { dir, file } = await writeMarcFile(IMPORT);
  const size = (await stat(file)).size;
  const unitId = holders[0] as string;
  let peak = process.memoryUsage().rss;
  const rssBefore = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  // The same file imported as a new job each time (the second time every record is unchanged).
  const importFile = async () =>
    runMarcImport(
      deps,
      (
        await startMarcImport(deps, admin, {
          fileName: 'import.mrc',
          format: 'iso2709',
          filePath: file,
          fileSize: size,
          unitId,
          publish: true,
        })
      ).id,
    );
  const t0 = performance.now();
  const result = await importFile();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  console.log(
    `\nMARC import: ${IMPORT.toLocaleString('en')} records, ${(size / 1048576).toFixed(1)} MiB ISO 2709`,
  );
  console.log(
    `  ${result.status}: ${result.imported} imported, ${result.failed} failed in ${seconds.toFixed(1)} s → ${Math.round(IMPORT / seconds).toLocaleString('en')} records/s`,
  );
  console.log(
    `  RSS before ${(rssBefore / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB`,
  );
  const t1 = performance.now();
  const again = await importFile();
  const s2 = (performance.now() - t1) / 1000;
  console.log(
    `  re-import (idempotent): ${again.skipped} unchanged, ${again.imported} new in ${s2.toFixed(1)} s → ${Math.round(IMPORT / s2).toLocaleString('en')} records/s`,
  );
  await rm(dir, { recursive: true, force: true });
}

// 4. OAI-PMH ListRecords throughput (in process, no HTTP): page through with resumption tokens.
const OAI = Number(args.oai);
if (OAI > 0) {
  console.log(`\nOAI-PMH ListRecords (up to ${OAI.toLocaleString('en')} records per format):`);
  const pkMedian = pct(
    [...pk].sort((a, b) => a - b),
    50,
  );
  for (const verbPrefix of ['ListRecords:oai_dc', 'ListRecords:marcxml', 'ListIdentifiers:oai_dc'] as const) {
    const [verb, prefix] = verbPrefix.split(':') as [string, string];
    let params = new URLSearchParams({ verb, metadataPrefix: prefix });
    let records = 0;
    let pages = 0;
    let bytes = 0;
    const pageMs: number[] = [];
    const t0 = performance.now();
    while (records < OAI) {
      const p0 = performance.now();
      const res = await handleOai(deps, params, new Date());
      pageMs.push(performance.now() - p0);
      bytes += Buffer.byteLength(res.body);
      records += (res.body.match(/<header[ >]/g) ?? []).length;
      pages++;
      const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(res.body)?.[1];
      if (!token) break;
      params = new URLSearchParams({ verb, resumptionToken: token.replace(/&amp;/g, '&') });
    }
    const seconds = (performance.now() - t0) / 1000;
    const sorted = pageMs.sort((a, b) => a - b);
    console.log(
      `  ${verbPrefix.padEnd(22)} ${records.toLocaleString('en')} records, ${pages} pages in ${seconds.toFixed(1)} s → ${Math.round(records / seconds).toLocaleString('en')} records/s, ${(bytes / seconds / 1048576).toFixed(1)} MiB/s; page p50 ${fmt(pct(sorted, 50))} p95 ${fmt(pct(sorted, 95))} (= ${(pct(sorted, 50) / pkMedian).toFixed(0)}× the PK lookup p50)`,
    );
  }
}
await done();

/**
 * BENCH_RESULTS (bench/bench-results.ts): p50/p95/p99 ms of each query kind, of each class of CLASSES (`class:`
 * keys, `class:short-1-2-words` the short queries) and of the primary-key lookup (`pk`), with the run's size.
 */
function recordCatalogueResults(kinds: Map<string, number[]>, pkSamples: number[]) {
  const row = (key: string, label: string, samples: number[]) => {
    const s = [...samples].sort((a, b) => a - b);
    const values = { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), n: s.length, size: SIZE };
    return { key, label, values };
  };
  recordBenchResults('catalogue', [
    ...[...kinds].map(([kind, samples]) => row(kind, kind, samples)),
    ...CLASSES.map(([cls, members]) =>
      row(
        `class:${keyOf(cls)}`,
        cls,
        [...kinds].filter(([k]) => members.includes(k)).flatMap(([, v]) => v),
      ),
    ).filter((r) => r.values.n > 0),
    row('pk', 'PK lookup baseline', pkSamples),
  ]);
}
