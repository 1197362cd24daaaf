import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedReference } from '../src/db/seed/index.ts';
import { buildDeps } from '../src/deps.ts';
import { newId } from '../src/lib/ids.ts';
import { createLogger } from '../src/lib/logger.ts';
import { testConfig } from '../src/test/harness.ts';
import { generator } from './catalogue-data.ts';
const kind = process.argv[2] ?? 'pglite';
const SIZE = Number(process.argv[3] ?? 20000);
const dbh = kind === 'pglite' ? await openDatabase({ kind: 'pglite' }) : await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test', searchPath: 'prof', max: 2 });
if (kind !== 'pglite') { await dbh.query('DROP SCHEMA IF EXISTS prof CASCADE'); await dbh.query('CREATE SCHEMA prof'); }
await migrate(dbh);
const deps = buildDeps(testConfig(), dbh, createLogger('silent'));
await seedReference(deps);
const units = (await dbh.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM units')).filter(u => u.parent_id).map(u => u.id);
const next = generator(2030);
for (let done = 0; done < SIZE; done += 2000) {
  const recs = []; const hold = [];
  for (let i = 0; i < 2000; i++) { const g = next(); const id = newId('rec'); const unitId = units[i % units.length]!;
    recs.push({ id, type: g.type, title: g.title, creators: g.creators, subjects: g.subjects, dateText: null, year: g.year, language: g.language, description: null, rights: null, unitId, isbn: g.isbn, issn: null, inventoryNo: null, controlNumber: null, controlSource: null, published: true, details: {}, source: 'manual' as const, sourceHash: null });
    hold.push({ id: newId('hld'), recordId: id, unitId, callNumber: null, location: null, barcode: null, availability: g.availability }); }
  await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, recs, hold));
}
await deps.repos.catalogueSearch.rebuildDictionary(deps.db); await dbh.query('ANALYZE');
const q = `to_tsquery('simple', '''hoa''')`;
const stmts: Record<string,string> = {
 count: `SELECT count(*) FROM (SELECT 1 FROM catalogue_records r WHERE r.published AND r.search_vector @@ ${q} LIMIT 10001) x`,
 facets: `WITH m AS MATERIALIZED (SELECT r.type, r.unit_id, r.language, r.decade, r.availability FROM catalogue_records r WHERE r.published AND r.search_vector @@ ${q} LIMIT 10001)
      SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*)::int AS n FROM m
      UNION ALL SELECT 'type', type, NULL, count(*)::int FROM m GROUP BY type
      UNION ALL SELECT 'institution', g.unit_id, u.name, g.n FROM (SELECT unit_id, count(*)::int AS n FROM m GROUP BY unit_id) g JOIN units u ON u.id = g.unit_id
      UNION ALL SELECT 'language', language, NULL, count(*)::int FROM m WHERE language IS NOT NULL GROUP BY language
      UNION ALL SELECT 'decade', decade::text, NULL, count(*)::int FROM m WHERE decade IS NOT NULL GROUP BY decade
      UNION ALL SELECT 'availability', a, NULL, count(*)::int FROM m CROSS JOIN LATERAL unnest(m.availability) AS a GROUP BY a`,
 rank: `WITH c AS MATERIALIZED (SELECT r.id, r.seq, r.search_vector, r.search_exact FROM catalogue_records r WHERE r.published AND r.search_vector @@ ${q} LIMIT 1000),
  s AS (SELECT c.id, c.seq, (CASE WHEN strpos(c.search_exact, ' hoa ') > 0 THEN 8 ELSE 0 END) + ts_rank(c.search_vector, ${q}) AS score FROM c ORDER BY score DESC, c.seq LIMIT 20)
  SELECT r.id, r.title FROM s JOIN catalogue_records r ON r.id = s.id ORDER BY s.score DESC`,
 rankNoRank: `WITH c AS MATERIALIZED (SELECT r.id, r.seq, r.search_exact FROM catalogue_records r WHERE r.published AND r.search_vector @@ ${q} LIMIT 1000)
  SELECT c.id FROM c ORDER BY (CASE WHEN strpos(c.search_exact, ' hoa ') > 0 THEN 8 ELSE 0 END) DESC, c.seq LIMIT 20`,
};
for (const [k, s] of Object.entries(stmts)) {
  for (let i = 0; i < 3; i++) await dbh.query(s);
  const t0 = performance.now(); for (let i = 0; i < 10; i++) await dbh.query(s); const ms = (performance.now() - t0) / 10;
  const plan = await dbh.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s}`);
  console.log(`== ${k}: ${ms.toFixed(2)} ms`); console.log(plan.map(p => p['QUERY PLAN']).filter(l => /Scan|Execution|Planning|Aggregate|Sort/.test(l)).slice(0, 12).join('\n'));
}
await dbh.close();
