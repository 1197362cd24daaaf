// `npm run bench:circulation [-- --size N] [-- --records R] [-- --rounds K]`: lending under load on PostgreSQL,
// through the use cases (a fresh schema on BENCH_DATABASE_URL, dropped at the end). Prints figures; asserts
// nothing.
//
//  Size N (default 1,000,000) copies and N/5 readers, written in bulk. The copies are holdings of R (default
//  N/3) published catalogue records with their source MARC, loaded through the catalogue repository as an
//  import writes them, so a lend moves the holding, the record's availability summary and its search postings
//  as in production. Then 20 desks at once, each lending and taking back its own copies to its own readers
//  (checkout and checkin p50/p99), next to a primary-key update of a copy row run the same way in the same
//  process (the floor of any write), in variants taken in turns (K rounds, each round's order the reverse of
//  the last, so a change of machine load falls on all of them): the desk's statements sent unnamed (planned
//  at every call) or named (prepared once per connection), and the catalogue triggers as they were before
//  migration 0181 (postings rebuilt, OAI WHEN over the row's JSON). Then 1,000 queued offline transactions
//  (lends with their transaction ids) synced through the sync use case in batches of 200, as the van sends
//  them, and synced a second time (every one already applied: the idempotent replay).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbHandle } from '../src/db/client.server.ts';
import { MIGRATIONS_DIR } from '../src/db/migrate.server.ts';
import { setNamedStatements } from '../src/db/sql.server.ts';
import { generator } from '../src/modules/catalogue/catalogue.demo-data.server.ts';
import { newId as newCatalogueId } from '../src/modules/catalogue/catalogue.ids.server.ts';
import type { HoldingValues, RecordValues } from '../src/modules/catalogue/catalogue.repository.server.ts';
import { generatedRecord } from '../src/modules/catalogue/catalogue.seed.server.ts';
import { generatedMarcRecord } from '../src/modules/catalogue/marc/generated-marc.ts';
import { parseIso2709Record } from '../src/modules/catalogue/marc/iso2709.ts';
import { checkin, checkout } from '../src/modules/circulation/circulation.desk.usecases.server.ts';
import { cardNumberFrom } from '../src/modules/circulation/circulation.rules.ts';
import { syncOffline } from '../src/modules/circulation/circulation.sync.server.ts';
import { benchDeps, openBenchSchema, provincialDesk } from './bench-db.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZE = Number(arg('size') ?? process.env.BENCH_SIZE ?? 1_000_000);
const DESKS = 20;
const PER_DESK = Number(process.env.BENCH_PER_DESK ?? 50);
const ROUNDS = Number(arg('rounds') ?? 2);
const OFFLINE = 1000;

/** The variants taken in turns; the first is what the code does now (the baseline of the ratios). */
const VARIANTS = [
  { label: 'named statements', named: true, before0181: false },
  { label: 'unnamed statements', named: false, before0181: false },
  { label: 'named, triggers before 0181', named: true, before0181: true },
] as const;

// The two catalogue triggers as migrations 0018/0091 left them, and as 0181 makes them (DDL between phases).
const TRIGGERS_BEFORE_0181 = `DROP TRIGGER catalogue_postings_availability ON catalogue_records;
  DROP TRIGGER catalogue_postings_update ON catalogue_records;
  CREATE TRIGGER catalogue_postings_update AFTER UPDATE ON catalogue_records FOR EACH ROW
    WHEN ((OLD.published, OLD.search_vector, OLD.type, OLD.unit_id, OLD.language, OLD.decade, OLD.availability)
      IS DISTINCT FROM (NEW.published, NEW.search_vector, NEW.type, NEW.unit_id, NEW.language, NEW.decade,
        NEW.availability))
    EXECUTE FUNCTION catalogue_postings_on_update();
  DROP TRIGGER catalogue_oai_update ON catalogue_records;
  CREATE TRIGGER catalogue_oai_update AFTER UPDATE ON catalogue_records FOR EACH ROW
    WHEN ((to_jsonb(OLD.*) - 'availability') IS DISTINCT FROM (to_jsonb(NEW.*) - 'availability'))
    EXECUTE FUNCTION catalogue_oai_on_update();`;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99) };
};
const line = (label: string, xs: number[], base?: number[]) => {
  const s = stats(xs);
  const b = base ? stats(base) : null;
  const ratio = b
    ? `  (p50 ×${(s.p50 / b.p50).toFixed(2)}, p99 ×${(s.p99 / b.p99).toFixed(2)} of the first)`
    : '';
  console.log(`  ${label.padEnd(44)} n=${s.n}  p50 ${ms(s.p50)}  p99 ${ms(s.p99)}${ratio}`);
};

