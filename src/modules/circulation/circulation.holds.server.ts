// Holds: the queue per unit and title (first placed, first served), filled when a copy comes back, moved to the
// pickup place (a library or a mobile-library stop) and kept on the hold shelf for the unit's number of days.
import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { CheckinResult, CirculationDeps, Desk } from './circulation.desk.usecases.server.ts';
import { type DeskRefusal, refuse } from './circulation.errors.ts';
import { newId } from './circulation.ids.server.ts';
import { setItemState } from './circulation.item-state.server.ts';
import type { Item, Reader } from './circulation.repository.server.ts';
import { ruleFor } from './circulation.rules.ts';
import type { Hold } from './circulation-loans.repository.server.ts';

const DAY = 86_400_000;

const atPickup = (desk: Desk, h: Hold) =>
  (h.pickupPlaceId !== null && h.pickupPlaceId === desk.placeId) ||
  (h.pickupRouteId !== null && h.pickupRouteId === desk.routeId) ||
  (h.pickupPlaceId === null && h.pickupRouteId === null && desk.unitId === h.unitId);

const atHome = (desk: Desk, i: Item) =>
  desk.unitId === i.unitId &&
  (i.homePlaceId === null || i.homePlaceId === desk.placeId) &&
  (i.homeRouteId === null || i.homeRouteId === desk.routeId);

type Placed = Pick<CheckinResult, 'outcome' | 'toPlaceId' | 'toRouteId' | 'toUnitId' | 'holdReaderName'>;

/**
 * A copy just returned or arriving at a desk: the hold it travels for, else the first waiting hold of its
 * title at its unit, gets it (on this desk's hold shelf, or in transit to the pickup); otherwise it stays
 * here when this is its home, or goes home in transit. Runs under the copy's row lock.
 */
export async function placeOnShelfOrSend(
  deps: CirculationDeps,
  tx: Db,
  item: Item,
  desk: Desk,
  now: Date,
): Promise<Placed> {
  const repos = deps.repos;
  await repos.circulationLoans.lockQueue(tx, item.unitId, item.recordId);
  const hold =
    (await repos.circulationLoans.holdOfItem(tx, item.id)) ??
    (await repos.circulationLoans.firstWaiting(tx, item.unitId, item.recordId));
  if (hold) {
    const reader = hold.readerId ? await repos.circulation.readerById(tx, hold.readerId) : null;
    if (atPickup(desk, hold)) {
      const rule = ruleFor(await repos.circulation.rules(tx, [item.unitId]), item.unitId, item.itemKind);
      const expiresAt = new Date(now.getTime() + rule.holdShelfDays * DAY);
      await repos.circulationLoans.setHold(tx, hold.id, {
        status: 'ready',
        itemId: item.id,
        readyAt: now,
        expiresAt,
      });
      await setItemState(repos, tx, item, {
        status: 'on_hold_shelf',
        placeId: desk.placeId,
        routeId: desk.routeId,
      });
      if (reader) await notifyReady(deps, tx, reader, hold, item, expiresAt);
      return {
        outcome: 'on_hold_shelf',
        toPlaceId: desk.placeId,
        toRouteId: desk.routeId,
        toUnitId: hold.unitId,
        holdReaderName: reader?.name ?? null,
      };
    }
    await repos.circulationLoans.setHold(tx, hold.id, { status: 'in_transit', itemId: item.id });
    await setItemState(repos, tx, item, {
      status: 'in_transit',
      placeId: desk.placeId,
      routeId: desk.routeId,
    });
    return {
      outcome: 'in_transit',
      toPlaceId: hold.pickupPlaceId,
      toRouteId: hold.pickupRouteId,
      toUnitId: hold.unitId,
      holdReaderName: reader?.name ?? null,
    };
  }
  if (atHome(desk, item)) {
    await setItemState(repos, tx, item, {
      status: 'available',
      placeId: item.homePlaceId ?? desk.placeId,
      routeId: item.homeRouteId ?? desk.routeId,
    });
    return {
      outcome: 'available',
      toPlaceId: null,
      toRouteId: null,
      toUnitId: item.unitId,
      holdReaderName: null,
    };
  }
  await setItemState(repos, tx, item, {
    status: 'in_transit',
    placeId: desk.placeId,
    routeId: desk.routeId,
  });
  return {
    outcome: 'in_transit',
    toPlaceId: item.homePlaceId,
    toRouteId: item.homeRouteId,
    toUnitId: item.unitId,
    holdReaderName: null,
  };
}

async function notifyReady(
  deps: CirculationDeps,
  tx: Db,
  reader: Reader,
  hold: Hold,
  item: Item,
  until: Date,
) {
  const titles = await import('../catalogue/index.server.ts').then((m) =>
    m.catalogueRecordsPort.summaries(deps, tx, [item.recordId]),
  );
  const title = titles[0]?.title ?? item.barcode;
  if (reader.learnerId)
    await deps.repos.notifications.create(tx, {
      userId: reader.learnerId,
      kind: 'circulation.hold.ready',
      messageKey: 'circulation.notify.holdReady',
      params: { title, until: until.toISOString().slice(0, 10) },
      link: '/my/library',
      dedupeKey: `circ-ready:${hold.id}:${item.id}`,
    });
}

/**
 * A copy handed over for a hold (offline, at a van's stop): what changed meanwhile, as a flag — the hold was
 * cancelled or expired (`holdCancelled`), or another copy filled it (`holdFilledByOther`: that copy's hold-shelf
 * entry stays). Either way the hand-over becomes an ordinary loan (docs/circulation.md, conflict rules).
 * Null when the hold is still this reader's and live, so the lend fulfils it.
 */
