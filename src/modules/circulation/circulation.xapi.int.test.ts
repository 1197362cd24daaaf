// Loans on the learning record (issue 15): a lend and a return of a reader linked to a learner account write one
// xAPI statement each (borrow / return, object: the catalogue record) through the LRS port, only when the
// reader keeps their history; a replayed lend or return records nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { VERBS } from '../lrs/index.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { checkin, checkout, type Desk } from './circulation.desk.usecases.server.ts';
import { insertRecord, lendableCopies, txn, walkIn } from './circulation.test-helpers.ts';

let ctx: TestContext;
let staff: Actor;
let desk: Desk;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  desk = { unitId: await unitIdOf(ctx, 'thu-vien-tinh'), placeId: null, routeId: null };
}, 180_000);
afterAll(() => ctx?.close());

const statements = (learnerId: string) =>
  ctx.dbh.query<{
    verb_id: string;
    statement: { object: { id: string; definition: { name: { vi: string } } } };
  }>('SELECT verb_id, statement FROM lrs_statements WHERE learner_id = $1 ORDER BY seq', [learnerId]);

describe('loans on the learning record', () => {
  it('writes borrow and return once each for a reader who keeps history, nothing for one who does not', async () => {
    const recordId = await insertRecord(ctx, desk.unitId, 'Dế Mèn phiêu lưu ký');
    const [a, b] = await lendableCopies(ctx, staff, desk.unitId, recordId, 2);
    const keeper = await signUpAndSignIn(ctx);
    const other = await signUpAndSignIn(ctx);
    const keeping = await walkIn(ctx, staff, desk.unitId, { learnerId: keeper.userId });
    const notKeeping = await walkIn(ctx, staff, desk.unitId, { learnerId: other.userId });
    await ctx.deps.repos.circulation.setKeepHistory(ctx.deps.db, keeping.id, true);

    const lend = { card: keeping.cardNumber, barcode: a as string, txnId: txn() };
    await checkout(ctx.deps, staff, desk, lend);
    const again = await checkout(ctx.deps, staff, desk, lend);
    expect(again.created).toBe(false);
    const back = txn();
    await checkin(ctx.deps, staff, desk, { barcode: a as string, txnId: back });
    await checkin(ctx.deps, staff, desk, { barcode: a as string, txnId: back });
    const rows = await statements(keeper.userId);
    expect(rows.map((r) => r.verb_id)).toEqual([VERBS.borrowed, VERBS.returned]);
    expect(rows[0]?.statement.object.id).toBe(`${ctx.deps.config.publicUrl}/records/${recordId}`);
    expect(rows[0]?.statement.object.definition.name.vi).toBe('Dế Mèn phiêu lưu ký');

    await checkout(ctx.deps, staff, desk, {
      card: notKeeping.cardNumber,
      barcode: b as string,
      txnId: txn(),
    });
    await checkin(ctx.deps, staff, desk, { barcode: b as string, txnId: txn() });
    expect(await statements(other.userId)).toHaveLength(0);
  });
});
