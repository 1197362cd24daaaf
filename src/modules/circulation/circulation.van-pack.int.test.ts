// The van's pack (holds to hand over, the day's events at the route's stops) and holds handed over offline:
// synced as lends of the held copy to its holder, with the hold cancelled or filled by another copy meanwhile
// said at sync and the hand-over kept as an ordinary loan (docs/circulation.md, conflict rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { eventInput, guest, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { registerForEvent } from '../events/events-registration.usecases.server.ts';
import { addStop, createRoute } from '../places/places.mobile.usecases.server.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import { checkin, checkout, type Desk, markItem } from './circulation.desk.usecases.server.ts';
import { cancelHold, placeHold } from './circulation.holds.server.ts';
import { OFFLINE_CARD_BLOCK, reserveOfflineCards } from './circulation.readers.usecases.server.ts';
import { validCardNumber } from './circulation.rules.ts';
import { syncOffline } from './circulation.sync.server.ts';
import { insertRecord, lendableCopies, txn, walkIn } from './circulation.test-helpers.ts';
import { vanPack } from './circulation.van-pack.server.ts';

let ctx: TestContext;
let staff: Actor;
let libraryId: string;
let routeId: string;
let stopPlaceId: string;
let van: Desk;
let desk: Desk;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
  libraryId = await unitIdOf(ctx, 'thu-vien-tinh');
  stopPlaceId = await insertPlace(ctx, 'thu-vien-tinh', 'Nhà văn hóa thôn Đông');
  routeId = (await createRoute(ctx.deps, staff, { unitId: libraryId, name: 'Tuyến xe thư viện số 1' })).id;
  await addStop(ctx.deps, staff, routeId, {
    placeId: stopPlaceId,
    weekday: 3,
    starts: '08:00',
    ends: '10:00',
  });
  van = { unitId: libraryId, placeId: null, routeId };
  desk = { unitId: libraryId, placeId: null, routeId: null };
}, 180_000);
afterAll(() => ctx.close());

/** A hold placed for pickup on the van's route, its copy returned on the van: ready on the van's shelf. */
async function holdReadyOnVan(title: string, copies = 1) {
  const rec = await insertRecord(ctx, libraryId, title);
  const codes = await lendableCopies(ctx, staff, libraryId, rec, copies);
  const first = codes[0] as string;
  const borrower = await walkIn(ctx, staff, libraryId);
  const holder = await walkIn(ctx, staff, libraryId);
  await checkout(ctx.deps, staff, desk, { card: borrower.cardNumber, barcode: first, txnId: txn() });
  const { hold } = await placeHold(ctx.deps, staff, holder, {
    recordId: rec,
    unitId: libraryId,
    pickupPlaceId: null,
    pickupRouteId: routeId,
    pickupStopId: null,
    txnId: txn(),
  });
  const back = await checkin(ctx.deps, staff, van, { barcode: first });
  expect(back.outcome).toBe('on_hold_shelf');
  return { rec, codes, first, holder, hold };
}

const handOver = (card: string, barcode: string, holdId: string, txnId = txn()) =>
  syncOffline(ctx.deps, staff, {
    deviceId: 'van-holds',
    unitId: libraryId,
    routeId,
    transactions: [{ kind: 'checkout', txnId, at: new Date(), card, barcode, holdId }],
  });

const holdStatus = async (id: string) =>
  (await ctx.dbh.query<{ status: string }>('SELECT status FROM circulation_holds WHERE id = $1', [id]))[0]
    ?.status;
const openLoans = async (rec: string) =>
  (
    await ctx.dbh.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM circulation_loans WHERE record_id = $1 AND returned_at IS NULL',
      [rec],
    )
  )[0]?.n;

