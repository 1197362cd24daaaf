import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/authz.ts';
import { isAppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { checkin, checkout, type Desk, markItem, renew } from './circulation.desk.usecases.server.ts';
import { cancelHold, expireHoldShelf, placeHold } from './circulation.holds.server.ts';
import { sendDueReminders } from './circulation.jobs.server.ts';
import { blockReader, registerReader, saveRule } from './circulation.readers.usecases.server.ts';
import { DEFAULT_RULE } from './circulation.rules.ts';
import { importIlsStats } from './circulation.stats.usecases.server.ts';
import { insertRecord, lendableCopies, txn, walkIn } from './circulation.test-helpers.ts';
import { recordAvailability } from './circulation.views.server.ts';

let ctx: TestContext;
let staff: Actor;
let museumStaff: Actor;
let libraryId: string;
let museumId: string;
let desk: Desk;
let museumDesk: Desk;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  museumStaff = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  museumId = await unitIdOf(ctx, 'bao-tang-tinh');
  desk = { unitId: libraryId, placeId: null, routeId: null };
  museumDesk = { unitId: museumId, placeId: null, routeId: null };
}, 180_000);
afterAll(() => ctx.close());

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('lending at the desk', () => {
  it('lends a copy to a walk-in reader, audited, due at the end of the day 14 days later', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Dế Mèn phiêu lưu ký');
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const reader = await walkIn(ctx, staff, libraryId);
    expect(reader.cardNumber).toMatch(/^\d{12}$/);
    ctx.deps.now = () => new Date('2027-03-01T02:00:00Z');
    const r = await checkout(ctx.deps, staff, desk, {
      card: reader.cardNumber,
      barcode: code as string,
      txnId: txn(),
    });
    expect(r.loan.dueAt.toISOString()).toBe('2027-03-15T16:59:00.000Z');
    expect(r.item.status).toBe('on_loan');
    expect(await auditCount(ctx, 'circulation.loan.create', r.loan.id)).toBe(1);
  });

  it('applies one transaction id once: a resubmitted lend answers the same loan', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Tắt đèn');
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const reader = await walkIn(ctx, staff, libraryId);
    const t = txn();
    const a = await checkout(ctx.deps, staff, desk, {
      card: reader.cardNumber,
      barcode: code as string,
      txnId: t,
    });
    const b = await checkout(ctx.deps, staff, desk, {
      card: reader.cardNumber,
      barcode: code as string,
      txnId: t,
    });
    expect(b.created).toBe(false);
    expect(b.loan.id).toBe(a.loan.id);
  });

  it('says clearly what is wrong: unknown, withdrawn, another unit’s copy, bad or unknown card, blocked, at limit', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Số đỏ');
    const codes = await lendableCopies(ctx, staff, libraryId, rec, 4);
    const museumRec = await insertRecord(ctx, museumId, 'Hiện vật');
    const [museumCode] = await lendableCopies(ctx, museumStaff, museumId, museumRec, 1);
    const reader = await walkIn(ctx, staff, libraryId);
    const card = reader.cardNumber;
    expect(await refusal(checkout(ctx.deps, staff, desk, { card, barcode: 'NOPE-1', txnId: txn() }))).toBe(
      'circulation.unknownBarcode',
    );
    await markItem(ctx.deps, staff, desk, { barcode: codes[3] as string, as: 'withdrawn' });
    expect(
      await refusal(checkout(ctx.deps, staff, desk, { card, barcode: codes[3] as string, txnId: txn() })),
    ).toBe('circulation.withdrawn');
    expect(
      await refusal(checkout(ctx.deps, staff, desk, { card, barcode: museumCode as string, txnId: txn() })),
    ).toBe('circulation.otherUnit');
    expect(
      await refusal(
        checkout(ctx.deps, staff, desk, { card: '123456789012', barcode: codes[0] as string, txnId: txn() }),
      ),
    ).toMatch(/circulation\.(cardInvalid|unknownCard)/);
    await saveRule(ctx.deps, await actorOn(ctx, 'unit_manager', 'thu-vien-tinh'), {
      ...DEFAULT_RULE,
      unitId: libraryId,
      itemKind: '*',
      maxItems: 2,
    });
    await checkout(ctx.deps, staff, desk, { card, barcode: codes[0] as string, txnId: txn() });
    await checkout(ctx.deps, staff, desk, { card, barcode: codes[1] as string, txnId: txn() });
    expect(
      await refusal(checkout(ctx.deps, staff, desk, { card, barcode: codes[2] as string, txnId: txn() })),
    ).toBe('circulation.atLimit');
    await saveRule(
      ctx.deps,
      await actorOn(ctx, 'unit_manager', 'thu-vien-tinh'),
      { ...DEFAULT_RULE, unitId: libraryId, itemKind: '*' },
      1,
    );
    await blockReader(ctx.deps, staff, card, 'Mất thẻ');
    expect(
      await refusal(checkout(ctx.deps, staff, desk, { card, barcode: codes[2] as string, txnId: txn() })),
    ).toBe('circulation.readerBlocked');
  });

  it('two desks lending the same copy at once make one loan', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Truyện Kiều');
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const readers = await Promise.all([walkIn(ctx, staff, libraryId), walkIn(ctx, staff, libraryId)]);
    const results = await Promise.allSettled(
      readers.flatMap((r) =>
        [1, 2, 3].map(() =>
          checkout(ctx.deps, staff, desk, { card: r.cardNumber, barcode: code as string, txnId: txn() }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM circulation_loans l JOIN circulation_items i ON i.id = l.item_id
       WHERE i.barcode = $1`,
      [code],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('a minor needs a guardian to get a card', async () => {
    const input = {
      unitId: libraryId,
      name: 'Nguyễn Bé Na',
      phone: null,
      email: null,
      birthYear: new Date().getUTCFullYear() - 10,
      category: 'child' as const,
      guardianName: null,
      consent: true,
      learnerId: null,
    };
    expect(await refusal(registerReader(ctx.deps, staff, input))).toBe('circulation.guardianRequired');
    const r = await registerReader(ctx.deps, staff, { ...input, guardianName: 'Nguyễn Văn Bố' });
    expect(r.guardianName).toBe('Nguyễn Văn Bố');
  });
});

describe('returns, holds and renewals', () => {
  it('a return at another library sends the copy home in transit; checking it in at home puts it back', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Nỗi buồn chiến tranh');
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const reader = await walkIn(ctx, staff, libraryId);
    await checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode: code as string, txnId: txn() });
    const away = await checkin(ctx.deps, museumStaff, museumDesk, { barcode: code as string });
    expect(away.outcome).toBe('in_transit');
    expect(away.toUnitId).toBe(libraryId);
    const home = await checkin(ctx.deps, staff, desk, { barcode: code as string });
    expect(home.outcome).toBe('available');
  });

  it('fills the hold queue in order under concurrent returns, and refuses renewals while a hold waits', async () => {
    ctx.deps.now = () => new Date();
    const rec = await insertRecord(ctx, libraryId, 'Những ngày thơ ấu');
    const codes = await lendableCopies(ctx, staff, libraryId, rec, 2);
    const borrower = await walkIn(ctx, staff, libraryId);
    for (const c of codes)
      await checkout(ctx.deps, staff, desk, { card: borrower.cardNumber, barcode: c, txnId: txn() });
    const waiting = [];
    for (let i = 0; i < 3; i++) {
      const r = await walkIn(ctx, staff, libraryId);
      const h = await placeHold(ctx.deps, staff, r, {
        recordId: rec,
        unitId: libraryId,
        pickupPlaceId: null,
        pickupRouteId: null,
        pickupStopId: null,
        txnId: txn(),
      });
      expect(h.position).toBe(i + 1);
      waiting.push(h.hold);
    }
    expect(await refusal(renew(ctx.deps, staff, { barcode: codes[0] as string, desk }))).toBe(
      'circulation.holdWaiting',
    );
    const back = await Promise.all(codes.map((c) => checkin(ctx.deps, staff, desk, { barcode: c })));
    expect(back.map((b) => b.outcome)).toEqual(['on_hold_shelf', 'on_hold_shelf']);
    const states = await ctx.dbh.query<{ id: string; status: string }>(
      'SELECT id, status FROM circulation_holds WHERE record_id = $1 ORDER BY seq',
      [rec],
    );
    expect(states.map((s) => s.status)).toEqual(['ready', 'ready', 'waiting']);
    // The first reader lets the hold go: the copy passes to the third.
    await cancelHold(ctx.deps, staff, waiting[0]?.id as string, null);
    const after = await ctx.dbh.query<{ status: string }>(
      'SELECT status FROM circulation_holds WHERE record_id = $1 ORDER BY seq',
      [rec],
    );
    expect(after.map((s) => s.status)).toEqual(['cancelled', 'ready', 'ready']);
    // Shelf expiry a month later frees both copies back to the shelf.
    ctx.deps.now = () => new Date(Date.now() + 30 * 86_400_000);
    expect(await expireHoldShelf(ctx.deps)).toBe(2);
    const av = await recordAvailability(ctx.deps, rec);
    expect(av[0]?.available).toBe(2);
    ctx.deps.now = () => new Date();
  });

  it('renews at the desk, up to the unit’s limit', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Vợ nhặt');
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const reader = await walkIn(ctx, staff, libraryId);
    await checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode: code as string, txnId: txn() });
    await renew(ctx.deps, staff, { barcode: code as string, desk });
    const second = await renew(ctx.deps, staff, { barcode: code as string, desk });
    expect(second.renewals).toBe(2);
    expect(await refusal(renew(ctx.deps, staff, { barcode: code as string, desk }))).toBe(
      'circulation.maxRenewals',
    );
  });

  it('reminds once before the due date, by mail when the card has an address', async () => {
    const rec = await insertRecord(ctx, libraryId, 'Chí Phèo');
    const [code] = await lendableCopies(ctx, staff, libraryId, rec, 1);
    const reader = await walkIn(ctx, staff, libraryId);
    ctx.deps.now = () => new Date(Date.now() - 13 * 86_400_000);
    await checkout(ctx.deps, staff, desk, { card: reader.cardNumber, barcode: code as string, txnId: txn() });
    ctx.deps.now = () => new Date();
    await sendDueReminders(ctx.deps);
    await sendDueReminders(ctx.deps);
    const mails = await ctx.dbh.query<{ subject: string }>(
      'SELECT subject FROM mail_outbox WHERE to_address = $1',
      [reader.email],
    );
    expect(mails.map((m) => m.subject)).toEqual(['[Suốt Đời] Sắp đến hạn trả: Chí Phèo']);
  });
});

describe('ILS statistics', () => {
  it('imports a Koha-style CSV once per unit and period; the indicator counts it', async () => {
    const csv =
      'date,ccode,categorycode,issues,borrowers,visits\n2026-01-05,VH,PT,12,7,30\n05/01/2026,TN,TE,3,2,0\n';
    const bytes = new TextEncoder().encode(csv);
    const input = { unitId: libraryId, from: '2026-01-01', to: '2026-01-31', fileName: 'koha.csv', bytes };
    const a = await importIlsStats(ctx.deps, staff, input);
    expect(a).toEqual({ rows: 2, replaced: false, problems: [] });
    const b = await importIlsStats(ctx.deps, staff, input);
    expect(b.replaced).toBe(true);
    const { indicatorSources } = await import('../../app/registries.server.ts');
    const loans = indicatorSources.get('circulation.loans');
    const rows = await loans?.compute(ctx.deps, {
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-01-31T17:00:00Z'),
      unitIds: [libraryId],
    });
    expect(rows).toEqual([{ value: 15 }]);
    const bad = await importIlsStats(ctx.deps, staff, {
      ...input,
      from: '2026-02-01',
      to: '2026-02-28',
      bytes: new TextEncoder().encode('date,issues\n2026-01-05,1\n2026-02-02,abc\n'),
    });
    expect(bad.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(
      await refusal(
        importIlsStats(ctx.deps, staff, {
          ...input,
          from: '2026-01-15',
          to: '2026-02-15',
          bytes: new TextEncoder().encode('date,issues\n2026-01-20,1\n'),
        }),
      ),
    ).toBe('circulation.stats.overlap');
  });
});
