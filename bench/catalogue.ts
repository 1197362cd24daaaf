// `npm run bench:catalogue -- [--size 100000] [--db pglite|postgres] [--import 100000] [--rounds 15] [--common 0]`
// Loads generated Vietnamese records, then reports search latency (p50/p95/p99) over a fixed query mix against a
// bare primary-key lookup measured in the same process, and MARC import records/s with peak RSS.
// `--common N` adds N records whose titles are 7 syllables from 40 common ones (the worst case of issue 17 at
// 1M: every word of a pasted title common, the words together rare) and queries them; every query is run
// with the budgeted walk + title pairs (after) and the unbudgeted walk (before) in the same rounds.
// PostgreSQL: DATABASE_URL or TEST_DATABASE_URL; a fresh schema is created for the run and dropped after.
// Prints figures; asserts nothing.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDeps } from '../src/app/build-deps.server.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { type DbHandle, openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import {
  type GeneratedRecord,
  generator,
  QUERY_MIX,
} from '../src/modules/catalogue/catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../src/modules/catalogue/catalogue.repository.server.ts';
import { generatedRecord } from '../src/modules/catalogue/catalogue.seed.server.ts';
import { runMarcImport, startMarcImport } from '../src/modules/catalogue/marc/import.server.ts';
import { writeIso2709 } from '../src/modules/catalogue/marc/iso2709.ts';
import { handleOai } from '../src/modules/catalogue/oai/oai-provider.server.ts';
import { createPostgresSearchIndex } from '../src/modules/catalogue/search/search.server.ts';
import { testActor } from '../src/test/actors.ts';
import { testConfig } from '../src/test/harness.ts';

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
  },
});
const SIZE = Number(args.size);
const IMPORT = Number(args.import);
const ROUNDS = Number(args.rounds);
const COMMON = Number(args.common);
/** Common title syllables (issue 17 worst case): each is in ~1/6 of the --common records. */
const COMMON_WORDS = (
  'lịch sử văn hóa việt nam người dân tộc miền bắc trung đất nước thời đại mới xã hội kinh tế phát triển ' +
  'nghệ thuật truyền thống địa phương tỉnh thành phố con đường cuộc sống gia đình nhân cách mạng khoa học'
).split(' ');
function commonTitle(r: () => number): string {
  return Array.from({ length: 7 }, () => COMMON_WORDS[Math.floor(r() * COMMON_WORDS.length)]).join(' ');
}
/** A small deterministic generator (the titles are rebuilt for the queries). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(18)} n=${String(s.length).padStart(5)}  p50 ${fmt(pct(s, 50)).padStart(10)}  p95 ${fmt(pct(s, 95)).padStart(10)}  p99 ${fmt(pct(s, 99)).padStart(10)}  max ${fmt(s.at(-1) ?? 0).padStart(10)}`;
}

async function open(): Promise<{ dbh: DbHandle; done: () => Promise<void>; label: string }> {
  if (args.db === 'postgres') {
    const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('--db postgres needs DATABASE_URL or TEST_DATABASE_URL');
    const schema = args.schema ?? `bench_${randomBytes(4).toString('hex')}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('--schema: lower-case letters, digits and _');
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const dbh = await openDatabase({ kind: 'postgres', url, searchPath: schema, max: 4 });
    return {
      dbh,
      label: `PostgreSQL (${schema})`,
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

type MixEntry = (typeof QUERY_MIX)[number];
const SHORT_KINDS = new Set(['word+diacritics', 'word folded', 'phrase']);
const CLASSES: Array<[string, string[]]> = [
  ['short (1–2 words)', [...SHORT_KINDS]],
  ['typo + facet', ['typo', 'facet']],
  ['long title', ['long title']],
  ['common-word title', ['common-word title']],
  ['title + author', ['title + author']],
  ['number', ['number']],
  ['no hit', ['no hit']],
];

/** Queries built from records the load generated (generator(2030), published unless index % 50 === 0). */
function longQueries(size: number): MixEntry[] {
  const gen = generator(2030);
  const picked: Array<{ i: number; g: GeneratedRecord }> = [];
  // Spread over the whole load: one record near each tenth of it.
  const targets = Array.from({ length: 10 }, (_, k) => Math.floor(((k + 0.5) * size) / 10));
  for (let i = 0, t = 0; i < size && t < targets.length; i++) {
    const g = gen();
    if (i < (targets[t] as number) || i % 50 === 0 || g.title.split(' ').length < 5 || !g.isbn) continue;
    picked.push({ i, g });
    t++;
  }
  const out: MixEntry[] = [];
  picked.slice(0, 5).forEach(({ g }) => {
    out.push({ kind: 'long title', q: g.title });
  });
  picked.slice(5, 10).forEach(({ g }) => {
    out.push({ kind: 'title + author', q: `${g.title} ${g.creators[0] ?? ''}`.trim() });
  });
  const isbns = picked.map(({ g }) => g.isbn as string);
  out.push(
    { kind: 'number', q: `isbn ${isbns[0]}` },
    { kind: 'number', q: isbns[1] as string },
    { kind: 'number', q: (isbns[2] as string).replace(/^(\d{3})(\d{3})(\d{6})(\d)$/, '$1-$2-$3-$4') },
    { kind: 'number', q: 'isbn 9786049999999' },
    { kind: 'no hit', q: 'quantum chromodynamics lattice gauge theory for graduate students' },
    { kind: 'no hit', q: 'gốm hòa bình cho thiếu nhi tây nguyên raglai chiến tranh tuyển tập' },
    { kind: 'no hit', q: 'zxqv wbrtk plmnq' },
    { kind: 'no hit', q: 'kiến trúc yến sào ponagar hán nôm chuyển đổi số đà lạt' },
  );
  return out;
}

