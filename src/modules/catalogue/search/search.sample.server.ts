// Counting and faceting a search without visiting every match (ADR 0007).
//
// The published records' seq range is cut into STRATA equal slices; from each slice the first PER_STRATUM
// matches (in seq order) are read from the postings B-tree (index-only) or, without query words, from the
// narrow facet table. A slice that yields fewer than PER_STRATUM matches was read whole: its count is exact.
// A full slice is extrapolated from how far into it the sample reached (matches per seq). Every sampled row
// carries its slice's weight (search.estimate.ts), so totals and facets are exact for small result sets and a
// stratified estimate for large ones, and records imported at different times (different seq ranges) are all
// represented.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { PER_STRATUM, type SampleRow, type Truncated } from './search.estimate.ts';
import {
  and,
  filtersOn,
  postingsMatch,
  probe,
  type SampleFilters,
  toRow,
} from './search.fragments.server.ts';

export {
  AVAILABILITY_VALUES,
  availabilityMask,
  postingsMatch,
  type SampleFilters,
} from './search.fragments.server.ts';

export const STRATA = 8;
/** A multi-word query reads at most this many of its driver word's postings per stratum (issue 17): when the
 * words are common and rare together, the rest of the stratum is extrapolated from the part read, and its best
 * matches (the words adjacent in a title) are found through the rarest title pair (migration 0152). */
export const WALK_BUDGET = 400;
/** Queries of this many words on have a budgeted walk. */
export const BUDGET_FROM_WORDS = 3;
/** A two-word query can read the first this many of its driver's postings per stratum together with the other
 * word's in one range scan, and probe only past them (the walk stays whole: counts and samples are those of
 * the probing walk). Off (0): at 1M it read ~8× fewer buffers but took longer than the probes it replaced
 * (ADR 0007 addendum 8); `createPostgresSearchIndex({ phraseWindow: 400 })` measures it again. */
export const PHRASE_WINDOW = 0;

/** Other words read with the driver in a budgeted walk's window instead of probed per driver posting: the
 * rarest single words (alternatives are probed) while their records add up to at most MERGE_RATIO_SUM × the
 * driver's — reading a word's window costs ~its ratio × 400 index entries, probing it ~4 buffers per posting. */
export const MERGE_RATIO_SUM = 4;

function mergedWords(
  groups: readonly (readonly string[])[],
  driver: number,
  rest: readonly number[],
  counts: readonly number[] | undefined,
  ratio: number,
): number[] {
  const base = counts?.[driver];
  if (!counts || !base || !Number.isFinite(base)) return [];
  const out: number[] = [];
  let sum = 0;
  for (const i of rest) {
    const n = counts[i];
    if ((groups[i] ?? []).length !== 1 || n === undefined || !Number.isFinite(n)) continue;
    if (sum + n / base > ratio) break;
    sum += n / base;
    out.push(i);
  }
  return out;
}

/** The other words a walk reads with its driver in one range scan (none: every other word probed). */
function mergedOf(
  groups: readonly (readonly string[])[],
  walk: Exclude<SampleDriver, 'institution'>,
  enabled: boolean,
): number[] {
  if (!enabled || (groups[walk.word] ?? []).length !== 1) return [];
  const rest = (walk.order ?? groups.map((_, i) => i)).filter((i) => i !== walk.word);
  return mergedWords(groups, walk.word, rest, walk.counts, walk.mergeRatio ?? MERGE_RATIO_SUM);
}

/**
 * The first PER_STRATUM matches of one slice, for words given as AND-ed groups of alternatives. The driver
 * group (the rarest single word) is range-scanned; every other group is probed by (word, seq), rarest first
 * (`order`), so a row is rejected by its first missing word: the work is the driver's postings in the slice
 * times a small constant, whatever the number of words.
 */