async function timed<T>(out: number[], f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  out.push(performance.now() - t0);
  return r;
}

const barcodeOf = (n: number) => `B${String(n).padStart(9, '0')}`;

async function main() {
  // Slot 0 warms up (untimed); then one slot of copies per variant and round.
  const used = DESKS * PER_DESK * (VARIANTS.length * ROUNDS + 1);
  const readers = Math.max(used + OFFLINE + 1, Math.floor(SIZE / 5));
  const copies = Math.max(SIZE, used + OFFLINE + 1);
  const records = Math.max(1, Number(arg('records') ?? Math.ceil(copies / 3)));
  const { dbh, schema, drop } = await openBenchSchema('circ', DESKS + 2);
  try {
    const deps = await benchDeps(dbh);
    const { unit, actor, desk } = await provincialDesk(deps);
    let t0 = performance.now();
    // The catalogue: `records` published records (with their MARC, as imported), the copies spread over them
    // (copies/records each, the rest one more), every copy a holding on the shelf.
    const next = generator(2031);
    for (let done = 0; done < records; ) {
      const n = Math.min(2000, records - done);
      const recs: RecordValues[] = [];
      const holdings: HoldingValues[] = [];
      for (let i = 0; i < n; i++) {
        const g = next();
        const built = generatedRecord(g, unit.id, { published: true, description: null, details: {} });
        recs.push({
          ...built.record,
          source: 'marc',
          sourceMarc: parseIso2709Record(generatedMarcRecord(g, `B${done + i}`)),
        });
        const k = done + i;
        const mine = Math.floor(copies / records) + (k < copies % records ? 1 : 0);
        for (let c = 0; c < mine; c++)
          holdings.push({ ...built.holding, id: newCatalogueId('hld'), availability: 'available' });
      }
      await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, recs, holdings));
      done += n;
    }
    // Copy n is the n-th holding in load order: the copies of one record have neighbouring numbers.
    await dbh.query(
      `INSERT INTO circulation_items (id, holding_id, record_id, unit_id, barcode)
       SELECT 'itm_b' || n, id, record_id, unit_id, 'B' || lpad(n::text, 9, '0')
       FROM (SELECT h.id, h.record_id, h.unit_id, row_number() OVER (ORDER BY r.seq, h.id) AS n
             FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id) x`,
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
    const [{ postings } = { postings: 0 }] = await dbh.query<{ postings: number }>(
      'SELECT count(*)::int AS postings FROM catalogue_postings',
    );
    console.log(`\nbench:circulation — PostgreSQL, schema ${schema}`);
    console.log(
      `  ${copies} copies of ${records} catalogue records (${postings} search postings), ${readers} readers` +
        ` written in ${ms(performance.now() - t0)}`,
    );

    const figures = VARIANTS.map(() => ({
      pk: [] as number[],
      outs: [] as number[],
      ins: [] as number[],
      cpuOut: 0,
      cpuIn: 0,
      nodeOut: 0,
      nodeIn: 0,
    }));
    // Warm-up, untimed: every connection opened, the desk statements prepared, the indexes' hot pages read.
    await Promise.all(
      Array.from({ length: DESKS }, async (_, d) => {
        for (let k = 0; k < PER_DESK; k++) {
          const n = d * PER_DESK + k + 1;
          await checkout(deps, actor, desk, {
            card: cards[n] as string,
            barcode: barcodeOf(n),
            txnId: `warm-${n}`,
          });
          await checkin(deps, actor, desk, { barcode: barcodeOf(n) });
        }
      }),
    );
    let slot = 1;
    let triggersBefore = false;
    for (let round = 0; round < ROUNDS; round++) {
      const order = VARIANTS.map((_, v) => v);
      if (round % 2 === 1) order.reverse();
      for (const v of order) {
        const variant = VARIANTS[v] as (typeof VARIANTS)[number];
        const f = figures[v] as (typeof figures)[number];
        if (variant.before0181 !== triggersBefore) {
          if (variant.before0181) await dbh.execScript(TRIGGERS_BEFORE_0181);
          else await migrateTriggersBack(dbh);
          triggersBefore = variant.before0181;
        }
        setNamedStatements(variant.named);
        const base = slot * DESKS * PER_DESK;
        slot++;
        const desks = (f2: (n: number) => Promise<unknown>) =>
          Promise.all(
            Array.from({ length: DESKS }, async (_, d) => {
              for (let k = 0; k < PER_DESK; k++) await f2(base + d * PER_DESK + k + 1);
            }),
          );
        await desks((n) =>
          timed(f.pk, () =>
            dbh.query('UPDATE circulation_items SET updated_at = now() WHERE id = $1', [`itm_b${n}`]),
          ),
        );
        let cpu = await backendCpu(dbh);
        let node = nodeCpu();
        await desks((n) =>
          timed(f.outs, () =>
            checkout(deps, actor, desk, {
              card: cards[n] as string,
              barcode: barcodeOf(n),
              txnId: `bench-${n}`,
            }),
          ),
        );
        f.nodeOut += nodeCpu() - node;
        f.cpuOut += (await backendCpu(dbh)) - cpu;
        cpu = await backendCpu(dbh);
        node = nodeCpu();
        await desks((n) => timed(f.ins, () => checkin(deps, actor, desk, { barcode: barcodeOf(n) })));
        f.nodeIn += nodeCpu() - node;
        f.cpuIn += (await backendCpu(dbh)) - cpu;
      }
    }
    if (triggersBefore) await migrateTriggersBack(dbh);
    setNamedStatements(true);
    const plans = await dbh.query<{ generic: number; custom: number }>(
      `SELECT coalesce(sum(generic_plans), 0)::int AS generic, coalesce(sum(custom_plans), 0)::int AS custom
       FROM pg_prepared_statements WHERE name LIKE 'n\\_%'`,
    );
    console.log(
      `  ${DESKS} concurrent desks, ${ROUNDS} rounds of ${VARIANTS.length} variants in turns (ratios: of the first):`,
    );
    const first = figures[0] as (typeof figures)[number];
    VARIANTS.forEach((variant, v) => {
      const f = figures[v] as (typeof figures)[number];
      console.log(`  — ${variant.label}`);
      line('primary-key update (floor)', f.pk, v ? first.pk : undefined);
      line('checkout', f.outs, v ? first.outs : undefined);
      line('checkin', f.ins, v ? first.ins : undefined);
      const per = (t: number, n: number) => (Number.isNaN(t) ? 'n/a' : ms(t / n));
      console.log(
        `  server CPU per checkout ${per(f.cpuOut, f.outs.length)}, per checkin ${per(f.cpuIn, f.ins.length)}` +
          (v && !Number.isNaN(f.cpuOut)
            ? `  (×${(f.cpuOut / first.cpuOut).toFixed(2)}, ×${(f.cpuIn / first.cpuIn).toFixed(2)} of the first)`
            : '') +
          `; this process ${ms(f.nodeOut / f.outs.length)}, ${ms(f.nodeIn / f.ins.length)}`,
      );
    });
    console.log(
      `  one connection's named desk statements: ${plans[0]?.generic ?? 0} runs on a generic plan, ` +
        `${plans[0]?.custom ?? 0} on a custom plan`,
    );

    // Through the sync use case, as the van sends them: batches of 200, each transaction looked up by its id,
    // applied, and its outcome recorded (the replay answers the recorded outcomes).
    const base = used + 1;
    const at = new Date();
    const queued = Array.from({ length: OFFLINE }, (_, i) => ({
      kind: 'checkout' as const,
      txnId: `offline-${base + i}`,
      at: new Date(at.getTime() + i),
      card: cards[base + i] as string,
      barcode: barcodeOf(base + i),
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
    await drop();
  }
}

await main();

/** CPU time (ms) this process has used so far (the use cases' own work, on the same cores when local). */
function nodeCpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time (ms) the database's client backends have used so far, from /proc (the server on this machine;
 * NaN otherwise): the work a variant costs the server, which machine load does not inflate as it does latency.
 */
async function backendCpu(dbh: DbHandle): Promise<number> {
  const pids = await dbh.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return Number.NaN;
    }
  }
  return (ticks * 1000) / 100;
}

/** Migration 0181 again, from its own file, after a phase with the triggers as they were before it. */
async function migrateTriggersBack(dbh: DbHandle): Promise<void> {
  const read = (file: string) => readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
  // 0181 puts back the postings triggers; 0212 then the OAI trigger as it is now (0181 installs its own).
  await dbh.execScript(
    `DROP FUNCTION IF EXISTS catalogue_postings_on_availability() CASCADE; ${read('0181_catalogue_availability_postings.sql')}
     ${read('0212_catalogue_oai_by_version.sql')}`,
  );
}