describe('the van pack and holds handed over offline', () => {
  it('carries the holds to hand over on the route and the day’s events at its stops with their tickets', async () => {
    const { first, holder, hold } = await holdReadyOnVan('Sách đặt trước giao ở điểm dừng');
    const eventId = await createEvent(
      ctx.deps,
      staff,
      eventInput(libraryId, stopPlaceId, {
        title: 'Giờ kể chuyện ở điểm dừng',
        schedule: { firstDate: '2027-04-21', startTime: '08:00', endTime: '09:30', weekly: null },
      }),
    );
    const ticket = await registerForEvent(ctx.deps, ANONYMOUS, eventId, guest({ name: 'Lê Thị Hoa' }));
    const pack = await vanPack(ctx.deps, staff, libraryId, routeId, '2027-04-21');
    expect(pack.holds).toContainEqual(
      expect.objectContaining({
        holdId: hold.id,
        card: holder.cardNumber,
        barcode: first,
        title: 'Sách đặt trước giao ở điểm dừng',
        status: 'ready',
      }),
    );
    expect(pack.items.map((i) => i.barcode)).toContain(first);
    expect(pack.events).toEqual([
      expect.objectContaining({
        eventId,
        title: 'Giờ kể chuyện ở điểm dừng',
        placeName: 'Nhà văn hóa thôn Đông',
        tickets: [{ code: ticket.registration.ticketCode, name: 'Lê Thị Hoa', partySize: 1 }],
      }),
    ]);
    // Another day: no events; another unit's staff: no pack at all.
    expect((await vanPack(ctx.deps, staff, libraryId, routeId, '2027-04-22')).events).toEqual([]);
    const other = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await expect(vanPack(ctx.deps, other, libraryId, routeId)).rejects.toMatchObject({ status: 403 });
  });

  it('fulfils a hold handed over at the stop, once, whatever the replays', async () => {
    const { rec, first, holder, hold } = await holdReadyOnVan('Sách giao đúng hẹn');
    const id = txn();
    const [r] = await handOver(holder.cardNumber, first, hold.id, id);
    expect(r).toMatchObject({ outcome: 'applied', messageKey: null });
    const [again] = await handOver(holder.cardNumber, first, hold.id, id);
    expect(again).toMatchObject({ outcome: 'applied', messageKey: null });
    expect(await holdStatus(hold.id)).toBe('fulfilled');
    expect(await openLoans(rec)).toBe(1);
    expect(
      (
        await ctx.dbh.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM circulation_loans WHERE record_id = $1',
          [rec],
        )
      )[0]?.n,
    ).toBe(2);
    const pack = await vanPack(ctx.deps, staff, libraryId, routeId);
    expect(pack.holds.map((h) => h.holdId)).not.toContain(hold.id);
  });

  it('says a hold cancelled meanwhile; the hand-over is an ordinary loan', async () => {
    const { rec, first, holder, hold } = await holdReadyOnVan('Sách bị huỷ đặt trước');
    await cancelHold(ctx.deps, staff, hold.id, null);
    const [r] = await handOver(holder.cardNumber, first, hold.id);
    expect(r).toMatchObject({ outcome: 'flagged', messageKey: 'circulation.error.holdCancelled' });
    expect(await holdStatus(hold.id)).toBe('cancelled');
    expect(await openLoans(rec)).toBe(1);
  });

  it('says a hold filled by another copy meanwhile; that copy stays on its hold shelf', async () => {
    const { rec, codes, first, holder, hold } = await holdReadyOnVan('Sách có hai bản', 2);
    const second = codes[1] as string;
    // Meanwhile the desk records the van's copy lost; the hold waits again and the desk's copy, coming back,
    // fills it (on its way to the van's route).
    await markItem(ctx.deps, staff, desk, { barcode: first, as: 'lost' });
    const other = await walkIn(ctx, staff, libraryId);
    await checkout(ctx.deps, staff, desk, { card: other.cardNumber, barcode: second, txnId: txn() });
    await checkin(ctx.deps, staff, desk, { barcode: second });
    expect(await holdStatus(hold.id)).toBe('in_transit');
    const t = txn();
    const [r] = await handOver(holder.cardNumber, first, hold.id, t);
    expect(r).toMatchObject({ outcome: 'flagged', messageKey: 'circulation.error.holdFilledByOther' });
    expect(r?.flags).toEqual(['holdFilledByOther', 'lost']);
    // Synced again (a lost response): the same answer, its flags and message parameters included.
    const [again] = await handOver(holder.cardNumber, first, hold.id, t);
    expect(again).toEqual(r);
    expect(again?.params).toMatchObject({ barcode: first });
    // The hold keeps the other copy; the van's copy is on loan to the holder.
    expect(await holdStatus(hold.id)).toBe('in_transit');
    expect(await openLoans(rec)).toBe(1);
  });
});

describe('card numbers reserved for a van’s device', () => {
  const register = (deviceId: string, name: string, cardNumber: string) =>
    syncOffline(ctx.deps, staff, {
      deviceId,
      unitId: libraryId,
      routeId,
      transactions: [
        {
          kind: 'register',
          txnId: txn(),
          at: new Date(),
          name,
          phone: null,
          birthYear: null,
          guardianName: null,
          consent: true,
          cardNumber,
        },
      ],
    });
  const cardOf = async (name: string) =>
    (
      await ctx.dbh.query<{ card: string }>(
        'SELECT card_number AS card FROM circulation_readers WHERE name = $1',
        [name],
      )
    ).map((r) => r.card);

  it('gives a reader registered offline the number written at the stop; a number not the device’s to give is replaced and said', async () => {
    const cards = await reserveOfflineCards(ctx.deps, staff, { unitId: libraryId, deviceId: 'van-cards' });
    expect(cards).toHaveLength(OFFLINE_CARD_BLOCK);
    expect(cards.every(validCardNumber)).toBe(true);
    // The same device asks again: the same block.
    expect(await reserveOfflineCards(ctx.deps, staff, { unitId: libraryId, deviceId: 'van-cards' })).toEqual(
      cards,
    );
    const first = cards[0] as string;
    const [ok] = await register('van-cards', 'Bạn đọc thẻ giấy', first);
    expect(ok).toMatchObject({ outcome: 'applied', cardNumber: first });
    expect(await cardOf('Bạn đọc thẻ giấy')).toEqual([first]);
    // The same number given again, or by another device: a new number, flagged.
    const [twice] = await register('van-cards', 'Bạn đọc thẻ trùng', first);
    expect(twice).toMatchObject({ outcome: 'flagged', messageKey: 'circulation.error.cardReplaced' });
    expect(twice?.cardNumber).not.toBe(first);
    expect(await cardOf('Bạn đọc thẻ trùng')).toEqual([twice?.cardNumber]);
    const [other] = await register('van-other', 'Bạn đọc máy khác', cards[1] as string);
    expect(other).toMatchObject({ outcome: 'flagged', messageKey: 'circulation.error.cardReplaced' });
    // Topped up: the used number is gone, the block is full again.
    const again = await reserveOfflineCards(ctx.deps, staff, { unitId: libraryId, deviceId: 'van-cards' });
    expect(again).toHaveLength(OFFLINE_CARD_BLOCK);
    expect(again).not.toContain(first);
    expect(again.slice(0, OFFLINE_CARD_BLOCK - 1)).toEqual(cards.slice(1));
    const museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await expect(
      reserveOfflineCards(ctx.deps, museum, { unitId: libraryId, deviceId: 'van-cards' }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
