// The catalogue's SearchIndex on PostgreSQL/PGlite. A large deployment can put OpenSearch behind the same
// interface. How one search runs (each step bounded, whatever the collection size and the query's length):
//  0. a query that is an identifier (ISBN 10/13 with or without hyphens, ISSN, barcode, inventory number) is
//     looked up by index (migration 0090); with no match it is searched as words;
//  1. the query is split into folded words (catalogue.text.ts); the stored tsvector holds vn_fold(text);
//  2. count + facets come from a stratified sample of at most STRATA × PER_STRATUM matches read from the
//     postings B-tree (search.sample.server.ts, ADR 0007): the rarest word is range-scanned and the others
//     probed rarest first; exact for small result sets, an estimate ("khoảng 98.000") for large ones. A query
//     of 3+ words reads at most WALK_BUDGET driver postings per stratum; a stratum cut short with few matches
//     is completed through the query's rarest adjacent title pair (migration 0152) and is an estimate; a
//     two-word query can read its driver's first postings with the other word in one range scan and probe
//     past them (`phraseWindow`, off by default: slower than the probes at 1M). search.pairs holds the
//     completion, search.ident the identifier lookup, search.facets counts the sample;
//  3. zero hits → the words the dictionary does not know (at most 3; never numbers or single letters) are
//     corrected (edit-distance-1 neighbours by primary key, trigram neighbours for long words) and the
//     postings are asked again (the dictionary counts read by the plan are not read again);
//  4. relevance ranks a bounded candidate set (an exact result whole, else RANK_CAP sampled matches):
//     diacritics-exact phrase > folded phrase > exact words > ts_rank (title weighted) > corrected;
//     newest/title sort over all matches by index (search.hits).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { foldedWords, identifierQuery, queryWords } from '../catalogue.text.ts';
import { addWords, rebuildDictionary, suggestWords } from './search.dictionary.server.ts';
import { type Counted, countAndFacets } from './search.facets.server.ts';
import { candidates, filterSql, group, relevanceHits, sortedHits } from './search.hits.server.ts';
import { identifierMatches } from './search.ident.server.ts';
import { completeWithPairs } from './search.pairs.server.ts';
import {
  institutionSize,
  PHRASE_WINDOW,
  postingsMatch,
  type Sample,
  type SampleDriver,
  sampleMatches,
  WALK_BUDGET,
} from './search.sample.server.ts';
import type { SearchFilters, SearchHit, SearchIndex, SearchParams, SearchResult } from './search.types.ts';
import { corrections, type DictionaryMemo, driverOf } from './search.words.server.ts';

export { filterSql, RANK_CAP } from './search.hits.server.ts';
export type {
  FacetCount,
  FacetName,
  SearchFilters,
  SearchHit,
  SearchIndex,
  SearchParams,
  SearchResult,
} from './search.types.ts';

export const MAX_PAGE = 50;

/**
 * Which side a sample walks: the rarest word's postings, or — when the chosen institutions hold fewer records
 * than that word occurs in — the institutions' records, probing the words (a small museum searched for a
 * common word would otherwise scan all of that word's postings).
 */
async function planSample(
  db: Db,
  groups: readonly (readonly string[])[],
  f: SearchFilters,
  memo: DictionaryMemo,
): Promise<SampleDriver> {
  if (!f.institutions?.length && groups.length < 2) return { word: 0 };
  const driver = await driverOf(db, groups, memo);
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
  walk: WalkOptions,
  memo: DictionaryMemo,
): Promise<Sample> {
  const planned = await planSample(db, groups, f, memo);
  const { budget, mergeRatio, window } = walk;
  const plan = planned === 'institution' || mergeRatio === undefined ? planned : { ...planned, mergeRatio };
  const sample = await sampleMatches(db, groups, plan, f, budget, window);
  const rarity = plan === 'institution' || !plan.order ? undefined : [plan.word, ...plan.order];
  return completeWithPairs(db, groups, sample, f, rarity);
}

interface WalkOptions {
  budget: number;
  mergeRatio: number | undefined;
  window: number;
}

/** `walkBudget`: driver postings read per stratum of a multi-word query (default WALK_BUDGET); 0 is the walk
 * before issue 17's second step (every driver posting probed), kept so the benchmark measures both in one run.
 * `mergeRatio`: which other words the budget window reads rather than probes (default MERGE_RATIO_SUM; 0: none).
 * `phraseWindow`: driver postings a two-word query reads with the other word before probing (default
 * PHRASE_WINDOW; 0: every driver posting probed, the walk before addendum 8). */
export function createPostgresSearchIndex(
  opts: { walkBudget?: number; mergeRatio?: number; phraseWindow?: number } = {},
): SearchIndex {
  const walk: WalkOptions = {
    budget: opts.walkBudget ?? WALK_BUDGET,
    mergeRatio: opts.mergeRatio,
    window: opts.phraseWindow ?? PHRASE_WINDOW,
  };
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

      // Dictionary counts read once per search (the plan, the correction and the corrected plan share words).
      const memo: DictionaryMemo = new Map();
      let groups: string[][] = words.folded.map((w) => [w]);
      let counted = await countAndFacets(db, await wordsSample(db, groups, p.filters, walk, memo));
      let corrected = false;
      if (counted.total === 0) {
        const alt = await corrections(db, words.folded, memo);
        if (alt.map(group).join(' & ') !== groups.map(group).join(' & ')) {
          const again = await countAndFacets(db, await wordsSample(db, alt, p.filters, walk, memo));
          if (again.total > 0) {
            groups = alt;
            counted = again;
            corrected = true;
          }
        }
      }
      if (counted.total === 0) return finish(counted, [], null, p, 0);

      let hits: SearchHit[];
      let reachable = Number.POSITIVE_INFINITY;
      if (p.sort === 'relevance') {
        const seqs = candidates(counted);
        reachable = seqs.length;
        hits = await relevanceHits(db, words, groups, corrected, seqs, p, offset);
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

    suggest: suggestWords,
    addWords,
    rebuildDictionary,
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