function wordsSlice(
  groups: readonly (readonly string[])[],
  walk: Exclude<SampleDriver, 'institution'>,
  f: SampleFilters,
  budget: number,
  windowed: boolean,
): SQL {
  const driver = walk.word;
  const rest = (walk.order ?? groups.map((_, i) => i)).filter((i) => i !== driver);
  const alts = groups[driver] ?? [];
  const merged = mergedOf(groups, walk, budget > 0 || windowed);
  const conditions = and([...filtersOn(f, 'num'), ...rest.map((i) => probe(groups[i] ?? []))]);
  // The records holding every one of `words` in the window, by one grouped range scan counting postings per
  // record; the other words probed on those; then the driver's posting of each survivor read for the facet
  // columns (a record's postings all carry them). Aggregating the facet columns in the scan (min() FILTER of
  // five columns per group) cost ~2 µs per window posting at 1M, most of the walk (issue 17, addendum 8).
  const grouped = (words: readonly string[], probes: SQL[]) => {
    const d = words[0] as string;
    return sql`(SELECT p.* FROM (SELECT p.seq FROM (SELECT p.seq FROM catalogue_postings p
          WHERE p.word = ANY(${textArray(words)}::text[]) AND p.seq >= s.a AND p.seq < s.z
            AND p.seq <= s.reach AND s.reach IS NOT NULL
          GROUP BY p.seq HAVING count(*) = ${words.length} OFFSET 0) p
        WHERE s.reach IS NOT NULL${and(probes)} OFFSET 0) g
      CROSS JOIN LATERAL (SELECT p.seq, p.type, p.unit_num, p.language, p.decade, p.availability
        FROM catalogue_postings p WHERE p.word = ${d} AND p.seq = g.seq OFFSET 0) p
      WHERE true${and(filtersOn(f, 'num'))} ORDER BY p.seq LIMIT ${PER_STRATUM})`;
  };
  if (windowed && merged.length) {
    // A two-word query's walk is whole (its count exact where small): the window of the driver's first
    // PHRASE_WINDOW postings is intersected with the other word's by one grouped range scan, and only the
    // driver's postings past it are probed — and only when the window held fewer than PER_STRATUM matches
    // (the `LIMIT` stops the `UNION ALL` after its first part). The same first matches in seq order as the
    // probing walk: 'khanh hoa' probed ~3,600 postings at 1M, ~4 buffers each (issue 17).
    const d = alts[0] as string;
    const words = [...new Set([d, ...merged.map((i) => (groups[i] ?? [])[0] as string)])];
    const rest2 = rest.filter((i) => !merged.includes(i)).map((i) => probe(groups[i] ?? []));
    return sql`(SELECT u.* FROM (${grouped(words, rest2)}
      UNION ALL (SELECT p.seq, p.type, p.unit_num, p.language, p.decade, p.availability
        FROM catalogue_postings p
        WHERE p.word = ${d} AND p.seq >= s.c AND p.seq < s.z${conditions}
        ORDER BY p.seq LIMIT ${PER_STRATUM})) u LIMIT ${PER_STRATUM})`;
  }
  const probed = sql`(SELECT p.* FROM (SELECT p.seq, p.type, p.unit_num, p.language, p.decade, p.availability
        FROM catalogue_postings p WHERE p.word = ${alts[0]} AND p.seq >= s.a AND p.seq < s.z
        ORDER BY p.seq LIMIT ${budget} OFFSET 0) p
      WHERE true${conditions} ORDER BY p.seq LIMIT ${PER_STRATUM})`;
  if (merged.length) {
    // The budget window's postings of the driver and the merged words in one range scan, grouped by record:
    // the records holding them all (every posting of a record carries its facet columns; the driver's are
    // taken). Probing each driver posting for the next word cost 4 buffers a probe (a 4-level B-tree), ~12,800
    // for 8 × 400 postings at 1M; reading the next word's postings in the window is ~15 pages (issue 17).
    const d = alts[0] as string;
    const words = [...new Set([d, ...merged.map((i) => (groups[i] ?? [])[0] as string)])];
    // Only where the budget cut the stratum (`reach`): a driver with fewer postings there than the budget
    // would have the other words read over the whole stratum — the common-word titles' driver had 50 postings
    // in each of the first 7 strata and a merged word 85× as many there — so those strata probe (≤ budget).
    const probes = rest.filter((i) => !merged.includes(i)).map((i) => probe(groups[i] ?? []));
    return sql`(${grouped(words, probes)}
      UNION ALL (SELECT p.* FROM ${probed} p WHERE s.reach IS NULL))`;
  }
  const branch = (word: string) =>
    sql`(SELECT p.seq, p.type, p.unit_num, p.language, p.decade, p.availability
      FROM catalogue_postings p
      WHERE p.word = ${word} AND p.seq >= s.a AND p.seq < s.z${conditions}
      ORDER BY p.seq LIMIT ${PER_STRATUM})`;
  // Probes run on at most WALK_BUDGET of the driver's postings per stratum (`OFFSET 0`: not flattened).
  if (alts.length === 1 && budget > 0) return probed;
  if (alts.length === 1) return branch(alts[0] as string);
  // Alternatives (typo corrections): the union of each one's first matches holds the slice's first matches.
  return sql`(SELECT DISTINCT ON (u.seq) u.* FROM (${sql.join(alts.map(branch), sql` UNION ALL `)}) u
    ORDER BY u.seq LIMIT ${PER_STRATUM})`;
}

/** From the narrow facet table: every published record, or (with words) those an institution holds. */
function docsSlice(f: SampleFilters, groups: readonly (readonly string[])[]): SQL {
  const words = groups.length ? [postingsMatch(groups, 'p')] : [];
  return sql`(SELECT p.seq, p.type, n.num AS unit_num, p.language, p.decade,
      catalogue_availability_mask(p.availability) AS availability
    FROM catalogue_search_docs p JOIN units n ON n.id = p.unit_id
    WHERE p.published AND p.seq >= s.a AND p.seq < s.z${and([...filtersOn(f, 'id'), ...words])}
    ORDER BY p.seq LIMIT ${PER_STRATUM})`;
}