const { dbh, done, label } = await open();
await migrate(dbh);
const deps = buildDeps(
  testConfig({ DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-cat-')) }),
  dbh,
  createLogger('silent'),
);
await seedReference(deps);
const units = await dbh.query<{ id: string; parent_id: string | null; kind: string }>(
  'SELECT id, parent_id, kind FROM units',
);
const holders = units.filter((u) => u.parent_id !== null).map((u) => u.id);
const root = units.find((u) => u.parent_id === null)?.id ?? '';
const admin = testActor(
  [{ role: 'administrator', unitId: root }],
  Object.fromEntries(units.map((u) => [u.id, u.parent_id])),
);
console.log(`catalogue bench — ${label}, ${SIZE.toLocaleString('en')} records, Node ${process.version}`);

// 1. Bulk load through the repository (the import path's statements, without MARC parsing).
const next = generator(2030);
const loadStart = performance.now();
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
    if (have < SIZE + done + n)
      await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, records, holdings));
    done += n;
  }
}
const words = await deps.repos.catalogueSearch.rebuildDictionary(deps.db);
// What autovacuum would do after a bulk load (PGlite has no autovacuum): statistics and the visibility map.
await dbh.query('VACUUM (ANALYZE)');
console.log(
  `load: ${((performance.now() - loadStart) / 1000).toFixed(1)} s (${words.toLocaleString('en')} dictionary words)`,
);

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
const commonQueries = (): MixEntry[] => {
  const r = lcg(1717);
  const titles: string[] = [];
  for (let i = 0; i < COMMON; i++) {
    const t = commonTitle(r);
    if (i % Math.max(1, Math.floor(COMMON / 5)) === 7) titles.push(t);
  }
  return titles.slice(0, 5).map((q) => ({ kind: 'common-word title', q }));
};
const MIX = [...QUERY_MIX, ...longQueries(SIZE), ...(COMMON > 0 ? commonQueries() : [])];
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
  await searchBefore(m);
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
    const b = await searchBefore(m);
    byKindBefore.set(m.kind, [...(byKindBefore.get(m.kind) ?? []), performance.now() - t1]);
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
console.log('\nbefore (no walk budget, no title pairs), same rounds:');
for (const [kind, samples] of byKindBefore) console.log(summary(kind, samples));
// Each query class against the short (1–2-word) queries of the same run: the ratio is what issue 17 judges.
const short = [...byKind].filter(([k]) => SHORT_KINDS.has(k)).flatMap(([, v]) => v);
const shortS = [...short].sort((a, b) => a - b);
console.log(
  `\nby class, vs short queries (1–2 words) of this run: p50 ${fmt(pct(shortS, 50))}, p95 ${fmt(pct(shortS, 95))}`,
);
for (const [cls, kinds] of CLASSES) {
  const s = [...byKind].filter(([k]) => kinds.includes(k)).flatMap(([, v]) => v);
  if (!s.length) continue;
  const sorted = s.sort((a, b) => a - b);
  console.log(
    `${summary(cls, sorted)}  = ${(pct(sorted, 50) / pct(shortS, 50)).toFixed(1)}× / ${(pct(sorted, 95) / pct(shortS, 95)).toFixed(1)}× short (p50/p95)`,
  );
}
const shortB = [...byKindBefore]
  .filter(([k]) => SHORT_KINDS.has(k))
  .flatMap(([, v]) => v)
  .sort((a, b) => a - b);
