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
import { AVAILABILITIES } from '../catalogue.schemas.server.ts';
import { EXTRAPOLATE_MIN, PER_STRATUM, type SampleRow, type Truncated } from './search.estimate.ts';

export const STRATA = 8;
/** A multi-word query reads at most this many of its driver word's postings per stratum (issue 17): when the
 * words are common and rare together, the rest of the stratum is extrapolated from the part read, and its best
 * matches (the words adjacent in a title) are found through the rarest title pair (migration 0152). */
export const WALK_BUDGET = 400;
/** Queries of this many words on have a budgeted walk. */
export const BUDGET_FROM_WORDS = 3;

/** Availability values in bit order (migration 0017 `catalogue_availability_mask` uses the same order). */
export const AVAILABILITY_VALUES = AVAILABILITIES;

export interface SampleFilters {
  types?: readonly string[] | undefined;
  institutions?: readonly string[] | undefined;
  languages?: readonly string[] | undefined;
  decades?: readonly number[] | undefined;
  availability?: readonly string[] | undefined;
}

export function availabilityMask(values: readonly string[]): number {
  let mask = 0;
  AVAILABILITY_VALUES.forEach((v, i) => {
    if (values.includes(v)) mask |= 1 << i;
  });
  return mask;
}

/** The filters on one sampled row source, aliased `p` (postings or the narrow facet table). */
function filtersOn(f: SampleFilters, unitColumn: 'num' | 'id'): SQL[] {
  const parts: SQL[] = [];
  if (f.types?.length) parts.push(sql`p.type = ANY(${textArray(f.types)}::text[])`);
  if (f.institutions?.length)
    parts.push(
      unitColumn === 'num'
        ? sql`p.unit_num IN (SELECT num FROM units WHERE id = ANY(${textArray(f.institutions)}::text[]))`
        : sql`p.unit_id = ANY(${textArray(f.institutions)}::text[])`,
    );
  if (f.languages?.length) parts.push(sql`p.language = ANY(${textArray(f.languages)}::text[])`);
  if (f.decades?.length) parts.push(sql`p.decade = ANY(${sql.param(f.decades)}::int[])`);
  if (f.availability?.length) {
    const mask = availabilityMask(f.availability);
    parts.push(
      unitColumn === 'num'
        ? sql`(p.availability & ${mask}::smallint) <> 0`
        : sql`(catalogue_availability_mask(p.availability) & ${mask}::smallint) <> 0`,
    );
  }
  return parts;
}

/** Records (alias `r`, or `alias`) holding every group's word (any alternative), by postings probes. */
export function postingsMatch(groups: readonly (readonly string[])[], alias = 'r'): SQL {
  const seq = sql.raw(`${alias}.seq`);
  return sql.join(
    groups.map(
      (alts) =>
        sql`EXISTS (SELECT 1 FROM catalogue_postings x WHERE x.word = ANY(${textArray(alts)}::text[]) AND x.seq = ${seq})`,
    ),
    sql` AND `,
  );
}

const and = (parts: SQL[]) => (parts.length ? sql` AND ${sql.join(parts, sql` AND `)}` : sql``);

/** One probe: does the record `p.seq` hold one of these words? `OFFSET 0` keeps it a per-row probe of the
 * (word, seq) key: pulled up into a join, the planner (estimating one row per slice) chose nested loops that
 * rescanned a common word's whole slice for every candidate — quadratic in long queries (issue 17). */
