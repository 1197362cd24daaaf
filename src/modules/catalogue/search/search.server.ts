// The catalogue's SearchIndex on PostgreSQL/PGlite. A large deployment can put OpenSearch behind the same
// interface. How one search runs (each step bounded, whatever the collection size and the query's length):
//  0. a query that is an identifier (ISBN 10/13 with or without hyphens, ISSN, barcode, inventory number) is
//     looked up by index (migration 0090); with no match it is searched as words;
//  1. the query is split into folded words (catalogue.text.ts); the stored tsvector holds vn_fold(text);
//  2. count + facets come from a stratified sample of at most STRATA × PER_STRATUM matches read from the
//     postings B-tree (search.sample.server.ts, ADR 0007): the rarest word is range-scanned and the others
//     probed rarest first; exact for small result sets, an estimate ("khoảng 98.000") for large ones. A query
//     of 3+ words reads at most WALK_BUDGET driver postings per stratum; a stratum cut short with few matches
//     is completed through the query's rarest adjacent title pair (migration 0152) and is an estimate;
//  3. zero hits → the words the dictionary does not know (at most 3; never numbers or single letters) are
//     corrected (edit-distance-1 neighbours by primary key, trigram neighbours for long words) and the
//     postings are asked again;
//  4. relevance ranks a bounded candidate set (an exact result whole, else RANK_CAP sampled matches):
//     diacritics-exact phrase > folded phrase > exact words > ts_rank (title weighted) > corrected;
//     newest/title sort over all matches by index.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import type { RecordType, SearchSort } from '../catalogue.schemas.server.ts';
import { foldedWords, identifierQuery, queryWords } from '../catalogue.text.ts';
import { estimate, roundEstimate, type SampleRow } from './search.estimate.ts';
import {
  AVAILABILITY_VALUES,
  completeWithPairs,
  identifierMatches,
  institutionSize,
  postingsMatch,
  type Sample,
  type SampleDriver,
  type SampleFilters,
  STRATA,
  sampleMatches,
  WALK_BUDGET,
} from './search.sample.server.ts';
import { corrections, driverOf } from './search.words.server.ts';

export const MAX_PAGE = 50;
/** A large (estimated) result set is ranked on this many sampled matches, spread over the strata; a small
 * (exact) one is ranked whole. */
export const RANK_CAP = 200;

export type SearchFilters = SampleFilters;

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  type: RecordType;
  title: string;
  creators: string[];
  year: number | null;
  language: string | null;
  unitId: string;
  unitName: string;
  availability: string[];
}

export interface FacetCount {
  value: string;
  label?: string | undefined;
  count: number;
}
export type FacetName = 'type' | 'institution' | 'language' | 'decade' | 'availability';

export interface SearchResult {
  /** Exact, or (totalEstimated) a stratified estimate rounded to two significant digits; facets likewise. */
  total: number;
  totalEstimated: boolean;
  lastPage: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
  /** Set when the query had no hits as typed and corrected words found some. */
  correctedQuery: string | null;
}

export interface SearchIndex {
  search(db: Db, p: SearchParams): Promise<SearchResult>;
  /** Autocomplete: completes the last word of `q` from the dictionary, most frequent first. */
  suggest(db: Db, q: string, limit: number): Promise<string[]>;
  /** Adds the words of written records to the dictionary (folded word → number of records). */
  addWords(db: Db, counts: ReadonlyMap<string, number>): Promise<void>;
  /** Recounts the dictionary from the stored vectors (after bulk loads; periodic maintenance). */
  rebuildDictionary(db: Db): Promise<number>;
}

/** tsquery operand: folded words hold only letters and digits; quoting keeps each one a single lexeme. */
const lexeme = (w: string) => `'${w.replace(/'/g, "''")}'`;
const group = (alts: readonly string[]) =>
  alts.length === 1 ? lexeme(alts[0] as string) : `(${alts.map(lexeme).join(' | ')})`;

