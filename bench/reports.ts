// `npm run bench:reports [-- --size N] [-- --no-baseline]`: indicators and reports at province scale, on PostgreSQL
// (a fresh schema on BENCH_DATABASE_URL, dropped at the end). Prints figures; asserts nothing except that the
// fast and the baseline path give the same figures.
//
// Activity: N attendance rows (default 1,000,000) on sessions of events spread over 200 units and 8 years
// (2023–2030), written with bulk SQL. Measured, in this process through the use cases (no HTTP):
//  1. the dashboard (Department, one year, every indicator + trend + per unit + per commemorative day): p50/p95
//     of BENCH_RUNS runs (target p95 < 100 ms);
//  2. the full annual report: consolidation of every unit + DOCX + XLSX (no PDF) (target < 3 s);
//  3. next to a bare `SELECT count(*)` over the same attendance rows in the same run.
// Each is measured twice: the baseline (`direct`: one query per unit × indicator × year over the raw rows, the
// path before the grouped queries and the sessions' attendance totals) and the current path; `--no-baseline`
// skips the baseline.
import { performance } from 'node:perf_hooks';
import { dashboard } from '../src/modules/indicators/indicators.dashboard.server.ts';
import { buildReportDocx } from '../src/modules/reports/reports.docx.server.ts';
import { RECIPIENTS } from '../src/modules/reports/reports.generate.server.ts';
import { consolidate } from '../src/modules/reports/reports.values.server.ts';
import { buildReportXlsx } from '../src/modules/reports/reports.xlsx.server.ts';
import { testActor } from '../src/test/actors.ts';
import { benchDeps, openBenchSchema } from './bench-db.ts';

