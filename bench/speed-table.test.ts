// The issue 17 table of `npm run bench:speed`: each row judged against its target with its baseline from the
// same run, runs not made shown as "not run" with their reason, and nothing left out.
import { describe, expect, it } from 'vitest';
import type { BenchValue } from './bench-results.ts';
import { formatSpeedTable, ROW_SPECS, type RunRecord, type SpeedRow, speedRows } from './speed-table.ts';

const rec = (run: string, key: string, values: Record<string, BenchValue>): RunRecord => ({
  run,
  bench: run,
  key,
  label: key,
  values,
});
const http = (run: string, key: string, rps: number, p975 = 10): RunRecord =>
  rec(run, key, { rps, p50: 1, p975, p99: p975 + 5, non2xx: 0, errors: 0, bytes: 100 });
const row = (rows: SpeedRow[], what: string): SpeedRow => {
  const found = rows.find((r) => r.what.startsWith(what));
  if (!found) throw new Error(`no row ${what}`);
  return found;
};
const allSkipped = Object.fromEntries(
  ['http', 'http-api0', 'catalogue', 'burst', 'month', 'marc', 'lighthouse'].map((r) => [
    r,
    `not asked (${r})`,
  ]),
);

describe('the issue 17 table', () => {
  it('has every row of the issue even when no run was made, each marked not run with its reason', () => {
    const rows = speedRows({ records: [], skipped: allSkipped });
    expect(rows).toHaveLength(ROW_SPECS.length);
    expect(rows.map((r) => r.what)).toEqual(
      expect.arrayContaining([
        'SSR home / vs minimal React Router page',
        'GET /api/v1/plan/tasks, API_CACHE_TTL_MS=0',
        'catalogue at 1M: no hit p95',
        'registration burst p99 vs bare-route burst',
        'MARC import at 1M loaded, rec/s',
        'check-in page JS (gzip)',
        'Lighthouse check-in (perf · a11y · best practices)',
      ]),
    );
    expect(rows.every((r) => r.status === 'not run')).toBe(true);
    expect(row(rows, 'catalogue at 1M: typo').why).toBe('not asked (catalogue)');
  });

  it('meets the home target when it is at least half the minimal page and its p97.5 is under 50 ms', () => {
    const rows = speedRows({
      records: [http('http', 'b', 10_000), http('http', 'c', 5_000, 49)],
      skipped: {},
    });
    const home = row(rows, 'SSR home');
    expect(home.status).toBe('met');
    expect(home.ratio).toBe('0.50×');
    expect(home.baseline).toBe('minimal RR page 10,000 req/s');
  });

  it('does not meet the home target when the ratio is reached but the tail is 50 ms or more', () => {
    const rows = speedRows({
      records: [http('http', 'b', 10_000), http('http', 'c', 9_000, 50)],
      skipped: {},
    });
    expect(row(rows, 'SSR home').status).toBe('not met');
    expect(row(rows, 'SSR home').why).toBe('p97.5 50 ms ≥ 50 ms');
  });

  it('does not count a fast page that answered errors', () => {
    const page = http('http', 'c', 9_000, 5);
    page.values.non2xx = 3;
    const rows = speedRows({ records: [http('http', 'b', 10_000), page], skipped: {} });
    expect(row(rows, 'SSR home').status).toBe('not met');
  });

  it('judges the API with its cache off against the minimal page of its own run, not of the other run', () => {
    const rows = speedRows({
      records: [
        http('http', 'b', 1_000),
        http('http', 'e', 500),
        http('http-api0', 'b', 10_000),
        http('http-api0', 'e', 1_000),
      ],
      skipped: {},
    });
    expect(row(rows, 'GET /api/v1/plan/tasks, API cache on').status).toBe('met');
    const off = row(rows, 'GET /api/v1/plan/tasks, API_CACHE_TTL_MS=0');
    expect(off.ratio).toBe('0.10×');
    expect(off.status).toBe('not met');
  });

  it('says a figure is missing when its run was made but did not print the row', () => {
    const rows = speedRows({
      records: [http('http', 'b', 1_000), rec('http', 'note-1', {})],
      skipped: {},
    });
    const d = row(rows, 'signed-in /admin/plan/tasks, page cache on');
    expect(d.status).toBe('no figure');
    expect(d.why).toContain('no row (d) in the http run');
    expect(d.why).toContain('note-1');
  });

  it('does not meet the burst target when the seats confirmed are wrong, however fast it was', () => {
    const burst = (confirmed: number) =>
      speedRows({
        records: [
          rec('burst', 'bare-hono-route-burst', { p99: 100, p50: 50, rps: 1 }),
          rec('burst', 'registration-burst', { p99: 150, p50: 60, rps: 1, confirmed, seats: 100 }),
        ],
        skipped: {},
      });
    expect(row(burst(100), 'registration burst').status).toBe('met');
    expect(row(burst(101), 'registration burst').status).toBe('not met');
    expect(row(burst(100), 'registration burst').ratio).toBe('1.50×');
  });

  it('wants the month view under 100 ms at p99, with 10,000 events', () => {
    const month = (p99: number, events = 10_000) =>
      row(
        speedRows({
          records: [
            rec('month', 'bare-hono-route', { p99: 5, p50: 1, rps: 1, events }),
            rec('month', 'month-view-page', { p99, p50: 1, rps: 1, events }),
          ],
          skipped: {},
        }),
        'month view',
      ).status;
    expect(month(99)).toBe('met');
    expect(month(100)).toBe('not met');
    expect(month(20, 500)).toBe('not met');
  });

  it('judges long queries by their p95 against 15 ms, with the short queries of the same run as baseline', () => {
    const rows = speedRows({
      records: [
        rec('catalogue', 'pk', { p50: 0.1, p95: 0.2, p99: 0.3, size: 1_000_000 }),
        rec('catalogue', 'class:short-1-2-words', { p50: 3, p95: 8, p99: 9, size: 1_000_000 }),
        rec('catalogue', 'long title', { p50: 9, p95: 16, p99: 20, size: 1_000_000 }),
        rec('catalogue', 'no hit', { p50: 2, p95: 4, p99: 5, size: 1_000_000 }),
      ],
      skipped: {},
    });
    expect(row(rows, 'catalogue at 1M: short').status).toBe('met');
    expect(row(rows, 'catalogue at 1M: short').baseline).toBe('PK lookup p95 0.2 ms');
    const long = row(rows, 'catalogue at 1M: long');
    expect(long.status).toBe('not met');
    expect(long.baseline).toBe('short queries p95 8.0 ms');
    expect(long.ratio).toBe('2.00×');
    expect(row(rows, 'catalogue at 1M: no hit').status).toBe('met');
    expect(row(rows, 'catalogue at 1M: typo').status).toBe('no figure');
  });

  it('takes the fastest current MARC import path as the figure, against the bare INSERT ceiling', () => {
    const rows = speedRows({
      records: [
        rec('marc', 'row', { recordsPerSecond: 5_000, size: 1_000_000 }),
        rec('marc', 'bulk', { recordsPerSecond: 12_000, size: 1_000_000 }),
        rec('marc', '0176', { recordsPerSecond: 20_000, size: 1_000_000 }),
        rec('marc', 'bare', { recordsPerSecond: 40_000, size: 1_000_000 }),
      ],
      skipped: {},
    });
    const marc = row(rows, 'MARC import');
    expect(marc.figure).toBe('12,000 rec/s (bulk)');
    expect(marc.status).toBe('met');
    expect(marc.ratio).toBe('0.30×');
  });

  it('holds the check-in page to 60 KB of gzip JS and content pages to none, and each page to its scores', () => {
    const page = (key: string, jsGzipKb: number, performance = 99) =>
      rec('lighthouse', key, {
        performance,
        accessibility: 100,
        'best-practices': 100,
        jsGzipKb,
        jsRawKb: jsGzipKb * 3,
      });
    const rows = speedRows({
      records: [
        page('check-in', 61),
        page('home', 0),
        page('search', 0, 94),
        page('record', 0),
        page('event', 1.5),
        page('places', 1),
      ],
      skipped: {},
    });
    expect(row(rows, 'check-in page JS').status).toBe('not met');
    expect(row(rows, 'content pages JS').why).toBe('JS on event');
    // The places page is an island page (location button, map): a small script is within its budget.
    expect(row(rows, 'places page JS').status).toBe('met');
    expect(row(rows, 'content pages JS').what).not.toContain('places');
    expect(row(rows, 'Lighthouse home').status).toBe('met');
    expect(row(rows, 'Lighthouse search').why).toBe('performance 94 < 95');
  });

  it('prints one line per row under a header, with each reason as a numbered note', () => {
    const rows = speedRows({ records: [], skipped: allSkipped });
    const text = formatSpeedTable(rows).split('\n');
    expect(text[0]).toMatch(/^what\s+baseline \(same run\)\s+figure\s+ratio\s+target\s+result$/);
    expect(text.slice(2, 2 + rows.length).every((l) => /not run \[\d+\]$/.test(l))).toBe(true);
    expect(text).toContain('[1] not asked (http)');
  });
});
