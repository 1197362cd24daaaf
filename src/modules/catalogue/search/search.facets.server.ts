// Total and facet counts of a search from its stratified sample (ADR 0007): every sampled row counts for its
// stratum's weight; institutions are named from `units`.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows } from '../../../db/sql.server.ts';
import { estimate, roundEstimate, type SampleRow } from './search.estimate.ts';
import { AVAILABILITY_VALUES, type Sample } from './search.sample.server.ts';
import type { FacetCount, FacetName } from './search.types.ts';

export const emptyFacets = (): Record<FacetName, FacetCount[]> => ({
  type: [],
  institution: [],
  language: [],
  decade: [],
  availability: [],
});

export interface Counted {
  total: number;
  exact: boolean;
  facets: Record<FacetName, FacetCount[]>;
  sample: SampleRow[];
}

/** Total and facets from a sample: each row counts for its stratum's weight. */
export async function countAndFacets(db: Db, sampled: Sample): Promise<Counted> {
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