console.log('before, by class, vs its own short queries:');
for (const [cls, kinds] of CLASSES) {
  const s = [...byKindBefore].filter(([k]) => kinds.includes(k)).flatMap(([, v]) => v);
  if (!s.length) continue;
  const sorted = s.sort((a, b) => a - b);
  console.log(
    `${summary(cls, sorted)}  = ${(pct(sorted, 50) / pct(shortB, 50)).toFixed(1)}× / ${(pct(sorted, 95) / pct(shortB, 95)).toFixed(1)}× short (p50/p95)`,
  );
}

// 3. MARC import: write an ISO 2709 file, import it as a job, measure records/s and peak RSS.
if (IMPORT > 0) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-marc-'));
  const file = join(dir, 'import.mrc');
  const gen = generator(77);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < IMPORT; i++) {
    const g = gen();
    chunks.push(
      writeIso2709({
        leader: '00000nam a2200000 i 4500',
        fields: [
          { tag: '001', value: `B${i}` },
          { tag: '003', value: 'VN-BENCH' },
          { tag: '008', value: `240101s${g.year}    vm ${' '.repeat(11)}000 0 ${g.language} d` },
          ...(g.isbn
            ? [{ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: g.isbn }] }]
            : []),
          ...g.creators.map((c, k) => ({
            tag: k ? '700' : '100',
            ind1: '1',
            ind2: ' ',
            subfields: [{ code: 'a', value: c }],
          })),
          { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: g.title }] },
          {
            tag: '264',
            ind1: ' ',
            ind2: '1',
            subfields: [
              { code: 'b', value: 'Nxb. Tổng hợp' },
              { code: 'c', value: String(g.year) },
            ],
          },
          ...g.subjects.map((s) => ({
            tag: '650',
            ind1: ' ',
            ind2: '4',
            subfields: [{ code: 'a', value: s }],
          })),
          { tag: '852', ind1: ' ', ind2: ' ', subfields: [{ code: 'h', value: g.callNumber }] },
        ],
      }),
    );
  }
  await writeFile(file, chunks);
  chunks.length = 0;
  const size = (await stat(file)).size;
  const unitId = holders[0] as string;
  let peak = process.memoryUsage().rss;
  const rssBefore = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const job = await startMarcImport(deps, admin, {
    fileName: 'import.mrc',
    format: 'iso2709',
    filePath: file,
    fileSize: size,
    unitId,
    publish: true,
  });
  const result = await runMarcImport(deps, job.id);
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
  const again = await runMarcImport(
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
