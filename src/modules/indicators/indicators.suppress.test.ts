// Disclosure control of the equity view: small cells hidden, and no hidden cell recoverable from the totals.
import { describe, expect, it } from 'vitest';
import { ageBand } from './indicators.equity.server.ts';
import { parsePopulationCsv } from './indicators.population.server.ts';
import { suppress } from './indicators.suppress.ts';

/** Every row and column (with its total) hides none or at least two of its members. */
function safe(t: ReturnType<typeof suppress>): boolean {
  const rows = t.cells.map((row, r) => [...row, t.rowTotals[r]]);
  rows.push([...t.colTotals, t.total]);
  const width = rows[0]?.length ?? 0;
  const lines = [...rows, ...Array.from({ length: width }, (_, c) => rows.map((row) => row[c]))];
  return lines.every((l) => l.filter((v) => v === null).length !== 1);
}

describe('suppress', () => {
  it('hides cells of 1 to threshold−1 people, shows zero and large cells', () => {
    const t = suppress(
      {
        cells: [
          [0, 25, 40],
          [12, 30, 50],
        ],
      },
      10,
    );
    expect(t.cells).toEqual([
      [0, 25, 40],
      [12, 30, 50],
    ]);
    expect(t.total).toBe(157);
  });

  it('adds secondary suppression so a hidden cell cannot be worked out from the totals', () => {
    const t = suppress(
      {
        cells: [
          [3, 25, 40],
          [12, 30, 50],
          [20, 11, 60],
        ],
      },
      10,
    );
    expect(t.cells[0]?.[0]).toBeNull();
    // Row 0 and column 0 each hide a second member; the totals alone no longer give the 3 away.
    expect(t.cells[0]?.filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(t.cells.map((r) => r[0]).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(safe(t)).toBe(true);
    // The complement is the smallest visible cell: 25 in row 0, 12 in column 0.
    expect(t.cells[0]?.[1]).toBeNull();
    expect(t.cells[1]?.[0]).toBeNull();
  });

  it('hides a small row total and stays safe on random tables', () => {
    const t = suppress(
      {
        cells: [
          [2, 3],
          [40, 50],
        ],
      },
      10,
    );
    expect(t.rowTotals[0]).toBeNull();
    expect(safe(t)).toBe(true);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 200; k++) {
      const width = 1 + Math.floor(rnd() * 6);
      const cells = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () =>
        Array.from({ length: width }, () => Math.floor(rnd() * rnd() * 40)),
      );
      expect(safe(suppress({ cells }, 10))).toBe(true);
    }
  });
});

describe('age bands and the population CSV', () => {
  it('bands ages at the year of the figures', () => {
    expect(ageBand(2026, 2011)).toBe('0-15');
    expect(ageBand(2026, 2010)).toBe('16-24');
    expect(ageBand(2026, 1966)).toBe('60+');
    expect(ageBand(2026, null)).toBe('unknown');
  });

  it('reads comma or semicolon files and reports each bad line by number', () => {
    const ok = parsePopulationCsv('\uFEFFcommune;year;population\nPhường Trung Tâm;2025;12.345\n');
    expect(ok.errors).toEqual([]);
    expect(ok.lines).toEqual([
      { line: 2, commune: 'Phường Trung Tâm', year: 2025, population: 12345, source: '' },
    ]);
    const bad = parsePopulationCsv(
      'commune,year,population\nA,20x5,10\nB,2025,-3\nC,2025,100\nC,2025,100\n,2025,5\n',
    );
    expect(bad.errors).toEqual([
      { line: 2, code: 'year' },
      { line: 3, code: 'population' },
      { line: 5, code: 'duplicate' },
      { line: 6, code: 'columns' },
    ]);
    expect(parsePopulationCsv('name,total\nA,1\n').errors).toEqual([{ line: 1, code: 'columns' }]);
  });
});
