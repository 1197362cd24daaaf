import { describe, expect, it } from 'vitest';
import { expandInstanceYears } from './plan.model.ts';

const years = (xs: Array<{ year: number }>) => xs.map((x) => x.year);

describe('expandInstanceYears', () => {
  it('gives one instance per year of a range', () => {
    expect(years(expandInstanceYears('2023-2025', { kind: 'range', from: 2024, to: 2025 }))).toEqual([
      2024, 2025,
    ]);
  });

  it('keeps a Phụ lục I range that runs past 2025 as the source wrote it', () => {
    expect(years(expandInstanceYears('2023-2025', { kind: 'range', from: 2024, to: 2026 }))).toEqual([
      2024, 2025, 2026,
    ]);
  });

  it('gives a single year its own instance', () => {
    expect(expandInstanceYears('2025-2030', { kind: 'year', year: 2030 })).toEqual([
      { year: 2030, inferred: false },
    ]);
  });

  it('expands "Hàng năm" to every year of the phase', () => {
    expect(years(expandInstanceYears('2023-2025', { kind: 'yearly' }))).toEqual([2023, 2024, 2025]);
    expect(years(expandInstanceYears('2025-2030', { kind: 'yearly' }))).toEqual([
      2025, 2026, 2027, 2028, 2029, 2030,
    ]);
  });

  it('expands an empty time cell to the phase years, each flagged as inferred', () => {
    const out = expandInstanceYears('2023-2025', { kind: 'unspecified' });
    expect(years(out)).toEqual([2023, 2024, 2025]);
    expect(out.every((y) => y.inferred)).toBe(true);
    expect(expandInstanceYears('2023-2025', { kind: 'yearly' }).some((y) => y.inferred)).toBe(false);
  });

  it('clips to the program years 2023–2030', () => {
    expect(years(expandInstanceYears('2025-2030', { kind: 'range', from: 2029, to: 2032 }))).toEqual([
      2029, 2030,
    ]);
    expect(expandInstanceYears('2023-2025', { kind: 'year', year: 2021 })).toEqual([]);
  });
});
