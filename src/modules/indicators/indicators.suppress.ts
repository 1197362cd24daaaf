// Statistical disclosure control for the equity view (issue 13). A table of counts of people (rows: communes,
// columns: age bands) with row and column totals is published with every cell under the threshold suppressed
// (primary suppression: 1 … threshold−1 people; zero is shown), and then enough further cells suppressed that
// no suppressed cell can be recovered from the totals (secondary suppression): every row and every column,
// read as "total = sum of its cells", must hide none or at least two of its members. The complement chosen is
// the smallest visible cell of the relation (a non-zero one first), the usual least-information rule.
export interface CountTable {
  /** cells[r][c]: people in row r and column c. */
  cells: number[][];
}

export interface SuppressedTable {
  cells: Array<Array<number | null>>;
  rowTotals: Array<number | null>;
  colTotals: Array<number | null>;
  total: number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function suppress(table: CountTable, threshold: number): SuppressedTable {
  const cells = table.cells;
  const nRows = cells.length;
  const nCols = nRows ? (cells[0]?.length ?? 0) : 0;
  // One grid with the totals as an extra last row and column: [r][c], r = nRows is the column totals row.
  const grid: number[][] = cells.map((row) => [...row, sum(row)]);
  const colTotals = Array.from({ length: nCols }, (_, c) => sum(cells.map((row) => row[c] ?? 0)));
  grid.push([...colTotals, sum(colTotals)]);
  const hidden = grid.map((row) => row.map((v) => v > 0 && v < threshold));

  // The relations: each row (its cells and its total) and each column (its cells and its total).
  const relations: Array<Array<[number, number]>> = [];
  for (let r = 0; r <= nRows; r++) relations.push(Array.from({ length: nCols + 1 }, (_, c) => [r, c]));
  for (let c = 0; c <= nCols; c++) relations.push(Array.from({ length: nRows + 1 }, (_, r) => [r, c]));

  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of relations) {
      const hid = rel.filter(([r, c]) => hidden[r]?.[c]);
      if (hid.length !== 1) continue;
      // Prefer an inner cell over a total, a non-zero one over a zero, then the smallest.
      const candidates = rel
        .filter(([r, c]) => !hidden[r]?.[c])
        .map(([r, c]) => ({ r, c, v: grid[r]?.[c] ?? 0, total: r === nRows || c === nCols }))
        .sort(
          (a, b) => Number(a.total) - Number(b.total) || Number(a.v === 0) - Number(b.v === 0) || a.v - b.v,
        );
      const pick = candidates[0];
      if (!pick) continue;
      const row = hidden[pick.r];
      if (row) row[pick.c] = true;
      changed = true;
    }
  }
  const show = (r: number, c: number) => (hidden[r]?.[c] ? null : (grid[r]?.[c] ?? 0));
  return {
    cells: cells.map((row, r) => row.map((_, c) => show(r, c))),
    rowTotals: cells.map((_, r) => show(r, nCols)),
    colTotals: colTotals.map((_, c) => show(nRows, c)),
    total: show(nRows, nCols),
  };
}
