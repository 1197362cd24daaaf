// The table of issue 17 from the benches' machine-readable records (bench/bench-results.ts): one row per line of
// the issue's table, each with its baseline from the same run, its figure, their ratio, the target and whether it
// is met. Pure: `npm run bench:speed` (bench/speed.ts) runs the benches and prints what this builds.
import type { BenchRecord, BenchValue } from './bench-results.ts';

/** A record with the run of bench:speed that wrote it (`http`, `http-api0`, `burst`, `month`, …). */
export interface RunRecord extends BenchRecord {
  run: string;
}

export type Status = 'met' | 'not met' | 'not run' | 'no figure';

export interface SpeedRow {
  what: string;
  /** The baseline's name and figure, measured in the same run ('—' where the target is a budget). */
  baseline: string;
  figure: string;
  ratio: string;
  target: string;
  status: Status;
  /** Why: the condition not met, the run that was not made (and how to make it), or the figure missing. */
  why?: string | undefined;
}

export interface SpeedInput {
  records: RunRecord[];
  /** Runs not made, with the reason (e.g. the command that makes them, or how the run failed). */
  skipped: Record<string, string>;
}

export const LIGHTHOUSE_PAGES = ['home', 'search', 'record', 'event', 'places', 'check-in'] as const;
export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
/** Pages with a small script island (the door scanner; the places page's "use my location" button and map). */
const ISLAND_PAGES = ['check-in', 'places'] as const;
/** Content pages: no JavaScript at all. */
const CONTENT_PAGES = LIGHTHOUSE_PAGES.filter((p) => !(ISLAND_PAGES as readonly string[]).includes(p));

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const msText = (n: number) => `${num(n, n < 10 ? 1 : 0)} ms`;
const times = (n: number) => `${num(n, n < 0.1 ? 3 : 2)}×`;

interface Check {
  ok: boolean;
  /** Said when not ok. */
  failed: string;
}
interface Measured {
  baseline: string;
  figure: string;
  ratio?: number | undefined;
  checks: Check[];
}
interface RowSpec {
  what: string;
  target: string;
  /** The runs the row needs; a row of a run in `skipped` is "not run". */
  runs: string[];
  measure: (find: Finder) => Measured | string;
}
type Finder = (run: string, key: string) => Record<string, BenchValue> | undefined;

const n = (v: BenchValue | undefined) => (typeof v === 'number' ? v : Number.NaN);

/** A page answered only 200s with no errors: otherwise its figures are of error pages. */
function clean(v: Record<string, BenchValue>, name: string): Check {
  const bad = n(v.non2xx) + n(v.errors);
  return { ok: !(bad > 0), failed: `${name} had ${bad} non-2xx answers or errors` };
}

/** An HTTP target (bench/http.ts row `key`) against the minimal React Router page (`b`) of the same run. */
function httpRow(what: string, run: string, key: string, minRatio: number, maxP95?: number): RowSpec {
  const target = `≥ ${minRatio}×${maxP95 === undefined ? '' : `, p95 < ${maxP95} ms`}`;
  return {
    what,
    target,
    runs: [run],
    measure: (find) => {
      const page = find(run, key);
      const base = find(run, 'b');
      if (!page || !base) return `no ${page ? 'minimal page' : `row (${key})`} in the ${run} run`;
      const ratio = n(page.rps) / n(base.rps);
      const checks: Check[] = [
        { ok: ratio >= minRatio, failed: `${times(ratio)} < ${minRatio}×` },
        clean(page, 'the page'),
      ];
      // autocannon gives no p95: its p97.5 is an upper bound, so a p97.5 under the target means a p95 under it.
      if (maxP95 !== undefined)
        checks.push({ ok: n(page.p975) < maxP95, failed: `p97.5 ${msText(n(page.p975))} ≥ ${maxP95} ms` });
      return {
        baseline: `minimal RR page ${num(n(base.rps))} req/s`,
        figure: `${num(n(page.rps))} req/s, p97.5 ${msText(n(page.p975))}`,
        ratio,
        checks,
      };
    },
  };
}

const CATALOGUE_P95 = 15;
const SHORT = 'class:short-1-2-words';

function catalogueRow(what: string, key: string): RowSpec {
  const isShort = key === SHORT;
  return {
    what: `catalogue at 1M: ${what} p95`,
    target: isShort ? `p95 ≤ ${CATALOGUE_P95} ms` : `p95 ≤ ${CATALOGUE_P95} ms (as short queries)`,
    runs: ['catalogue'],
    measure: (find) => {
      const row = find('catalogue', key);
      const base = find('catalogue', isShort ? 'pk' : SHORT);
      if (!row || !base) return `no ${row ? 'baseline' : `"${key}" queries`} in the catalogue run`;
      const size = n(row.size);
      return {
        baseline: `${isShort ? 'PK lookup' : 'short queries'} p95 ${msText(n(base.p95))}`,
        figure: `p95 ${msText(n(row.p95))} (p50 ${msText(n(row.p50))})${size >= 1_000_000 ? '' : `, only ${num(size)} records`}`,
        ratio: n(row.p95) / n(base.p95),
        checks: [
          { ok: n(row.p95) <= CATALOGUE_P95, failed: `p95 ${msText(n(row.p95))} > ${CATALOGUE_P95} ms` },
          { ok: size >= 1_000_000, failed: `measured at ${num(size)} records, not 1M` },
        ],
      };
    },
  };
}