/** Published records of these institutions, counted up to `cap` (index-only on the unit index). */
export async function institutionSize(db: Db, institutions: readonly string[], cap: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM catalogue_search_docs
      WHERE published AND unit_id = ANY(${textArray(institutions)}::text[]) LIMIT ${cap}) x`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** What a sample walks: the postings of one word group, or an institution's records (then probing words). */
export type SampleDriver =
  | {
      word: number;
      order?: readonly number[];
      counts?: readonly number[];
      /** MERGE_RATIO_SUM unless given (0: every other word probed, the walk before issue 17's 1M step). */
      mergeRatio?: number;
    }
  | 'institution';

export interface Sample {
  rows: SampleRow[];
  /** Strata read only in part (estimated from the part read, completed by title pairs). */
  truncated: Truncated[];
}

/** Samples the matches of `groups` (none: every published record) under the filters. */
export async function sampleMatches(
  db: Db,
  groups: readonly (readonly string[])[],
  driver: SampleDriver,
  f: SampleFilters,
  budget = WALK_BUDGET,
  window = PHRASE_WINDOW,
): Promise<Sample> {
  const walk = groups.length > 0 && driver !== 'institution' ? driver : undefined;
  const driverWord = walk ? groups[walk.word] : undefined;
  // A long query (3+ words: probes) behind a single driver word: its walk is budgeted. One- and two-word
  // queries keep the whole walk (their rarest word is the cost, as before); with a `window` (PHRASE_WINDOW, off
  // by default) a two-word one reads it first when the other word is not much more common than the driver.
  const budgeted = budget > 0 && groups.length >= BUDGET_FROM_WORDS && driverWord?.length === 1;
  const windowed =
    !budgeted &&
    window > 0 &&
    walk !== undefined &&
    groups.length > 1 &&
    mergedOf(groups, walk, true).length > 0;
  const slice = walk ? wordsSlice(groups, walk, f, budgeted ? budget : 0, windowed) : docsSlice(f, groups);
  // Where the budget (or the window) ends in each stratum, computed once per stratum (`s` is materialized): as
  // an output column of the joined rows it was a subplan run once per sampled row — 479 times, 170 of a 226 ms
  // walk, for "lich su raglai" at 1M (issue 17). `c`: where a window's walk goes on probing.
  const end = budgeted ? budget : windowed ? window : 0;
  const reach = end
    ? sql`(SELECT p.seq FROM catalogue_postings p WHERE p.word = ${driverWord?.[0]} AND p.seq >= s.a
        AND p.seq < s.z ORDER BY p.seq OFFSET ${end - 1} LIMIT 1)`
    : sql`NULL::bigint`;
  const rows = await queryRows<SampleRow & { reach: number | null }>(
    db,
    sql`WITH b AS (SELECT min(seq) AS lo, max(seq) AS hi FROM catalogue_search_docs),
      q AS (SELECT k, b.lo + (b.hi - b.lo + 1) * k / ${STRATA} AS a, b.lo + (b.hi - b.lo + 1) * (k + 1) / ${STRATA} AS z
        FROM b, generate_series(0, ${STRATA - 1}) AS k WHERE b.lo IS NOT NULL),
      s AS MATERIALIZED (SELECT t.*, COALESCE(t.reach + 1, t.a) AS c
        FROM (SELECT s.k, s.a, s.z, ${reach} AS reach FROM q s OFFSET 0) t)
      SELECT s.k, s.a::float8 AS a, s.z::float8 AS z, s.reach::float8 AS reach, m.seq::float8 AS seq, m.type,
        m.unit_num, m.language, m.decade, m.availability
      FROM s LEFT JOIN LATERAL ${slice} m ON true
      ORDER BY s.k, m.seq`,
  );
  const out: SampleRow[] = [];
  const perStratum = new Map<number, number>();
  const truncated: Truncated[] = [];
  for (const r of rows) {
    const k = Number(r.k);
    if (r.seq !== null) {
      const { reach: _, ...row } = r;
      out.push(toRow(row));
      perStratum.set(k, (perStratum.get(k) ?? 0) + 1);
    }
  }
  for (const r of rows) {
    const k = Number(r.k);
    // A stratum that filled its sample is extrapolated as before; one that ran out of budget first is cut.
    if (
      budgeted &&
      r.reach !== null &&
      (perStratum.get(k) ?? 0) < PER_STRATUM &&
      !truncated.some((t) => t.k === k)
    )
      truncated.push({ k, a: Number(r.a), z: Number(r.z), reach: Number(r.reach) });
  }
  return { rows: out, truncated };
}