export async function handOver(
  deps: CirculationDeps,
  tx: Db,
  holdId: string,
  reader: Reader,
  item: Item,
  itemHold: Hold | null,
): Promise<DeskRefusal | null> {
  if (itemHold?.id === holdId) return null;
  const h = await deps.repos.circulationLoans.holdById(tx, holdId);
  if (!h || h.readerId !== reader.id || h.recordId !== item.recordId) return 'holdCancelled';
  if (h.status === 'cancelled' || h.status === 'expired') return 'holdCancelled';
  if (h.status === 'fulfilled' || (h.itemId !== null && h.itemId !== item.id)) return 'holdFilledByOther';
  return null;
}

export interface PlaceHoldInput {
  recordId: string;
  unitId: string;
  pickupPlaceId: string | null;
  pickupRouteId: string | null;
  pickupStopId: string | null;
  txnId: string;
}

/** A hold for a reader: by the reader (`readerIds` = their own cards) or at the desk (`desk`). */
export async function placeHold(
  deps: CirculationDeps,
  actor: Actor,
  reader: Reader,
  input: PlaceHoldInput,
): Promise<{ hold: Hold; position: number; created: boolean }> {
  const repos = deps.repos;
  return deps.db.transaction(async (tx) => {
    const done = await repos.circulationLoans.holdByTxn(tx, input.txnId);
    if (done) return { hold: done, position: 0, created: false };
    if (reader.status === 'blocked') throw refuse('readerBlocked', { reason: reader.blockReason ?? '' });
    const copies = (await repos.circulation.itemsOfRecords(tx, [input.recordId])).filter(
      (i) => i.unitId === input.unitId && i.status !== 'withdrawn' && i.status !== 'lost',
    );
    const first = copies[0];
    if (!first) throw refuse('noCopies');
    const rule = ruleFor(await repos.circulation.rules(tx, [input.unitId]), input.unitId, first.itemKind);
    if (!rule.holdsAllowed) throw refuse('holdsNotAllowed');
    await repos.circulationLoans.lockQueue(tx, input.unitId, input.recordId);
    if (reader.id && (await repos.circulationLoans.liveHoldOfReader(tx, reader.id, input.recordId)))
      throw refuse('alreadyHeld');
    const hold: Hold = {
      id: newId('hold'),
      txnId: input.txnId,
      recordId: input.recordId,
      readerId: reader.id,
      unitId: input.unitId,
      pickupPlaceId: input.pickupPlaceId,
      pickupRouteId: input.pickupRouteId,
      pickupStopId: input.pickupStopId,
      status: 'waiting',
      itemId: null,
      placedAt: deps.now(),
      readyAt: null,
      expiresAt: null,
    };
    await repos.circulationLoans.insertHold(tx, hold);
    await deps.audit.record(tx, actor, {
      action: 'circulation.hold.create',
      entityType: 'circulation_hold',
      entityId: hold.id,
      unitId: input.unitId,
      after: {
        recordId: input.recordId,
        readerId: reader.id,
        pickup: input.pickupPlaceId ?? input.pickupRouteId,
      },
    });
    const position = await repos.circulationLoans.waitingCount(tx, input.unitId, input.recordId);
    return { hold, position, created: true };
  });
}

/** A copy freed from a hold (cancelled or expired on the shelf) goes to the next in the queue, or back home. */
async function releaseItem(deps: CirculationDeps, tx: Db, itemId: string, desk: Desk, now: Date) {
  const item = await deps.repos.circulation.itemById(tx, itemId, true);
  if (!item || (item.status !== 'on_hold_shelf' && item.status !== 'in_transit')) return;
  await placeOnShelfOrSend(deps, tx, item, desk, now);
}

export async function cancelHold(
  deps: CirculationDeps,
  actor: Actor,
  holdId: string,
  readerIds: readonly string[] | null,
) {
  const repos = deps.repos;
  await deps.db.transaction(async (tx) => {
    const hold = await repos.circulationLoans.holdById(tx, holdId);
    if (!hold) throw refuse('notYourLoan');
    if (readerIds === null) authorize(actor, 'circulation.desk', { unitId: hold.unitId });
    else if (!hold.readerId || !readerIds.includes(hold.readerId)) throw refuse('notYourLoan');
    if (!['waiting', 'in_transit', 'ready'].includes(hold.status)) return;
    await repos.circulationLoans.setHold(tx, hold.id, { status: 'cancelled', closedAt: deps.now() });
    if (hold.itemId && hold.status === 'ready')
      await releaseItem(
        deps,
        tx,
        hold.itemId,
        { unitId: hold.unitId, placeId: hold.pickupPlaceId, routeId: hold.pickupRouteId },
        deps.now(),
      );
    await deps.audit.record(tx, actor, {
      action: 'circulation.hold.cancel',
      entityType: 'circulation_hold',
      entityId: hold.id,
      unitId: hold.unitId,
    });
  });
}

/** Job: holds left on the shelf past their day expire; their copy passes to the next reader or goes home. */
export async function expireHoldShelf(deps: CirculationDeps): Promise<number> {
  const now = deps.now();
  const expired = await deps.repos.circulationLoans.expiredReady(deps.db, now);
  for (const h of expired) {
    await deps.db.transaction(async (tx) => {
      if (h.itemId) await deps.repos.circulation.itemById(tx, h.itemId, true);
      const fresh = await deps.repos.circulationLoans.holdById(tx, h.id);
      if (fresh?.status !== 'ready') return;
      await deps.repos.circulationLoans.setHold(tx, h.id, { status: 'expired', closedAt: now });
      if (h.itemId)
        await releaseItem(
          deps,
          tx,
          h.itemId,
          { unitId: h.unitId, placeId: h.pickupPlaceId, routeId: h.pickupRouteId },
          now,
        );
    });
  }
  return expired.length;
}
