// What a stratified sample of a search stands for (ADR 0007): the total, exact or estimated, and the weight of
// every sampled row. Pure: the sample is read by search.sample.server.ts; this only counts it.

/** At most this many matches are read from each slice: a slice that yields fewer was read whole. */
export const PER_STRATUM = 125;

/** One sampled match: its slice `k` (seq range [a, z)), its seq and its record's facets. */
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

/** A stratum whose driver postings were read only up to WALK_BUDGET: matches are known up to `reach`. */
export interface Truncated {
  k: number;
  a: number;
  z: number;
  reach: number;
}

export interface Estimate {
  total: number;
  exact: boolean;
  /** Per sampled row (same order as the input): how many matches it stands for. */
  weights: number[];
}

/** A truncated slice's part read is extrapolated over the rest only from this many matches on. */
export const EXTRAPOLATE_MIN = 10;

/**
 * Totals per slice: exact when a slice was read whole, else matches-per-seq × the slice's width. A truncated
 * slice (its walk stopped at WALK_BUDGET postings, at seq `reach`) counts the matches read up to `reach`, plus
 * past it the larger of the title-pair matches found there and (from EXTRAPOLATE_MIN matches read on) the
 * matches read extrapolated.
 */
export function estimate(rows: readonly SampleRow[], truncated: readonly Truncated[] = []): Estimate {
  const bySlice = new Map<number, { n: number; a: number; z: number; last: number; walked: number }>();
  const cut = new Map(truncated.map((t) => [t.k, t]));
  for (const r of rows) {
    const s = bySlice.get(r.k) ?? { n: 0, a: r.a, z: r.z, last: r.a, walked: 0 };
    s.n++;
    s.last = Math.max(s.last, r.seq);
    if (r.seq <= (cut.get(r.k)?.reach ?? Number.POSITIVE_INFINITY)) s.walked++;
    bySlice.set(r.k, s);
  }
  let exact = cut.size === 0;
  let total = 0;
  const weightOf = new Map<number, number>();
  for (const [k, s] of bySlice) {
    const t = cut.get(k);
    if (t) {
      // Matches past `reach`: at least the title-pair ones; extrapolated from the part read only when that
      // found enough to say something (1 match in the part read is not 8 in the stratum).
      const rest = s.walked >= EXTRAPOLATE_MIN ? (s.walked * (t.z - t.reach - 1)) / (t.reach - t.a + 1) : 0;
      const count = s.walked + Math.max(s.n - s.walked, rest);
      total += count;
      weightOf.set(k, count / s.n);
      continue;
    }
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