/** Filters on catalogue_records (alias `r`): sorted lists and exports. Decades also bound `year` (index). */
export function filterSql(f: SearchFilters): SQL {
  const parts: SQL[] = [sql`r.published`];
  if (f.types?.length) parts.push(sql`r.type = ANY(${textArray(f.types)}::text[])`);
  if (f.institutions?.length) parts.push(sql`r.unit_id = ANY(${textArray(f.institutions)}::text[])`);
  if (f.languages?.length) parts.push(sql`r.language = ANY(${textArray(f.languages)}::text[])`);
  if (f.decades?.length) {
    parts.push(sql`r.decade = ANY(${sql.param(f.decades)}::int[])`);
    parts.push(
      sql`(${sql.join(
        f.decades.map((d) => sql`(r.year >= ${d} AND r.year <= ${d + 9})`),
        sql` OR `,
      )})`,
    );
  }
  if (f.availability?.length) parts.push(sql`r.availability && ${textArray(f.availability)}::text[]`);
  return sql.join(parts, sql` AND `);
}

const HIT_COLUMNS = sql`r.id, r.type, r.title, r.creators, r.year, r.language, r.unit_id AS "unitId",
  u.name AS "unitName", r.availability`;

const emptyFacets = (): Record<FacetName, FacetCount[]> => ({
  type: [],
  institution: [],
  language: [],
  decade: [],
  availability: [],
});

interface Counted {
  total: number;
  exact: boolean;
  facets: Record<FacetName, FacetCount[]>;
  sample: SampleRow[];
}

/** Total and facets from a sample: each row counts for its stratum's weight. */
async function countAndFacets(db: Db, sampled: Sample): Promise<Counted> {
  const sample = sampled.rows;
  const est = estimate(sample, sampled.truncated);
  const sums = {
    type: new Map<string, number>(),
    institution: new Map<string, number>(),
    language: new Map<string, number>(),
    decade: new Map<string, number>(),
    availability: new Map<string, number>(),
  } satisfies Record<FacetName, Map<string, number>>;
  const add = (m: Map<string, number>, key: string, w: number) => m.set(key, (m.get(key) ?? 0) + w);
  sample.forEach((r, i) => {
    const w = est.weights[i] ?? 1;
    add(sums.type, r.type, w);
    add(sums.institution, String(r.unit_num), w);
    if (r.language !== null) add(sums.language, r.language, w);
    if (r.decade !== null) add(sums.decade, String(r.decade), w);
    AVAILABILITY_VALUES.forEach((v, bit) => {
      if (r.availability & (1 << bit)) add(sums.availability, v, w);
    });
  });
  const units = new Map<string, { id: string; name: string }>();
  if (sums.institution.size) {
    for (const u of await queryRows<{ num: number; id: string; name: string }>(
      db,
      sql`SELECT num, id, name FROM units WHERE num = ANY(${sql.param([...sums.institution.keys()].map(Number))}::int[])`,
    ))
      units.set(String(u.num), { id: u.id, name: u.name });
  }
  const round = (n: number) => (est.exact ? Math.round(n) : roundEstimate(n));
  const facets = emptyFacets();
  for (const k of Object.keys(sums) as FacetName[]) {
    for (const [value, n] of sums[k]) {
      const unit = k === 'institution' ? units.get(value) : undefined;
      if (k === 'institution' && !unit) continue;
      facets[k].push({ value: unit?.id ?? value, label: unit?.name, count: Math.max(1, round(n)) });
    }
    facets[k].sort((a, b) => (k === 'decade' ? Number(b.value) - Number(a.value) : b.count - a.count));
    facets[k] = facets[k].slice(0, 30);
  }
  return { total: est.exact ? est.total : roundEstimate(est.total), exact: est.exact, facets, sample };
}

/**
 * Which side a sample walks: the rarest word's postings, or — when the chosen institutions hold fewer records
 * than that word occurs in — the institutions' records, probing the words (a small museum searched for a
 * common word would otherwise scan all of that word's postings).
 */
async function planSample(
  db: Db,
  groups: readonly (readonly string[])[],
  f: SearchFilters,
): Promise<SampleDriver> {
  if (!f.institutions?.length && groups.length < 2) return { word: 0 };
  const driver = await driverOf(db, groups);
  const plan = { word: driver.word, order: driver.order, counts: driver.counts };
  if (!f.institutions?.length) return plan;
  // Counting is bounded: an institution with 20,000+ records is not the small side.
  const cap = Math.min(driver.count, 20_000);
  return (await institutionSize(db, f.institutions, cap)) < cap ? 'institution' : plan;
}