const probe = (alts: readonly string[]) =>
  alts.length === 1
    ? sql`EXISTS (SELECT 1 FROM catalogue_postings x WHERE x.word = ${alts[0]} AND x.seq = p.seq OFFSET 0)`
    : sql`EXISTS (SELECT 1 FROM catalogue_postings x WHERE x.word = ANY(${textArray(alts)}::text[]) AND x.seq = p.seq OFFSET 0)`;

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
): SQL {
  const driver = walk.word;
  const rest = (walk.order ?? groups.map((_, i) => i)).filter((i) => i !== driver);
  const alts = groups[driver] ?? [];
  const ratio = walk.mergeRatio ?? MERGE_RATIO_SUM;
  const merged = budget > 0 && alts.length === 1 ? mergedWords(groups, driver, rest, walk.counts, ratio) : [];
  const conditions = and([...filtersOn(f, 'num'), ...rest.map((i) => probe(groups[i] ?? []))]);
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
    const col = (c: string) => sql.raw(`min(p.${c}) FILTER (WHERE p.word = `);
    // Only where the budget cut the stratum (`reach`): a driver with fewer postings there than the budget
    // would have the other words read over the whole stratum — the common-word titles' driver had 50 postings
    // in each of the first 7 strata and a merged word 85× as many there — so those strata probe (≤ budget).
    const probes = rest.filter((i) => !merged.includes(i)).map((i) => probe(groups[i] ?? []));
    const mergedConditions = and([...filtersOn(f, 'num'), ...probes]);
    return sql`((SELECT p.* FROM (SELECT p.seq, ${col('type')}${d}) AS type, ${col('unit_num')}${d}) AS unit_num,
        ${col('language')}${d}) AS language, ${col('decade')}${d}) AS decade,
        ${col('availability')}${d}) AS availability
      FROM catalogue_postings p WHERE p.word = ANY(${textArray(words)}::text[]) AND p.seq >= s.a AND p.seq < s.z
        AND p.seq <= s.reach AND s.reach IS NOT NULL
      GROUP BY p.seq HAVING count(*) = ${words.length} OFFSET 0) p
      WHERE s.reach IS NOT NULL${mergedConditions} ORDER BY p.seq LIMIT ${PER_STRATUM})
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

const toRow = (r: SampleRow): SampleRow => ({
  ...r,
  k: Number(r.k),
  a: Number(r.a),
  z: Number(r.z),
  seq: Number(r.seq),
  unit_num: Number(r.unit_num),
  decade: r.decade === null ? null : Number(r.decade),
  availability: Number(r.availability),
});

/** Samples the matches of `groups` (none: every published record) under the filters. */
export async function sampleMatches(
  db: Db,
  groups: readonly (readonly string[])[],
  driver: SampleDriver,
  f: SampleFilters,
  budget = WALK_BUDGET,
): Promise<Sample> {
  const walk = groups.length > 0 && driver !== 'institution' ? driver : undefined;
  const driverWord = walk ? groups[walk.word] : undefined;
  // A long query (3+ words: probes) behind a single driver word: its walk is budgeted. One- and two-word
  // queries keep the whole walk (their rarest word is the cost, as before).
  const budgeted = budget > 0 && groups.length >= BUDGET_FROM_WORDS && driverWord?.length === 1;
  const slice = walk ? wordsSlice(groups, walk, f, budgeted ? budget : 0) : docsSlice(f, groups);
  // Where the budget ran out in each stratum, computed once per stratum (`s` is materialized): as an output
  // column of the joined rows it was a subplan run once per sampled row — 479 times, 170 of a 226 ms walk, for
  // "lich su raglai" at 1M (issue 17).
  const reach = budgeted
    ? sql`(SELECT p.seq FROM catalogue_postings p WHERE p.word = ${driverWord?.[0]} AND p.seq >= s.a
        AND p.seq < s.z ORDER BY p.seq OFFSET ${budget - 1} LIMIT 1)`
    : sql`NULL::bigint`;
  const rows = await queryRows<SampleRow & { reach: number | null }>(
    db,
    sql`WITH b AS (SELECT min(seq) AS lo, max(seq) AS hi FROM catalogue_search_docs),
      q AS (SELECT k, b.lo + (b.hi - b.lo + 1) * k / ${STRATA} AS a, b.lo + (b.hi - b.lo + 1) * (k + 1) / ${STRATA} AS z
        FROM b, generate_series(0, ${STRATA - 1}) AS k WHERE b.lo IS NOT NULL),
      s AS MATERIALIZED (SELECT s.k, s.a, s.z, ${reach} AS reach FROM q s)
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
    if (r.reach !== null && (perStratum.get(k) ?? 0) < PER_STRATUM && !truncated.some((t) => t.k === k))
      truncated.push({ k, a: Number(r.a), z: Number(r.z), reach: Number(r.reach) });
  }
  return { rows: out, truncated };
}

