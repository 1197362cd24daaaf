// SQL pieces every catalogue search statement shares: the filters on a sampled row source, the per-record
// postings probe, and the sampled row as JavaScript numbers.
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/sql.server.ts';
import { AVAILABILITIES } from '../catalogue.schemas.server.ts';
import type { SampleRow } from './search.estimate.ts';

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
export function filtersOn(f: SampleFilters, unitColumn: 'num' | 'id'): SQL[] {
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

export const and = (parts: SQL[]) => (parts.length ? sql` AND ${sql.join(parts, sql` AND `)}` : sql``);

/** One probe: does the record `p.seq` hold one of these words? `OFFSET 0` keeps it a per-row probe of the
 * (word, seq) key: pulled up into a join, the planner (estimating one row per slice) chose nested loops that
 * rescanned a common word's whole slice for every candidate — quadratic in long queries (issue 17). */
export const probe = (alts: readonly string[]) =>
  alts.length === 1
    ? sql`EXISTS (SELECT 1 FROM catalogue_postings x WHERE x.word = ${alts[0]} AND x.seq = p.seq OFFSET 0)`
    : sql`EXISTS (SELECT 1 FROM catalogue_postings x WHERE x.word = ANY(${textArray(alts)}::text[]) AND x.seq = p.seq OFFSET 0)`;

export const toRow = (r: SampleRow): SampleRow => ({
  ...r,
  k: Number(r.k),
  a: Number(r.a),
  z: Number(r.z),
  seq: Number(r.seq),
  unit_num: Number(r.unit_num),
  decade: r.decade === null ? null : Number(r.decade),
  availability: Number(r.availability),
});
