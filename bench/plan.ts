// `npm run bench:plan -- [--db pglite|postgres]`: the plan as live work at province scale — 200 units, the 30
// tasks × 8 years of instances, 20 unit reports (progress entries) per instance and one budget line per report —
// then "My work" and the filtered task list (p50/p99, req/s with autocannon, signed in) against a bare Hono route
// served by this same process, and the time to export every instance's budget (and the task list) to XLSX.
// The app runs in this process on loopback (autocannon fires from a worker thread). Bulk data goes in through
// repositories and SQL, not use cases: this is a fixture. Prints figures; asserts nothing.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { buildDeps } from '../src/app/build-deps.server.ts';
import { createApp } from '../src/app/create-app.server.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { invalidateUnitTree } from '../src/modules/access/access.unit-tree.ts';
import { createUserWithPassword } from '../src/modules/auth/auth.users.server.ts';
import { newId } from '../src/modules/plan/plan.ids.server.ts';
import { loadBuild, TEST_ORIGIN, testConfig } from '../src/test/harness.ts';
import { openBenchDb } from './catalogue-load.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '5' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const UNITS = 200;
const REPORTS_PER_INSTANCE = 20;
const YEARS = [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
const PASSWORD = 'Thư viện lưu động 2030 bench';

const { dbh, done, label } = await openBenchDb({ db: args.db, max: 10 });
await migrate(dbh);
const deps = buildDeps(
  testConfig({ DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-plan-')), NODE_ENV: 'production' }),
  dbh,
  createLogger('silent'),
);
await seedReference(deps);
console.log(`plan bench — ${label}, Node ${process.version}, ${DURATION} s × ${CONNECTIONS} connections`);

// 1. Fixture: 200 local units under the three provincial institutions.
const t0 = performance.now();
const parents = await dbh.query<{ id: string; code: string }>(
  `SELECT id, code FROM units WHERE code IN ('thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh') ORDER BY code`,
);
const unitIds: string[] = [];
await deps.db.transaction(async (tx) => {
  for (let i = 0; i < UNITS; i++) {
    const parent = parents[i % parents.length];
    if (!parent) throw new Error('provincial units not seeded');
    const row = await deps.repos.units.insert(tx, {
      code: `bench-unit-${i}`,
      name: `Điểm phục vụ học tập số ${i + 1} (${parent.code})`,
      shortName: null,
      kind: 'community_library',
      parentId: parent.id,
      validFrom: '2023-01-01',
    });
    unitIds.push(row.id);
  }
});
invalidateUnitTree(deps);

// 2. Every task gets an instance in each of the 8 years and 20 coordinating local units.
const tasks = await dbh.query<{ id: string }>('SELECT id FROM plan_tasks ORDER BY phase, section, number');
for (const [k, task] of tasks.entries()) {
  await deps.repos.plan.ensureInstances(
    deps.db,
    task.id,
    YEARS.map((year) => ({ year, inferred: false })),
  );
  const values = Array.from({ length: REPORTS_PER_INSTANCE }, (_, j) => unitIds[(k * 7 + j * 10) % UNITS]);
  await dbh.query(
    `INSERT INTO plan_task_units (task_id, unit_id, role, position)
     SELECT $1, u, 'coordinating', 100 + ord FROM unnest($2::text[]) WITH ORDINALITY AS x(u, ord)
     ON CONFLICT DO NOTHING`,
    [task.id, values],
  );
}

// 3. Users: a staff member of Thư viện tỉnh (a third of the local units lie under it) and the focal point.
async function user(email: string, name: string, role: string, unitCode: string): Promise<string> {
  const { id } = await createUserWithPassword(deps, { email, name, password: PASSWORD });
  const unit = await deps.repos.units.byCode(deps.db, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  await deps.repos.access.insertGrant(deps.db, {
    userId: id,
    role: role as 'unit_staff',
    unitId: unit.id,
    grantedBy: null,
    at: new Date(),
  });
  return id;
}
const staffId = await user('bench-staff@example.vn', 'Nhân viên đo hiệu năng', 'unit_staff', 'thu-vien-tinh');
await user('bench-officer@example.vn', 'Chuyên viên đo hiệu năng', 'department_officer', 'phong-qlvhgd');

// 4. 20 progress entries (unit reports) per instance, a quarter assigned to the staff member, one budget line each.
const parts = await dbh.query<{ instance_id: string; unit_id: string }>(
  `SELECT i.id AS instance_id, tu.unit_id FROM plan_task_instances i
   JOIN plan_task_units tu ON tu.task_id = i.task_id AND tu.position >= 100`,
);
const STATUSES = ['not_started', 'in_progress', 'done', 'in_progress'];
const STATES = ['draft', 'draft', 'submitted', 'approved'];
const SOURCES = ['ngan_sach_su_nghiep', 'xa_hoi_hoa', 'nguon_hop_phap_khac'];
for (let from = 0; from < parts.length; from += 500) {
  const chunk = parts.slice(from, from + 500);
  const ids = chunk.map(() => newId('rpt'));
  await dbh.query(
    `INSERT INTO plan_unit_reports (id, instance_id, unit_id, assignee_id, status, percent, narrative, state)
     SELECT id, ins, unit, CASE WHEN n % 4 = 0 THEN $4 END, ($5::text[])[1 + n % 4], (n * 7) % 101,
            'Đã tổ chức hoạt động đọc sách cho thiếu nhi, ghi nhận ' || n || ' lượt tham gia.', ($6::text[])[1 + n % 4]
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(id, ins, unit, n)`,
    [ids, chunk.map((p) => p.instance_id), chunk.map((p) => p.unit_id), staffId, STATUSES, STATES],
  );
  await dbh.query(
    `INSERT INTO plan_budget_lines (id, instance_id, unit_id, content, amount, source, version)
     SELECT id, ins, unit, 'Tổ chức hoạt động, in tài liệu (dòng ' || n || ')', (n % 50 + 1) * 1000000,
            ($4::text[])[1 + n % 3], 1
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(id, ins, unit, n)`,
    [chunk.map(() => newId('bud')), chunk.map((p) => p.instance_id), chunk.map((p) => p.unit_id), SOURCES],
  );
}
await dbh.query('ANALYZE');
const counts = (
  await dbh.query<{ units: number; instances: number; reports: number; lines: number }>(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM plan_task_instances)::int AS instances,
            (SELECT count(*) FROM plan_unit_reports)::int AS reports, (SELECT count(*) FROM plan_budget_lines)::int AS lines`,
  )
)[0];
console.log(
  `fixture: ${counts?.units} units, ${counts?.instances} instances, ${counts?.reports} unit reports, ` +
    `${counts?.lines} budget lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// 5. Serve the app and the baseline from this process.
const app = createApp(deps, { build: await loadBuild() });
const bare = new Hono();
bare.get('/', (c) => c.text('ok'));
function listen(
  fetch: (req: Request) => Response | Promise<Response>,
): Promise<{ base: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}
const appServer = await listen(app.fetch);
const bareServer = await listen(bare.fetch);
const base = appServer.base;

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((l) => l.split(';')[0]?.trim() ?? '')
    .filter((p) => p && !p.endsWith('='))
    .join('; ');
}
const staffCookie = await signIn('bench-staff@example.vn');
const officerCookie = await signIn('bench-officer@example.vn');

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  kb: number;
  non2xx: number;
  aloneMs: number;
}
async function measure(name: string, url: string, cookie?: string): Promise<Figures> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const probe = await fetch(url, { headers, redirect: 'manual' });
  const size = (await probe.arrayBuffer()).byteLength;
  if (probe.status !== 200) throw new Error(`${name}: ${url} answered ${probe.status}`);
  // One request at a time first: the cost of a single answer, without queueing behind other connections.
  const alone: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    await (await fetch(url, { headers })).arrayBuffer();
    alone.push(performance.now() - start);
  }
  alone.sort((a, b) => a - b);
  const opts = { url, headers, connections: CONNECTIONS, workers: 1 };
  await autocannon({ ...opts, duration: 1 });
  const r = await autocannon({ ...opts, duration: DURATION });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    kb: size / 1024,
    non2xx: r.non2xx,
    aloneMs: alone[7] ?? 0,
  };
}