/**
 * Completes truncated strata: past the part of the stratum its walk read, the matches that hold the query's
 * two rarest adjacent title pairs (migration 0152) — a pasted title's own record among them — probed for every
 * word. The two pairs' postings are merge-joined (both ordered by seq), so the work is reading the two lists,
 * not one probe per posting of the rarest pair: at 1M records every pair of a generated title is in 1,000+
 * titles, and probing the first one's ~30,000 postings took 600–750 ms (issue 17). At most WALK_BUDGET rows of
 * the intersection are probed per stratum. One pair when the query has only one that some title holds.
 * `rarity`: every group's index, rarest word first (the walk's driver and probe order).
 */
export async function completeWithPairs(
  db: Db,
  groups: readonly (readonly string[])[],
  sample: Sample,
  f: SampleFilters,
  rarity?: readonly number[],
): Promise<Sample> {
  // Only strata whose part read found too few matches to extrapolate from: the rare-together case.
  const walked = new Map<number, number>();
  for (const r of sample.rows) walked.set(r.k, (walked.get(r.k) ?? 0) + 1);
  const t = sample.truncated.filter((x) => (walked.get(x.k) ?? 0) < EXTRAPOLATE_MIN);
  const probe0 = t[0];
  if (!probe0) return sample;
  const pairs: Array<{ pair: string; first: number; second: number }> = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    const a = groups[i] ?? [];
    const b = groups[i + 1] ?? [];
    if (a.length === 1 && b.length === 1) pairs.push({ pair: `${a[0]} ${b[0]}`, first: i, second: i + 1 });
  }
  if (pairs.length === 0) return sample;
  // How rare each pair is: counted (up to a cap) in the first truncated stratum past its walk — a stratum is
  // 1/STRATA of the catalogue, so pairs in up to ~STRATA × PAIR_COUNT_CAP titles are told apart — and whether
  // any title holds it at all (a title + author query also has pairs across the two: in no title).
  const counts = await queryRows<{ pair: string; n: number; anywhere: boolean }>(
    db,
    sql`SELECT q.pair, (SELECT count(*) FROM (SELECT 1 FROM catalogue_title_pairs t WHERE t.pair = q.pair
          AND t.seq > ${probe0.reach}::bigint AND t.seq < ${probe0.z}::bigint LIMIT ${PAIR_COUNT_CAP}) x)::int AS n,
        EXISTS (SELECT 1 FROM catalogue_title_pairs t WHERE t.pair = q.pair) AS anywhere
      FROM unnest(${textArray([...new Set(pairs.map((p) => p.pair))])}::text[]) AS q(pair)`,
  );
  const countOf = new Map(counts.filter((c) => c.anywhere).map((c) => [c.pair, Number(c.n)]));
  const held = pairs
    .filter((p) => countOf.has(p.pair))
    .sort((x, y) => (countOf.get(x.pair) ?? 0) - (countOf.get(y.pair) ?? 0));
  const best = held[0];
  if (!best) return sample;
  const other = held.find((p) => p.pair !== best.pair);
  const used = new Set([best.first, best.second, ...(other ? [other.first, other.second] : [])]);
  const first = (groups[best.first] ?? [])[0] as string;
  // The other words, rarest first (as the walk probes them): a non-match is rejected by its first probe —
  // before its facet row is read (a no-hit query read ~1,000 facet rows that its first probe then rejected).
  const probes = (rarity ?? groups.map((_, i) => i)).flatMap((i) =>
    used.has(i) ? [] : [probe(groups[i] ?? [])],
  );
  const inRange = (alias: string) => sql.raw(`${alias}.seq > s.r::bigint AND ${alias}.seq < s.z::bigint`);
  const both = other
    ? sql`SELECT t.seq FROM catalogue_title_pairs t JOIN catalogue_title_pairs u
          ON u.pair = ${other.pair} AND u.seq = t.seq AND ${inRange('u')}
        WHERE t.pair = ${best.pair} AND ${inRange('t')}`
    : sql`SELECT t.seq FROM catalogue_title_pairs t WHERE t.pair = ${best.pair} AND ${inRange('t')}`;
  const rows = await queryRows<SampleRow>(
    db,
    sql`SELECT s.k, s.a, s.z, m.seq::float8 AS seq, m.type, m.unit_num, m.language, m.decade, m.availability
      FROM unnest(${sql.param(t.map((x) => x.k))}::int[], ${sql.param(t.map((x) => x.a))}::float8[],
        ${sql.param(t.map((x) => x.z))}::float8[], ${sql.param(t.map((x) => x.reach))}::float8[]) AS s(k, a, z, r)
      CROSS JOIN LATERAL (SELECT p.seq, p.type, p.unit_num, p.language, p.decade, p.availability
        FROM (SELECT p.seq FROM (${both} ORDER BY t.seq LIMIT ${WALK_BUDGET} OFFSET 0) p
          WHERE true${and(probes)} OFFSET 0) t
        JOIN catalogue_postings p ON p.word = ${first} AND p.seq = t.seq
        WHERE true${and(filtersOn(f, 'num'))}
        ORDER BY t.seq LIMIT ${PER_STRATUM}) m
      ORDER BY s.k, m.seq`,
  );
  // First: ranking takes the first rows of each stratum, and these hold the query's title pairs.
  return { rows: [...rows.map(toRow), ...sample.rows], truncated: sample.truncated };
}

