import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate, PER_STRATUM, roundEstimate, type SampleRow } from './search.estimate.ts';
import { availabilityMask } from './search.sample.server.ts';

const row = (k: number, a: number, z: number, seq: number): SampleRow => ({
  k,
  a,
  z,
  seq,
  type: 'book',
  unit_num: 1,
  language: null,
  decade: null,
  availability: 0,
});

describe('stratified estimate', () => {
  it('is exact when every stratum was read whole', () => {
    const rows = [row(0, 1, 101, 5), row(0, 1, 101, 90), row(3, 301, 401, 350)];
    expect(estimate(rows)).toEqual({ total: 3, exact: true, weights: [1, 1, 1] });
  });

  it('counts a stratum cut by the walk budget: matches read, then title-pair matches or an extrapolation', () => {
    const t = { k: 0, a: 1, z: 1001, reach: 100 };
    // One match in the part read and two title-pair matches past it: 3, not 1 × 10 — and an estimate.
    const few = [row(0, 1, 1001, 600), row(0, 1, 1001, 900), row(0, 1, 1001, 50)];
    expect(estimate(few, [t])).toEqual({ total: 3, exact: false, weights: [1, 1, 1] });
    // 20 matches in the first 100 seqs: ≈ 20 + 20 × 900 / 100 = 200 over the stratum.
    const many = Array.from({ length: 20 }, (_, i) => row(0, 1, 1001, 1 + i * 5));
    const e = estimate(many, [t]);
    expect([e.total, e.exact]).toEqual([200, false]);
    expect(e.weights[0]).toBeCloseTo(10);
    // A cut stratum that found nothing still makes the whole count an estimate.
    expect(estimate([row(1, 1001, 2001, 1500)], [t])).toEqual({ total: 1, exact: false, weights: [1] });
  });

  it('extrapolates a full stratum from how far its sample reached', () => {
    // 125 matches in the first 250 seqs of a 1,000-seq stratum: half of the rows match → ≈ 500.
    const rows = Array.from({ length: PER_STRATUM }, (_, i) => row(0, 1, 1001, 2 + i * 2));
    const e = estimate(rows);
    expect(e.exact).toBe(false);
    expect(e.total).toBe(500);
    expect(e.weights[0]).toBeCloseTo(4);
  });

  it('never estimates fewer matches than it saw', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 1200 }), (ks) => {
        const rows: SampleRow[] = [];
        const seen = new Map<number, number>();
        for (const k of ks) {
          const n = seen.get(k) ?? 0;
          if (n >= PER_STRATUM) continue;
          seen.set(k, n + 1);
          rows.push(row(k, k * 1000, (k + 1) * 1000, k * 1000 + n));
        }
        const e = estimate(rows);
        expect(e.total).toBeGreaterThanOrEqual(rows.length);
        expect(e.weights.every((w) => w >= 1)).toBe(true);
      }),
    );
  });

  it('rounds estimates to two significant digits', () => {
    expect(roundEstimate(98_346)).toBe(98_000);
    expect(roundEstimate(1_049)).toBe(1_000);
    expect(roundEstimate(155)).toBe(160);
    expect(roundEstimate(42.4)).toBe(42);
  });

  it('packs availability in the migration’s bit order', () => {
    expect(availabilityMask(['available'])).toBe(1);
    expect(availabilityMask(['on_display', 'on_loan'])).toBe(18);
    expect(availabilityMask([])).toBe(0);
  });
});