/** The current import paths (bench/marc-import.ts variants); the best of those measured is the row's figure. */
const MARC_PATHS = ['bulk', 'bulkworker', 'row', 'worker'];
const MARC_TARGET = 10_000;

function lighthouseRow(page: string): RowSpec {
  const t = LIGHTHOUSE_TARGETS;
  return {
    what: `Lighthouse ${page} (perf · a11y · best practices)`,
    target: `≥ ${t.performance} · ${t.accessibility} · ≥ ${t['best-practices']}`,
    runs: ['lighthouse'],
    measure: (find) => {
      const r = find('lighthouse', page);
      if (!r) return `${page} not audited in the lighthouse run`;
      const score = (c: keyof typeof t) => n(r[c]);
      const shown = (c: keyof typeof t) => (Number.isNaN(score(c)) ? 'n/a' : String(score(c)));
      return {
        baseline: '— (absolute scores)',
        figure: `${shown('performance')} · ${shown('accessibility')} · ${shown('best-practices')}`,
        checks: (Object.keys(t) as Array<keyof typeof t>).map((c) => ({
          ok: score(c) >= t[c],
          failed: `${c} ${shown(c)} < ${t[c]}`,
        })),
      };
    },
  };
}

/** An island page's JavaScript against issue 17's island budget (≤ 60 KB gzip). */
function islandRow(page: (typeof ISLAND_PAGES)[number], what: string): RowSpec {
  return {
    what,
    target: '≤ 60 KB gzip',
    runs: ['lighthouse'],
    measure: (find) => {
      const r = find('lighthouse', page);
      if (!r || Number.isNaN(n(r.jsGzipKb))) return `${page} page not measured in the lighthouse run`;
      return {
        baseline: '— (a budget)',
        figure: `${num(n(r.jsGzipKb), 1)} KB gzip (${num(n(r.jsRawKb), 1)} KB raw)`,
        checks: [{ ok: n(r.jsGzipKb) <= 60, failed: `${num(n(r.jsGzipKb), 1)} KB > 60 KB` }],
      };
    },
  };
}

