// Counting and faceting a search without visiting every match (ADR 0007).
//
// The published records' seq range is cut into STRATA equal slices; from each slice the first PER_STRATUM
// matches (in seq order) are read from the postings B-tree (index-only) or, without query words, from the
// narrow facet table. A slice that yields fewer than PER_STRATUM matches was read whole: its count is exact.
// A full slice is extrapolated from how far into it the sample reached (matches per seq). Every sampled row
// carries its slice's weight, so totals and facets are exact for small result sets and a stratified estimate
// for large ones, and records imported at different times (different seq ranges) are all represented.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { AVAILABILITIES } from '../catalogue.schemas.server.ts';

export const STRATA = 8;
export const PER_STRATUM = 125;

/** Availability values in bit order (migration 0017 `catalogue_availability_mask` uses the same order). */
export const AVAILABILITY_VALUES = AVAILABILITIES;

export interface SampleFilters {
  types?: readonly string[] | undefined;
  institutions?: readonly string[] | undefined;
  languages?: readonly string[] | undefined;
  decades?: readonly number[] | undefined;
  availability?: readonly string[] | undefined;
}

export interface SampleRow {
  k: number;
  a: number;
  z: number;
  seq: number;
  type: string;
  unit_num: number;
  language: string | null;
  decade: number | null;
  availability: number;
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

/**
 * The first PER_STRATUM matches of one slice, for words given as AND-ed groups of alternatives. The driver
 * group (the rarest single word) is range-scanned; every other group is probed by (word, seq), rarest first
 * (`order`), so a row is rejected by its first missing word: the work is the driver's postings in the slice
 * times a small constant, whatever the number of words.
 */
function wordsSlice(
  groups: readonly (readonly string[])[],
  driver: number,
  order: readonly number[] | undefined,
  f: SampleFilters,
): SQL {
  const rest = order ?? groups.map((_, i) => i);
  const probes = rest.filter((i) => i !== driver).map((i) => probe(groups[i] ?? []));
  const conditions = and([...filtersOn(f, 'num'), ...probes]);
  const branch = (word: string) =>
    sql`(SELECT p.seq, p.type, p.unit_num, p.language, p.decade, p.availability
      FROM catalogue_postings p
      WHERE p.word = ${word} AND p.seq >= s.a AND p.seq < s.z${conditions}
      ORDER BY p.seq LIMIT ${PER_STRATUM})`;
  const alts = groups[driver] ?? [];
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
export type SampleDriver = { word: number; order?: readonly number[] } | 'institution';

/** Samples the matches of `groups` (none: every published record) under the filters. */
export async function sampleMatches(
  db: Db,
  groups: readonly (readonly string[])[],
  driver: SampleDriver,
  f: SampleFilters,
): Promise<SampleRow[]> {
  const slice =
    groups.length && driver !== 'institution'
      ? wordsSlice(groups, driver.word, driver.order, f)
      : docsSlice(f, groups);
  const rows = await queryRows<SampleRow>(
    db,
    sql`WITH b AS (SELECT min(seq) AS lo, max(seq) AS hi FROM catalogue_search_docs),
      s AS (SELECT k, b.lo + (b.hi - b.lo + 1) * k / ${STRATA} AS a, b.lo + (b.hi - b.lo + 1) * (k + 1) / ${STRATA} AS z
        FROM b, generate_series(0, ${STRATA - 1}) AS k WHERE b.lo IS NOT NULL)
      SELECT s.k, s.a::float8 AS a, s.z::float8 AS z, m.seq::float8 AS seq, m.type, m.unit_num, m.language,
        m.decade, m.availability
      FROM s CROSS JOIN LATERAL ${slice} m
      ORDER BY s.k, m.seq`,
  );
  return rows.map((r) => ({
    ...r,
    k: Number(r.k),
    a: Number(r.a),
    z: Number(r.z),
    seq: Number(r.seq),
    unit_num: Number(r.unit_num),
    decade: r.decade === null ? null : Number(r.decade),
    availability: Number(r.availability),
  }));
}

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
  const rows = await queryRows<SampleRow>(
    db,
    sql`WITH m AS (
        SELECT seq FROM catalogue_records WHERE isbn IS NOT NULL AND catalogue_ident(isbn) = ANY(${ids})
        UNION SELECT seq FROM catalogue_records WHERE issn IS NOT NULL AND catalogue_ident(issn) = ANY(${ids})
        UNION SELECT seq FROM catalogue_records
          WHERE inventory_no IS NOT NULL AND catalogue_ident(inventory_no) = ANY(${ids})
        UNION SELECT r.seq FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id
          WHERE h.barcode IS NOT NULL AND catalogue_ident(h.barcode) = ANY(${ids}))
      SELECT 0 AS k, 0::float8 AS a, 1::float8 AS z, p.seq::float8 AS seq, p.type, n.num AS unit_num,
        p.language, p.decade, catalogue_availability_mask(p.availability) AS availability
      FROM m JOIN catalogue_search_docs p ON p.seq = m.seq JOIN units n ON n.id = p.unit_id
      WHERE p.published${and(filtersOn(f, 'id'))}
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

export interface Estimate {
  total: number;
  exact: boolean;
  /** Per sampled row (same order as the input): how many matches it stands for. */
  weights: number[];
}

/** Totals per slice: exact when a slice was read whole, else matches-per-seq × the slice's width. */
export function estimate(rows: readonly SampleRow[]): Estimate {
  const bySlice = new Map<number, { n: number; a: number; z: number; last: number }>();
  for (const r of rows) {
    const s = bySlice.get(r.k) ?? { n: 0, a: r.a, z: r.z, last: r.a };
    s.n++;
    s.last = Math.max(s.last, r.seq);
    bySlice.set(r.k, s);
  }
  let exact = true;
  let total = 0;
  const weightOf = new Map<number, number>();
  for (const [k, s] of bySlice) {
    if (s.n < PER_STRATUM) {
      total += s.n;
      weightOf.set(k, 1);
      continue;
    }
    exact = false;
    const count = Math.max(s.n, (s.n * (s.z - s.a)) / (s.last - s.a + 1));
    total += count;
    weightOf.set(k, count / s.n);
  }
  return { total: Math.round(total), exact, weights: rows.map((r) => weightOf.get(r.k) ?? 1) };
}

/** An estimate shown to people: two significant digits (98.346 → 98.000); exact numbers stay exact. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