/** Pairs are counted up to this many postings (in one stratum) to pick the rarest. */
const PAIR_COUNT_CAP = 1000;

/**
 * Published records whose ISBN, ISSN, inventory number or holding barcode is one of these compact identifiers
 * (migration 0090 indexes), as sample rows of one exact slice, under the filters (an identifier names a
 * few records: at most PER_STRATUM - 1, so the slice stays exact).
 */
export async function identifierMatches(
  db: Db,
  idents: readonly string[],
  f: SampleFilters,
): Promise<SampleRow[]> {
  const ids = sql`${textArray(idents)}::text[]`;
  // The planner guesses thousands of matches per identifier index (no statistics on the expressions), which
  // at 1M records made it merge-join them with the whole facet table (147,000 rows read to find one ISBN) and
  // pushed the estimate past jit_above_cost (75 ms of JIT compilation for a 6 ms query; issue 17). Hence a
  // LIMIT per index (an identifier names a few records) and a probe of the facet row per match (`OFFSET 0`).
  const rows = await queryRows<SampleRow>(
    db,
    sql`WITH m AS (
        (SELECT seq FROM catalogue_records WHERE isbn IS NOT NULL AND catalogue_ident(isbn) = ANY(${ids})
          LIMIT ${PER_STRATUM})
        UNION (SELECT seq FROM catalogue_records WHERE issn IS NOT NULL AND catalogue_ident(issn) = ANY(${ids})
          LIMIT ${PER_STRATUM})
        UNION (SELECT seq FROM catalogue_records
          WHERE inventory_no IS NOT NULL AND catalogue_ident(inventory_no) = ANY(${ids}) LIMIT ${PER_STRATUM})
        UNION (SELECT r.seq FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id
          WHERE h.barcode IS NOT NULL AND catalogue_ident(h.barcode) = ANY(${ids}) LIMIT ${PER_STRATUM}))
      SELECT 0 AS k, 0::float8 AS a, 1::float8 AS z, p.seq::float8 AS seq, p.type, n.num AS unit_num,
        p.language, p.decade, catalogue_availability_mask(p.availability) AS availability
      FROM m CROSS JOIN LATERAL (SELECT p.* FROM catalogue_search_docs p WHERE p.seq = m.seq
          AND p.published${and(filtersOn(f, 'id'))} OFFSET 0) p
        JOIN units n ON n.id = p.unit_id
      ORDER BY p.seq LIMIT ${PER_STRATUM - 1}`,
  );
  return rows.map((r) => ({
    ...r,
    k: 0,
    a: 0,
    z: 1,
    seq: Number(r.seq),
    unit_num: Number(r.unit_num),
    decade: r.decade === null ? null : Number(r.decade),
    availability: Number(r.availability),
  }));
}