const rows: Figures[] = [];
rows.push(await measure('(a) bare Hono route', `${bareServer.base}/`));
rows.push(await measure('My work (unit staff)', `${base}/admin/plan/my-work`, staffCookie));
rows.push(await measure('My work (focal point)', `${base}/admin/plan/my-work`, officerCookie));
const filters = `phase=2025-2030&unit=thu-vien-tinh&year=2027&q=${encodeURIComponent('thu vien')}`;
rows.push(await measure('task list, filtered', `${base}/admin/plan/tasks?${filters}`, officerCookie));
rows.push(await measure('task list, all 30', `${base}/admin/plan/tasks`, officerCookie));
rows.push(await measure('budget page (year)', `${base}/admin/plan/budget?year=2027`, officerCookie));
rows.push(await measure('timeline page', `${base}/admin/plan/timeline`, officerCookie));

const baseline = rows[0] as Figures;
console.log(
  `\n(p50/p99 and req/s with ${CONNECTIONS} connections for ${DURATION} s; "1 at a time": median of 15 sequential requests)`,
);
const n = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  `\n${'target'.padEnd(24)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'rps vs (a)'.padStart(12)}${'KB'.padStart(8)}${'non-2xx'.padStart(9)}${'1 at a time ms'.padStart(16)}`,
);
for (const r of rows)
  console.log(
    `${r.name.padEnd(24)}${n(r.rps).padStart(9)}${n(r.p50, 1).padStart(9)}${n(r.p99, 1).padStart(9)}${`${n(r.rps / baseline.rps, 4)}×`.padStart(12)}${n(r.kb, 1).padStart(8)}${String(r.non2xx).padStart(9)}${n(r.aloneMs, 1).padStart(16)}`,
  );

// 6. XLSX exports of every instance: the budget (one line per unit report) and the task list.
async function timeExport(name: string, url: string, cookie: string) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) {
      console.log(`${name}: ${url} answered ${res.status}; skipped`);
      return;
    }
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(40)} median ${n(ms[2] ?? 0, 0)} ms, min ${n(ms[0] ?? 0, 0)} ms, max ${n(ms[4] ?? 0, 0)} ms, ${n(bytes / 1024, 0)} KB`,
  );
}
console.log('\nXLSX export (5 runs each):');
await timeExport(
  `budget, all ${counts?.lines} lines`,
  `${base}/admin/plan/budget/export.xlsx`,
  officerCookie,
);
await timeExport('task list, all tasks (plan-work)', `${base}/admin/plan/tasks/export/xlsx`, officerCookie);

appServer.close();
bareServer.close();
await done();
process.exit(0);
