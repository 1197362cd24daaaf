// Completing a long query's truncated strata through title pairs (migration 0152, ADR 0007 addenda 2 and 4).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { EXTRAPOLATE_MIN, PER_STRATUM, type SampleRow } from './search.estimate.ts';
import { and, filtersOn, probe, type SampleFilters, toRow } from './search.fragments.server.ts';
import { type Sample, WALK_BUDGET } from './search.sample.server.ts';

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