const sizeArg = process.argv.indexOf('--size');
const SIZE = Number(sizeArg > 0 ? process.argv[sizeArg + 1] : (process.env.BENCH_SIZE ?? 1_000_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BASELINE = !process.argv.includes('--no-baseline');
const UNITS = 200;
const YEARS = 8;
const EVENTS_PER_UNIT_YEAR = 5;
const SESSIONS_PER_EVENT = 4;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

async function main() {
  if (!Number.isInteger(SIZE) || SIZE < 1) throw new Error('--size must be a positive integer');
  const { dbh, schema, drop } = await openBenchSchema('reports', 10);
  try {
    const deps = await benchDeps(dbh);
    const root = await deps.repos.units.byCode(deps.db, 'so-vhttdl');
    if (!root) throw new Error('no Department unit');

    const t0 = performance.now();
    await dbh.query(
      `INSERT INTO units (id, code, name, kind, parent_id, valid_from)
       SELECT 'bu' || g, 'bench-unit-' || g, 'Đơn vị ' || g, 'library', $1, '2023-01-01' FROM generate_series(1, $2) g`,
      [root.id, UNITS],
    );
    await dbh.query(
      `INSERT INTO events (id, unit_id, title, category, status)
       SELECT 'be' || u || '-' || y || '-' || e, 'bu' || u, 'Sự kiện ' || e, 'reading', 'published'
         FROM generate_series(1, $1) u, generate_series(0, $2 - 1) y, generate_series(1, $3) e`,
      [UNITS, YEARS, EVENTS_PER_UNIT_YEAR],
    );
    await dbh.query(
      `INSERT INTO event_sessions (id, event_id, starts_at, ends_at)
       SELECT 'bs' || u || '-' || y || '-' || e || '-' || s, 'be' || u || '-' || y || '-' || e,
              make_timestamptz(2023 + y, 1 + (e * 2 + s) % 12, 1 + s * 5, 9, 0, 0, 'Asia/Ho_Chi_Minh'),
              make_timestamptz(2023 + y, 1 + (e * 2 + s) % 12, 1 + s * 5, 11, 0, 0, 'Asia/Ho_Chi_Minh')
         FROM generate_series(1, $1) u, generate_series(0, $2 - 1) y, generate_series(1, $3) e, generate_series(1, $4) s`,
      [UNITS, YEARS, EVENTS_PER_UNIT_YEAR, SESSIONS_PER_EVENT],
    );
    const sessions = UNITS * YEARS * EVENTS_PER_UNIT_YEAR * SESSIONS_PER_EVENT;
    await dbh.query(
      `INSERT INTO event_attendance (id, event_id, session_id, walk_in_name, party_size)
       SELECT 'ba' || g, 'be' || u || '-' || y || '-' || e, 'bs' || u || '-' || y || '-' || e || '-' || s, 'Khách', 1
         FROM (SELECT g, g % $2 AS k FROM generate_series(1, $1) g) x,
              LATERAL (SELECT 1 + x.k % $3 AS u, (x.k / $3) % $4 AS y, 1 + (x.k / ($3 * $4)) % $5 AS e,
                              1 + (x.k / ($3 * $4 * $5)) % $6 AS s) p`,
      [SIZE, sessions, UNITS, YEARS, EVENTS_PER_UNIT_YEAR, SESSIONS_PER_EVENT],
    );
    await dbh.query('ANALYZE');
    console.log(`\nbench:reports — PostgreSQL, schema ${schema}`);
    console.log(
      `  ${SIZE.toLocaleString('en')} attendance rows, ${sessions.toLocaleString('en')} sessions, ${UNITS} units, ${YEARS} years (seeded in ${ms(performance.now() - t0)})`,
    );

    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++)
      bare.push((await timed(() => dbh.query('SELECT count(*) FROM event_attendance')))[0]);
    bare.sort((a, b) => a - b);
    console.log(`  bare count(*) over attendance: p50 ${ms(pct(bare, 50))}, p95 ${ms(pct(bare, 95))}`);

    const officer = testActor([{ role: 'department_officer', unitId: root.id }]);
    const year = 2026;
    const period = await deps.repos.reports.period(deps.db, `nam-${year}`);
    if (!period) throw new Error('no seeded period');
    const measure = async (direct: boolean) => {
      const options = { direct };
      const dash: number[] = [];
      let figures = '';
      for (let i = 0; i < RUNS; i++) {
        const [t, d] = await timed(() => dashboard(deps, officer, { year, indicator: 'SK-03' }, options));
        dash.push(t);
        figures = JSON.stringify(d);
      }
      dash.sort((a, b) => a - b);
      const [genMs, out] = await timed(async () => {
        const data = await consolidate(deps, period, null, options);
        const docx = await buildReportDocx({
          period,
          data,
          issuerParent: 'UBND tỉnh Khánh Hòa',
          issuerName: root.name,
          issuerAbbrev: 'SVHTTDL',
          place: 'Khánh Hòa',
          date: new Date(),
          signerTitle: 'KT. Giám đốc\nPhó Giám đốc',
          recipients: RECIPIENTS,
        });
        const xlsx = await buildReportXlsx(period, data);
        return { bytes: docx.byteLength + xlsx.byteLength, rows: JSON.stringify(data.rows) };
      });
      const label = direct ? 'baseline (direct)' : 'current (grouped)';
      console.log(`  ${label}:`);
      console.log(
        `    dashboard (Department, ${year}): p50 ${ms(pct(dash, 50))}, p95 ${ms(pct(dash, 95))}  (target p95 < 100 ms)`,
      );
      console.log(
        `    annual report (consolidate ${UNITS}+ units + DOCX + XLSX): ${ms(genMs)}, ${out.bytes.toLocaleString('en')} bytes  (target < 3 s)`,
      );
      console.log(
        `    ratios to bare count(*) p50: dashboard ${(pct(dash, 50) / Math.max(pct(bare, 50), 0.01)).toFixed(1)}×, report ${(genMs / Math.max(pct(bare, 50), 0.01)).toFixed(1)}×`,
      );
      return { p95: pct(dash, 95), genMs, figures, rows: out.rows };
    };
    const before = BASELINE ? await measure(true) : null;
    const after = await measure(false);
    if (before) {
      if (before.figures !== after.figures || before.rows !== after.rows)
        throw new Error('the grouped path gave other figures than the baseline');
      console.log(
        `  speed-up: dashboard p95 ${(before.p95 / Math.max(after.p95, 0.01)).toFixed(1)}×, report ${(before.genMs / Math.max(after.genMs, 0.01)).toFixed(1)}× (same figures)`,
      );
    }
  } finally {
    await drop();
  }
}

await main();
