// Round trips of one lend and one return at the desk (issue 15, checkout/checkin p99): every statement sent to
// the database, BEGIN and COMMIT included, counted through the driver's query logger. The desk's latency under
// 20 desks is its round trips, so this count may not grow back silently.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import { checkin, checkout, type Desk } from './circulation.desk.usecases.server.ts';
import { insertRecord, lendableCopies, openDeskFixture, txn, walkIn } from './circulation.test-helpers.ts';

let ctx: TestContext;
let staff: Actor;
let desk: Desk;
let libraryId: string;

beforeAll(async () => {
  ({ ctx, staff, libraryId, desk } = await openDeskFixture());
}, 180_000);
afterAll(() => ctx.close());

interface Session {
  logger: { logQuery(q: string, p: unknown[]): void };
  options: { logger?: unknown };
  transaction: (...a: unknown[]) => Promise<unknown>;
}

/** The statements `f` sends (PGlite's BEGIN and COMMIT, which bypass the logger, counted as two per transaction). */
async function statementsOf(db: Db, f: () => Promise<unknown>): Promise<string[]> {
  const session = (db as unknown as { session: Session }).session;
  const sent: string[] = [];
  const logger = { logQuery: (q: string) => sent.push(q.trim()) };
  const was = { logger: session.logger, options: session.options, transaction: session.transaction };
  session.logger = logger;
  session.options = { ...session.options, logger };
  if (ctx.dbh.kind === 'pglite')
    session.transaction = async (...a: unknown[]) => {
      sent.push('BEGIN');
      try {
        return await was.transaction.apply(session, a);
      } finally {
        sent.push('COMMIT');
      }
    };
  try {
    await f();
  } finally {
    Object.assign(session, was);
  }
  return sent;
}

describe('round trips at the desk', () => {
  it('lends a catalogued copy in one statement and takes it back in one', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Nhật ký trong tù');
    const [barcode] = (await lendableCopies(ctx, staff, libraryId, rec, 1)) as [string];
    const reader = await walkIn(ctx, staff, libraryId);
    const lend = await statementsOf(ctx.deps.db, () =>
      checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode, txnId: txn() }),
    );
    const onLoan = await ctx.dbh.query<{ holding: string; record: string[] }>(
      `SELECT h.availability AS holding, r.availability AS record FROM catalogue_holdings h
       JOIN catalogue_records r ON r.id = h.record_id WHERE h.barcode = $1`,
      [barcode],
    );
    expect(onLoan).toEqual([{ holding: 'on_loan', record: ['on_loan'] }]);
    const back = await statementsOf(ctx.deps.db, () =>
      checkin(ctx.deps, staff, desk, { barcode, txnId: txn() }),
    );
    expect(lend).toHaveLength(1);
    expect(back).toHaveLength(1);
    // …and both did all they do: the loan opened and closed, the catalogue's availability followed, audited.
    const [row] = await ctx.dbh.query<{
      returned: boolean;
      holding: string;
      record: string[];
      audits: number;
    }>(
      `SELECT l.returned_at IS NOT NULL AS returned, h.availability AS holding, r.availability AS record,
         (SELECT count(*)::int FROM audit_log a WHERE a.action IN ('circulation.loan.create', 'circulation.loan.return')
           AND a.entity_id IN (l.id, l.item_id)) AS audits
       FROM circulation_loans l JOIN circulation_items i ON i.id = l.item_id
       JOIN catalogue_holdings h ON h.id = i.holding_id JOIN catalogue_records r ON r.id = h.record_id
       WHERE i.barcode = $1`,
      [barcode],
    );
    expect(row).toEqual({ returned: true, holding: 'available', record: ['available'], audits: 2 });
  });

  it('sends one text for every lend and one for every return, named on PostgreSQL (prepared once per connection)', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Số đỏ');
    const codes = await lendableCopies(ctx, staff, libraryId, rec, 2);
    const names: string[] = [];
    const query = pg.Client.prototype.query;
    // biome-ignore lint/suspicious/noExplicitAny: wraps the driver's overloaded query() to read the names only
    (pg.Client.prototype as any).query = function (this: pg.Client, ...a: any[]) {
      if (typeof a[0] === 'object' && a[0]?.name) names.push(a[0].name);
      // biome-ignore lint/suspicious/noExplicitAny: passes the call through unchanged
      return (query as any).apply(this, a);
    };
    const texts: string[][] = [];
    try {
      for (const barcode of codes) {
        const reader = await walkIn(ctx, staff, libraryId);
        texts.push(
          await statementsOf(ctx.deps.db, () =>
            checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode, txnId: txn() }),
          ),
          await statementsOf(ctx.deps.db, () => checkin(ctx.deps, staff, desk, { barcode })),
        );
      }
    } finally {
      pg.Client.prototype.query = query;
    }
    // Values go as parameters: a value written into the text would prepare a new statement at every scan.
    const [lend1, back1, lend2, back2] = texts;
    expect(lend1).toHaveLength(1);
    expect(lend2).toEqual(lend1);
    expect(back2).toEqual(back1);
    expect(back1).not.toEqual(lend1);
    if (ctx.dbh.kind === 'postgres') {
      expect(names).toHaveLength(4);
      expect(new Set(names).size).toBe(2);
    }
  });
});
