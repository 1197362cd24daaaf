// `node bench/circulation-queries.ts [--size N]`: what one checkout and one checkin cost, on a small dataset (a
// fresh schema on BENCH_DATABASE_URL, dropped at the end): the statements each sends, and EXPLAIN ANALYZE of
// each read. Cheap enough for a shared machine; the load figures are bench/circulation.ts's.
import pg from 'pg';
import { checkin, checkout } from '../src/modules/circulation/circulation.desk.usecases.server.ts';
import { cardNumberFrom } from '../src/modules/circulation/circulation.rules.ts';
import { benchDeps, openBenchSchema, provincialDesk } from './bench-db.ts';

const sizeArg = process.argv.indexOf('--size');
const SIZE = Number(sizeArg > 0 ? process.argv[sizeArg + 1] : 100_000);

type Sent = { text: string; values: unknown[] };
let log: Sent[] | null = null;
const original = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: wraps the driver's overloaded query() for counting only
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  const [q, v] = args;
  const text = typeof q === 'string' ? q : q?.text;
  if (log && text) log.push({ text, values: (typeof q === 'string' ? v : (q?.values ?? v)) ?? [] });
  // biome-ignore lint/suspicious/noExplicitAny: passes the call through unchanged
  return (original as any).apply(this, args);
};

async function main() {
  const { dbh, drop } = await openBenchSchema('circq', 2);
  try {
    const deps = await benchDeps(dbh);
    const { unit, actor, desk } = await provincialDesk(deps);
    await dbh.query(
      `INSERT INTO circulation_items (id, record_id, unit_id, barcode)
       SELECT 'itm_b' || g, 'rec_b' || (g / 3), $1, 'B' || lpad(g::text, 9, '0') FROM generate_series(1, $2::int) g`,
      [unit.id, SIZE],
    );
    const readers = Math.floor(SIZE / 5);
    const cards = Array.from({ length: readers }, (_, i) =>
      cardNumberFrom(String(10_000_000_000 + i).slice(-11)),
    );
    await dbh.query(
      `INSERT INTO circulation_readers (id, unit_id, card_number, name)
       SELECT 'rdr_b' || n, $1, card, 'Bạn đọc ' || n FROM unnest($2::text[]) WITH ORDINALITY AS x(card, n)`,
      [unit.id, cards],
    );
    // History, as a library has after some years: half as many past loans as copies, and every tenth copy out
    // now (its loan open), written in bulk.
    await dbh.query(
      `INSERT INTO circulation_loans (id, txn_id, item_id, reader_id, reader_key, reader_category, unit_id, item_kind,
         record_id, loaned_at, due_at, returned_at, returned_unit_id, return_txn_id)
       SELECT 'loan_h' || g, 'h-' || g, 'itm_b' || (1 + g % $2), 'rdr_b' || (1 + g % $3), 'k', 'adult', $1, 'book',
         'rec_b' || ((1 + g % $2) / 3), now() - interval '60 days', now() - interval '40 days',
         now() - interval '45 days', $1, 'hr-' || g
       FROM generate_series(1, $2 / 2) g`,
      [unit.id, SIZE, readers],
    );
    await dbh.query(
      `INSERT INTO circulation_loans (id, txn_id, item_id, reader_id, reader_key, reader_category, unit_id, item_kind,
         record_id, loaned_at, due_at)
       SELECT 'loan_o' || g, 'o-' || g, 'itm_b' || g, 'rdr_b' || (1 + g % $3), 'k', 'adult', $1, 'book',
         'rec_b' || (g / 3), now() - interval '5 days', now() + interval '9 days'
       FROM generate_series(10, $2, 10) g`,
      [unit.id, SIZE, readers],
    );
    await dbh.query(`UPDATE circulation_items SET status = 'on_loan' WHERE id IN (SELECT item_id FROM circulation_loans
      WHERE returned_at IS NULL)`);
    await dbh.query('ANALYZE');
    const run = async (label: string, f: () => Promise<unknown>) => {
      log = [];
      const t0 = performance.now();
      await f();
      const took = performance.now() - t0;
      const sent = log;
      log = null;
      console.log(`\n${label}: ${sent.length} statements, ${took.toFixed(1)} ms (single, cold-ish)`);
      for (const s of sent) console.log(`  - ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      return sent;
    };
    const out = await run('checkout', () =>
      checkout(deps, actor, desk, { card: cards[7] as string, barcode: 'B000000007', txnId: 'probe-1' }),
    );
    const back = await run('checkin', () =>
      checkin(deps, actor, desk, { barcode: 'B000000007', txnId: 'probe-2' }),
    );
    console.log('\nplans (EXPLAIN ANALYZE, reads only):');
    const seen = new Set<string>();
    for (const s of [...out, ...back]) {
      if (!/^\s*select/i.test(s.text) || seen.has(s.text) || /advisory/i.test(s.text)) continue;
      seen.add(s.text);
      const plan = await dbh.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, COSTS OFF) ${s.text}`,
        s.values,
      );
      console.log(`\n  ${s.text.replace(/\s+/g, ' ').slice(0, 120)}`);
      for (const r of plan) console.log(`    ${r['QUERY PLAN']}`);
    }
  } finally {
    await drop();
  }
}

await main();
