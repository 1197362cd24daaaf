// `npm run bench:circulation [-- --size N]`: lending under load on PostgreSQL, through the use cases (a fresh
// schema on BENCH_DATABASE_URL, dropped at the end). Prints figures; asserts nothing.
//
//  Size N (default 1,000,000) copies and N/5 readers, written in bulk. Then 20 desks at once, each lending and
//  taking back its own copies to its own readers (checkout and checkin p50/p99), next to a primary-key update of
//  a copy row run the same way in the same process (the floor of any write). Then 1,000 queued offline
//  transactions (lends with their transaction ids) synced through the sync use case in batches of 200, as the van
//  sends them, and synced a second time (every one already applied: the idempotent replay).
import { randomBytes } from 'node:crypto';
import { buildDeps } from '../src/app/build-deps.server.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { loadConfig } from '../src/config.server.ts';
import { openDatabase } from '../src/db/client.server.ts';
import { migrate } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { checkin, checkout, type Desk } from '../src/modules/circulation/circulation.desk.usecases.server.ts';
import { cardNumberFrom } from '../src/modules/circulation/circulation.rules.ts';
import { syncOffline } from '../src/modules/circulation/circulation.sync.server.ts';
import { testActor } from '../src/test/actors.ts';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const sizeArg = process.argv.indexOf('--size');
const SIZE = Number(sizeArg > 0 ? process.argv[sizeArg + 1] : (process.env.BENCH_SIZE ?? 1_000_000));
const DESKS = 20;
const PER_DESK = Number(process.env.BENCH_PER_DESK ?? 50);
const OFFLINE = 1000;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (label: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(34)} n=${s.length}  p50 ${ms(pct(s, 50))}  p99 ${ms(pct(s, 99))}`);
};

async function timed<T>(out: number[], f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  out.push(performance.now() - t0);
  return r;
}

async function main() {
  const readers = Math.max(DESKS * PER_DESK + OFFLINE + 1, Math.floor(SIZE / 5));
  const copies = Math.max(SIZE, DESKS * PER_DESK + OFFLINE + 1);
  const schema = `bench_circ_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: DB_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dbh = await openDatabase({ kind: 'postgres', url: DB_URL, searchPath: schema, max: DESKS + 2 });
  try {
    await migrate(dbh);
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      DATABASE_URL: DB_URL,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
    });
    const deps = buildDeps(config, dbh, createLogger('silent'));
    await seedReference(deps);
    const unit = await deps.repos.units.byCode(deps.db, 'thu-vien-tinh');
    if (!unit) throw new Error('no provincial library unit');
    const links = await deps.repos.units.parentLinks(deps.db);
    const actor = testActor(
      [{ role: 'unit_staff', unitId: unit.id }],
      Object.fromEntries(links.map((l) => [l.id, l.parentId])),
    );
    const desk: Desk = { unitId: unit.id, placeId: null, routeId: null };
    let t0 = performance.now();
    await dbh.query(
      `INSERT INTO circulation_items (id, record_id, unit_id, barcode)
       SELECT 'itm_b' || g, 'rec_b' || (g / 3), $1, 'B' || lpad(g::text, 9, '0') FROM generate_series(1, $2::int) g`,
      [unit.id, copies],
    );
    const cards: string[] = [];
    for (let start = 0; start < readers; start += 10_000) {
      const ids: string[] = [];
      const nums: string[] = [];
      for (let i = start; i < Math.min(readers, start + 10_000); i++) {
        const card = cardNumberFrom(String(10_000_000_000 + i).slice(-11));
        ids.push(`rdr_b${i}`);
        nums.push(card);
        cards.push(card);
      }
      await dbh.query(
        `INSERT INTO circulation_readers (id, unit_id, card_number, name)
         SELECT id, $1, card, 'Bạn đọc ' || id FROM unnest($2::text[], $3::text[]) AS x(id, card)`,
        [unit.id, ids, nums],
      );
    }
    await dbh.query('ANALYZE');
    console.log(`\nbench:circulation — PostgreSQL, schema ${schema}`);
    console.log(`  ${copies} copies, ${readers} readers written in ${ms(performance.now() - t0)}`);

    const pk: number[] = [];
    const outs: number[] = [];
    const ins: number[] = [];
    await Promise.all(
      Array.from({ length: DESKS }, async (_, d) => {
        for (let k = 0; k < PER_DESK; k++) {
          const n = d * PER_DESK + k + 1;
          await timed(pk, () =>
            dbh.query('UPDATE circulation_items SET updated_at = now() WHERE id = $1', [`itm_b${n}`]),
          );
        }
      }),
    );
    await Promise.all(
      Array.from({ length: DESKS }, async (_, d) => {
        for (let k = 0; k < PER_DESK; k++) {
          const n = d * PER_DESK + k + 1;
          const barcode = `B${String(n).padStart(9, '0')}`;
          await timed(outs, () =>
            checkout(deps, actor, desk, { card: cards[n] as string, barcode, txnId: `bench-${n}` }),
          );
        }
      }),
    );
    await Promise.all(
      Array.from({ length: DESKS }, async (_, d) => {
        for (let k = 0; k < PER_DESK; k++) {
          const n = d * PER_DESK + k + 1;
          await timed(ins, () => checkin(deps, actor, desk, { barcode: `B${String(n).padStart(9, '0')}` }));
        }
      }),
    );
    console.log(`  ${DESKS} concurrent desks:`);
    line('primary-key update (floor)', pk);
    line('checkout', outs);
    line('checkin', ins);

    // Through the sync use case, as the van sends them: batches of 200, each transaction looked up by its id,
    // applied, and its outcome recorded (the replay answers the recorded outcomes).
    const base = DESKS * PER_DESK + 1;
    const at = new Date();
    const queued = Array.from({ length: OFFLINE }, (_, i) => ({
      kind: 'checkout' as const,
      txnId: `offline-${base + i}`,
      at: new Date(at.getTime() + i),
      card: cards[base + i] as string,
      barcode: `B${String(base + i).padStart(9, '0')}`,
    }));
    const apply = async () => {
      for (let i = 0; i < OFFLINE; i += 200) {
        const transactions = queued.slice(i, i + 200);
        await syncOffline(deps, actor, {
          deviceId: 'bench-van',
          unitId: unit.id,
          routeId: null,
          transactions,
        });
      }
    };
    t0 = performance.now();
    await apply();
    console.log(`  ${OFFLINE} offline transactions applied in ${ms(performance.now() - t0)}`);
    t0 = performance.now();
    await apply();
    console.log(`  the same ${OFFLINE} replayed (already applied) in ${ms(performance.now() - t0)}`);
  } finally {
    await dbh.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}

await main();