/** The sample of a word query: the planned walk, its truncated strata completed through title pairs. */
async function wordsSample(
  db: Db,
  groups: readonly (readonly string[])[],
  f: SearchFilters,
  budget: number,
  mergeRatio: number | undefined,
): Promise<Sample> {
  const planned = await planSample(db, groups, f);
  const plan = planned === 'institution' || mergeRatio === undefined ? planned : { ...planned, mergeRatio };
  const sample = await sampleMatches(db, groups, plan, f, budget);
  const rarity = plan === 'institution' || !plan.order ? undefined : [plan.word, ...plan.order];
  return completeWithPairs(db, groups, sample, f, rarity);
}

/** Candidates to rank: every match of an exact (small) result, else the first matches of every stratum. */
function candidates(counted: Counted): number[] {
  const sample = counted.sample;
  if (counted.exact || sample.length <= RANK_CAP) return sample.map((r) => r.seq);
  const perStratum = Math.ceil(RANK_CAP / STRATA);
  const taken = new Map<number, number>();
  const out: number[] = [];
  for (const r of sample) {
    const n = taken.get(r.k) ?? 0;
    if (n < perStratum) out.push(r.seq);
    taken.set(r.k, n + 1);
  }
  return out;
}

async function sortedHits(db: Db, where: SQL, p: SearchParams, offset: number): Promise<SearchHit[]> {
  const order =
    p.sort === 'title' ? sql`r.title_sort COLLATE "C", r.seq` : sql`r.year DESC NULLS LAST, r.seq DESC`;
  return queryRows<SearchHit>(
    db,
    sql`SELECT ${HIT_COLUMNS} FROM catalogue_records r JOIN units u ON u.id = r.unit_id
      WHERE ${where} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${offset}`,
  );
}

/** `walkBudget`: driver postings read per stratum of a multi-word query (default WALK_BUDGET); 0 is the walk
 * before issue 17's second step (every driver posting probed), kept so the benchmark measures both in one run.
 * `mergeRatio`: which other words the budget window reads rather than probes (default MERGE_RATIO_SUM; 0: none). */
