import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedReference } from '../src/db/seed/index.ts';
import { buildDeps } from '../src/deps.ts';
import { createLogger } from '../src/lib/logger.ts';
import { wireAuth } from '../src/modules/auth/auth.wiring.ts';
import { publicFeed } from '../src/modules/event-feeds/feeds.usecases.ts';
import { monthView } from '../src/modules/event-feeds/calendar.usecases.ts';
import { buildIcs } from '../src/modules/event-feeds/ics.ts';
import { toIcsEvent } from '../src/modules/event-feeds/feeds.usecases.ts';
const DB_URL = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_prof_${randomBytes(4).toString('hex')}`;
const admin = await openDatabase({ kind: 'postgres', url: DB_URL, max: 1 });
await admin.query(`CREATE SCHEMA ${schema}`);
const dbh = await openDatabase({ kind: 'postgres', url: DB_URL, searchPath: schema, max: 5 });
try {
  await migrate(dbh);
  const deps = buildDeps(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1:1', DATABASE_URL: DB_URL, SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), dbh, createLogger('silent'));
  wireAuth(deps);
  await seedReference(deps);
  await dbh.query(`INSERT INTO events (id, unit_id, title, description, category, status, capacity)
     SELECT 'evt_bench' || lpad(g::text, 11, '0'), (SELECT id FROM units WHERE code = 'thu-vien-tinh'),
            'Sự kiện số ' || g, 'Mô tả ' || g, (ARRAY['reading','heritage','digital_skills','talk','exhibition_opening','class','other'])[1 + g % 7], 'published', 50
     FROM generate_series(1, 10000) g`);
  await dbh.query(`INSERT INTO event_sessions (id, event_id, starts_at, ends_at)
     SELECT 'evs_bench' || lpad(g::text, 11, '0'), 'evt_bench' || lpad(g::text, 11, '0'),
            date_trunc('month', now()) + (g % 365) * interval '1 day' + interval '1 hour',
            date_trunc('month', now()) + (g % 365) * interval '1 day' + interval '3 hours'
     FROM generate_series(1, 10000) g`);
  await dbh.query('ANALYZE events; ANALYZE event_sessions');
  const a = { kind: 'anonymous' } as const;
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const s = await deps.repos.eventFeeds.sessions(deps.db, { from: new Date(Date.now() - 30 * 864e5), includeCancelled: true, limit: 3000 });
    const q = performance.now() - t; t = performance.now();
    const body = buildIcs({ name: 'x', events: s.map((x) => toIcsEvent(x, 'http://127.0.0.1:1')) });
    const b = performance.now() - t; t = performance.now();
    await publicFeed(deps, a, { kind: 'all' });
    const f = performance.now() - t; t = performance.now();
    const now = new Date();
    await monthView(deps, a, { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
    const m = performance.now() - t;
    console.log({ rows: s.length, query: q.toFixed(1), build: b.toFixed(1), feed: f.toFixed(1), month: m.toFixed(1), kb: Math.round(body.length / 1024) });
  }
  const { createApp } = await import('../src/app.ts');
  const build = await import(process.cwd() + '/build-feeds/server/index.js');
  const app = createApp(deps, { build });
  const month = new Date().toISOString().slice(0, 7);
  for (const path of [`/events/calendar?month=${month}`, `/events/calendar?month=${month}&category=heritage`, '/feeds/events.ics', '/feeds/categories/heritage.ics']) {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) { const t = performance.now(); const r = await app.request('http://127.0.0.1:1' + path); await r.text(); times.push(performance.now() - t); }
    console.log(path, times.map((x) => x.toFixed(0)).join(' '));
  }
  const plan = await dbh.query(`EXPLAIN ANALYZE SELECT s.id FROM event_sessions s JOIN events e ON e.id = s.event_id JOIN units u ON u.id = e.unit_id LEFT JOIN places p ON p.id = e.place_id WHERE e.status IN ('published','cancelled') AND s.ends_at > now() - interval '30 days' ORDER BY s.starts_at, s.id LIMIT 3000`);
  console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
} finally {
  await dbh.close(); await admin.query(`DROP SCHEMA ${schema} CASCADE`); await admin.close();
}
process.exit(0);