export const ROW_SPECS: RowSpec[] = [
  httpRow('SSR home / vs minimal React Router page', 'http', 'c', 0.5, 50),
  httpRow('signed-in /admin/plan/tasks, page cache on', 'http', 'd', 0.2, 100),
  httpRow('signed-in /admin/plan/tasks, page cache off (d0)', 'http', 'd0', 0.2, 100),
  httpRow('GET /api/v1/plan/tasks, API cache on', 'http', 'e', 0.2),
  httpRow('GET /api/v1/plan/tasks, API_CACHE_TTL_MS=0', 'http-api0', 'e', 0.2),
  catalogueRow('short queries (1–2 words)', SHORT),
  catalogueRow('long titles (5–10 words)', 'long title'),
  catalogueRow('title + author', 'title + author'),
  catalogueRow('typo', 'typo'),
  catalogueRow('numeric (ISBN)', 'number'),
  catalogueRow('no hit', 'no hit'),
  {
    what: 'registration burst p99 vs bare-route burst',
    target: '≤ 2×, exactly the seats confirmed',
    runs: ['burst'],
    measure: (find) => {
      const regs = find('burst', 'registration-burst');
      const bare = find('burst', 'bare-hono-route-burst');
      if (!regs || !bare) return 'no burst rows in the burst run';
      const ratio = n(regs.p99) / n(bare.p99);
      return {
        baseline: `bare burst p99 ${msText(n(bare.p99))}`,
        figure: `p99 ${msText(n(regs.p99))}, ${n(regs.confirmed)} of ${n(regs.seats)} seats confirmed`,
        ratio,
        checks: [
          { ok: ratio <= 2, failed: `${times(ratio)} > 2×` },
          {
            ok: n(regs.confirmed) === n(regs.seats),
            failed: `${n(regs.confirmed)} confirmed for ${n(regs.seats)} seats`,
          },
        ],
      };
    },
  },
  {
    what: 'month view p99 with 10,000 events (page cache off)',
    target: 'p99 < 100 ms',
    runs: ['month'],
    measure: (find) => {
      const month = find('month', 'month-view-page');
      const bare = find('month', 'bare-hono-route');
      if (!month || !bare) return 'no month view rows in the month run';
      const events = n(month.events);
      return {
        baseline: `bare route p99 ${msText(n(bare.p99))}`,
        figure: `p99 ${msText(n(month.p99))}${events === 10_000 ? '' : ` (${num(events)} events)`}`,
        ratio: n(month.p99) / n(bare.p99),
        checks: [
          { ok: n(month.p99) < 100, failed: `p99 ${msText(n(month.p99))} ≥ 100 ms` },
          { ok: events >= 10_000, failed: `measured with ${num(events)} events, not 10,000` },
        ],
      };
    },
  },
  {
    what: 'MARC import at 1M loaded, rec/s',
    target: `≥ ${num(MARC_TARGET)} rec/s`,
    runs: ['marc'],
    measure: (find) => {
      const bare = find('marc', 'bare');
      const best = MARC_PATHS.map((k) => ({ k, v: find('marc', k) }))
        .filter((x): x is { k: string; v: Record<string, BenchValue> } => x.v !== undefined)
        .sort((a, b) => n(b.v.recordsPerSecond) - n(a.v.recordsPerSecond))[0];
      if (!best || !bare) return 'no import rows in the marc run';
      const speed = n(best.v.recordsPerSecond);
      const size = n(best.v.size);
      return {
        baseline: `bare INSERT ceiling ${num(n(bare.recordsPerSecond))} rec/s`,
        figure: `${num(speed)} rec/s (${best.k})`,
        ratio: speed / n(bare.recordsPerSecond),
        checks: [
          { ok: speed >= MARC_TARGET, failed: `${num(speed)} < ${num(MARC_TARGET)} rec/s` },
          { ok: size >= 1_000_000, failed: `${num(size)} records loaded, not 1M` },
        ],
      };
    },
  },
  islandRow('check-in', 'check-in page JS (gzip)'),
  islandRow('places', 'places page JS (gzip; location button and map)'),
  {
    what: `content pages JS (${CONTENT_PAGES.join(', ')})`,
    target: '0 KB each',
    runs: ['lighthouse'],
    measure: (find) => {
      const pages = CONTENT_PAGES.map((p) => ({ p, kb: n(find('lighthouse', p)?.jsGzipKb) }));
      const measured = pages.filter((x) => !Number.isNaN(x.kb));
      if (!measured.length) return 'no content page measured in the lighthouse run';
      const missing = pages.filter((x) => Number.isNaN(x.kb)).map((x) => x.p);
      const heavy = measured.filter((x) => x.kb > 0);
      return {
        baseline: '— (a budget)',
        figure: `${measured.map((x) => `${x.p} ${num(x.kb, 1)}`).join(', ')} KB gzip`,
        checks: [
          { ok: heavy.length === 0, failed: `JS on ${heavy.map((x) => x.p).join(', ')}` },
          { ok: missing.length === 0, failed: `not measured: ${missing.join(', ')}` },
        ],
      };
    },
  },
  ...LIGHTHOUSE_PAGES.map(lighthouseRow),
];

/** Every row of issue 17's table, from the records of the runs made (and the reasons of those not made). */
export function speedRows(input: SpeedInput): SpeedRow[] {
  const find: Finder = (run, key) => input.records.find((r) => r.run === run && r.key === key)?.values;
  return ROW_SPECS.map((spec): SpeedRow => {
    const skipped = spec.runs.map((r) => input.skipped[r]).find((reason) => reason !== undefined);
    const empty = { baseline: '—', figure: '—', ratio: '—', target: spec.target };
    if (skipped !== undefined) return { what: spec.what, ...empty, status: 'not run', why: skipped };
    const m = spec.measure(find);
    if (typeof m === 'string') {
      const notes = input.records
        .filter((r) => spec.runs.includes(r.run) && r.key.startsWith('note-'))
        .map((r) => r.label);
      return { what: spec.what, ...empty, status: 'no figure', why: [m, ...notes].join('; ') };
    }
    const failed = m.checks.filter((c) => !c.ok).map((c) => c.failed);
    return {
      what: spec.what,
      baseline: m.baseline,
      figure: m.figure,
      ratio: m.ratio === undefined || Number.isNaN(m.ratio) ? '—' : times(m.ratio),
      target: spec.target,
      status: failed.length ? 'not met' : 'met',
      why: failed.length ? failed.join('; ') : undefined,
    };
  });
}

/** The rows as an aligned text table; each reason is a numbered note under it. */
export function formatSpeedTable(rows: SpeedRow[]): string {
  const notes: string[] = [];
  const head = ['what', 'baseline (same run)', 'figure', 'ratio', 'target', 'result'];
  const body = rows.map((r) => {
    let result: string = r.status;
    if (r.why) {
      notes.push(r.why);
      result += ` [${notes.length}]`;
    }
    return [r.what, r.baseline, r.figure, r.ratio, r.target, result];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    ...(notes.length ? ['', ...notes.map((t, i) => `[${i + 1}] ${t}`)] : []),
  ].join('\n');
}