export function createPostgresSearchIndex(
  opts: { walkBudget?: number; mergeRatio?: number } = {},
): SearchIndex {
  const budget = opts.walkBudget ?? WALK_BUDGET;
  return {
    async search(db, p) {
      const words = queryWords(p.q);
      const where = filterSql(p.filters);
      const offset = (Math.min(p.page, MAX_PAGE) - 1) * p.pageSize;
      if (words.folded.length === 0) {
        const counted = await countAndFacets(db, await sampleMatches(db, [], 'institution', p.filters));
        const hits = await sortedHits(db, where, p, offset);
        return finish(counted, hits, null, p, Number.POSITIVE_INFINITY);
      }

      // An ISBN, ISSN, barcode or inventory number is looked up by index; no match: a word search after all.
      const idents = identifierQuery(p.q);
      if (idents) {
        const found = await identifierMatches(db, idents, p.filters);
        if (found.length) {
          const counted = await countAndFacets(db, { rows: found, truncated: [] });
          const match = sql`r.seq = ANY(${sql.param(found.map((r) => r.seq))}::bigint[])`;
          const hits = await sortedHits(db, sql`${where} AND ${match}`, p, offset);
          return finish(counted, hits, null, p, Number.POSITIVE_INFINITY);
        }
      }

      let groups: string[][] = words.folded.map((w) => [w]);
      let counted = await countAndFacets(
        db,
        await wordsSample(db, groups, p.filters, budget, opts.mergeRatio),
      );
      let corrected = false;
      if (counted.total === 0) {
        const alt = await corrections(db, words.folded);
        if (alt.map(group).join(' & ') !== groups.map(group).join(' & ')) {
          const again = await countAndFacets(
            db,
            await wordsSample(db, alt, p.filters, budget, opts.mergeRatio),
          );
          if (again.total > 0) {
            groups = alt;
            counted = again;
            corrected = true;
          }
        }
      }
      if (counted.total === 0) return finish(counted, [], null, p, 0);

      const tsq = groups.map(group).join(' & ');
      let hits: SearchHit[];
      let reachable = Number.POSITIVE_INFINITY;
      if (p.sort === 'relevance') {
        const seqs = candidates(counted);
        reachable = seqs.length;
        const phrase = groups.length > 1 ? groups.map(group).join(' <-> ') : null;
        const exactPhrase = ` ${words.exact.join(' ')} `;
        const exactWords = sql.join(
          words.exact.map((w) => sql`(strpos(c.search_exact, ${` ${w} `}) > 0)::int`),
          sql` + `,
        );
        const originals = corrected
          ? sql.join(
              words.folded.map((w) => sql`(c.search_vector @@ to_tsquery('simple', ${lexeme(w)}))::int`),
              sql` + `,
            )
          : sql.raw(String(words.folded.length));
        hits = await queryRows<SearchHit>(
          db,
          sql`WITH c AS MATERIALIZED (
              SELECT r.id, r.seq, r.search_vector, r.search_exact FROM catalogue_records r
              WHERE r.seq = ANY(${sql.param(seqs)}::bigint[])),
            s AS (
              SELECT c.id, c.seq,
                (CASE WHEN strpos(c.search_exact, ${exactPhrase}) > 0 THEN 8 ELSE 0 END)
                + ${phrase ? sql`(CASE WHEN c.search_vector @@ to_tsquery('simple', ${phrase}) THEN 4 ELSE 0 END)` : sql`4`}
                + 2.0 * (${exactWords}) / ${sql.raw(String(words.exact.length))}
                + 2.0 * (${originals}) / ${sql.raw(String(words.folded.length))}
                + ts_rank(c.search_vector, to_tsquery('simple', ${tsq})) AS score
              FROM c ORDER BY score DESC, c.seq LIMIT ${p.pageSize} OFFSET ${offset})
            SELECT ${HIT_COLUMNS} FROM s JOIN catalogue_records r ON r.id = s.id JOIN units u ON u.id = r.unit_id
            ORDER BY s.score DESC, s.seq`,
        );
      } else {
        // Sorted lists: a small (exact) result is sorted whole; a large one is common enough that walking the
        // newest/title index and probing the postings finds a page quickly.
        const match = counted.exact
          ? sql`r.seq = ANY(${sql.param(counted.sample.map((r) => r.seq))}::bigint[])`
          : postingsMatch(groups);
        hits = await sortedHits(db, sql`${where} AND ${match}`, p, offset);
      }
      const correctedQuery = corrected ? correctedText(groups, hits[0]) : null;
      return finish(counted, hits, correctedQuery, p, reachable);
    },

    async suggest(db, q, limit) {
      const words = queryWords(q);
      const last = words.folded.at(-1);
      if (!last || last.length < 2) return [];
      const rows = await queryRows<{ word: string }>(
        db,
        sql`SELECT word FROM catalogue_words WHERE word LIKE ${`${last.replace(/[\\%_]/g, '')}%`}
          ORDER BY ndoc DESC, word LIMIT ${limit}`,
      );
      const head = words.exact.slice(0, -1).join(' ');
      return rows.map((r) => (head ? `${head} ${r.word}` : r.word));
    },

    async addWords(db, counts) {
      if (counts.size === 0) return;
      // Sorted so concurrent imports lock dictionary rows in the same order (no deadlocks).
      const words = [...counts.keys()].sort();
      await db.execute(sql`INSERT INTO catalogue_words (word, ndoc)
        SELECT w, n FROM unnest(${textArray(words)}::text[], ${sql.param(words.map((w) => counts.get(w) ?? 1))}::int[]) AS x(w, n)
        ON CONFLICT (word) DO UPDATE SET ndoc = catalogue_words.ndoc + EXCLUDED.ndoc`);
    },

    async rebuildDictionary(db) {
      await db.execute(sql`DELETE FROM catalogue_words`);
      const rows = await queryRows<{ n: number }>(
        db,
        sql`WITH ins AS (INSERT INTO catalogue_words (word, ndoc)
            SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM catalogue_records') WHERE length(word) <= 40
            RETURNING 1)
          SELECT count(*)::int AS n FROM ins`,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/** "Did you mean": for each query word, the alternative the best hit actually contains. */
function correctedText(groups: readonly string[][], top: SearchHit | undefined): string {
  const present = new Set(top ? foldedWords([top.title, ...top.creators]) : []);
  return groups.map((alts) => alts.find((a) => present.has(a)) ?? alts[0] ?? '').join(' ');
}

function finish(
  counted: Counted,
  hits: SearchHit[],
  correctedQuery: string | null,
  p: SearchParams,
  reachable: number,
): SearchResult {
  const lastPage = Math.max(
    1,
    Math.min(MAX_PAGE, Math.ceil(Math.min(counted.total, reachable) / p.pageSize)),
  );
  return {
    total: counted.total,
    totalEstimated: !counted.exact,
    lastPage,
    hits,
    facets: counted.facets,
    correctedQuery,
  };
}
