// Machine-readable figures of a bench, for `npm run bench:speed` (bench/speed.ts): when BENCH_RESULTS names a
// file, each bench appends one JSON line per row it printed, so the runner never parses the human tables.
// Without BENCH_RESULTS nothing is written and the benches print as before.
import { appendFileSync } from 'node:fs';

/** A figure of a row (req/s, ms, KB, a score) or a fact about it (confirmed seats, a note's text). */
export type BenchValue = number | string | boolean;

export interface BenchRecord {
  /** Which bench wrote it: http, events, catalogue, marc, lighthouse. */
  bench: string;
  /** The row's stable name within its bench (e.g. `c`, `month-view-page`, `long title`, `bulk`). */
  key: string;
  /** The row's printed name. */
  label: string;
  values: Record<string, BenchValue>;
}

/** Appends the records to BENCH_RESULTS (one JSON object per line); does nothing when it is not set. */
export function recordBenchResults(bench: string, rows: Array<Omit<BenchRecord, 'bench'>>): void {
  const file = process.env.BENCH_RESULTS;
  if (!file || rows.length === 0) return;
  appendFileSync(file, rows.map((r) => `${JSON.stringify({ bench, ...r })}\n`).join(''));
}

/** The records of a BENCH_RESULTS file (blank or torn lines skipped). */
export function parseBenchResults(text: string): BenchRecord[] {
  const out: BenchRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as BenchRecord;
      if (typeof r.bench === 'string' && typeof r.key === 'string' && r.values) out.push(r);
    } catch {
      // a line cut short by a bench that died while writing: not a result
    }
  }
  return out;
}

/** A row's key from its printed name: `month view (page)` → `month-view-page`. */
export const keyOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
