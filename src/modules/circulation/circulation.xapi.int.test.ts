// Loans on the learning record (issue 15): a lend and a return of a reader linked to a learner account write one
// xAPI statement each (borrow / return, object: the catalogue record) through the LRS port, only when the
// reader keeps their history; a replayed lend or return records nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import type { TestContext } from '../../test/harness.ts';
import {
  createChallenge,
  joinChallenge,
  setChallengeStatus,
  viewChallenge,
} from '../learning/challenges.usecases.server.ts';
import { citizen } from '../learning/learning.test-helpers.ts';
import { VERBS } from '../lrs/index.server.ts';
import { checkin, checkout, type Desk } from './circulation.desk.usecases.server.ts';
import { insertRecord, lendableCopies, openDeskFixture, txn, walkIn } from './circulation.test-helpers.ts';

let ctx: TestContext;
let staff: Actor;
let desk: Desk;

beforeAll(async () => {
  ({ ctx, staff, desk } = await openDeskFixture());
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

  it('counts a lend, once, towards the reading challenge the learner joined', async () => {
    const day = (d: number) => isoDateInVietnam(new Date(ctx.deps.now().getTime() + d * 86_400_000));
    const challenge = await createChallenge(ctx.deps, staff, {
      unitId: desk.unitId,
      title: 'Thử thách đọc ở xe thư viện',
      description: '',
      startsOn: day(-1),
      endsOn: day(20),
      goalKind: 'books',
      goal: 3,
      groupKind: null,
    });
    await setChallengeStatus(ctx.deps, staff, challenge, 'published', 1);
    const user = await signUpAndSignIn(ctx);
    const me = citizen(user.userId, 'Bạn đọc thử thách');
    await joinChallenge(ctx.deps, me, challenge, { leaderboardOptIn: false });
    const reader = await walkIn(ctx, staff, desk.unitId, { learnerId: user.userId });
    await ctx.deps.repos.circulation.setKeepHistory(ctx.deps.db, reader.id, true);
    const recordId = await insertRecord(ctx, desk.unitId, 'Tôi thấy hoa vàng trên cỏ xanh');
    const [code] = await lendableCopies(ctx, staff, desk.unitId, recordId, 1);
    const lend = { card: reader.cardNumber, barcode: code as string, txnId: txn() };
    await checkout(ctx.deps, staff, desk, lend);
    await checkout(ctx.deps, staff, desk, lend);
    const v = await viewChallenge(ctx.deps, me, challenge);
    expect(v.me?.entries.map((e) => [e.source, e.title])).toEqual([
      ['loan', 'Tôi thấy hoa vàng trên cỏ xanh'],
    ]);
    expect(v.me?.total).toBe(1);
  });
});
