// Desk flows: lend, return (anywhere in the network), renew, lost and withdrawn. Every write locks the copy's
// row first (SELECT … FOR UPDATE), then the reader's, then the title's hold queue (an advisory lock per unit and
// title), always in that order; the partial unique index on open loans is the last guard against two loans of
// one copy. Each lend and return carries a transaction id: a retried form or an offline replay applies once.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { lendAtOnce, returnAtOnce } from './circulation.desk-fast.server.ts';
import { type DeskRefusal, isDeskRefusal, refuse } from './circulation.errors.ts';
import { handOver, placeOnShelfOrSend } from './circulation.holds.server.ts';
import { newId } from './circulation.ids.server.ts';
import { setItemState } from './circulation.item-state.server.ts';
import type { Item, Reader } from './circulation.repository.server.ts';
import {
  daysOverdue,
  dueDate,
  fineVnd,
  normalizeCode,
  renewRefusal,
  ruleFor,
  validCardNumber,
} from './circulation.rules.ts';
import { recordLoanStatement } from './circulation.xapi.server.ts';
import type { OfflineNote } from './circulation-desk.repository.server.ts';
import type { Loan } from './circulation-loans.repository.server.ts';

export type CirculationDeps = Pick<
  AppDeps,
  'db' | 'dbh' | 'repos' | 'audit' | 'now' | 'mailer' | 'logger' | 'config'
>;

/** Where the desk is: its unit, and the place or mobile-library route it serves today. */
export interface Desk {
  unitId: string;
  placeId: string | null;
  routeId: string | null;
}

export const readerKey = (readerId: string) =>
  createHash('sha256').update(`circ:${readerId}`).digest('hex').slice(0, 24);

async function lockItem(deps: CirculationDeps, tx: Db, rawBarcode: string): Promise<Item> {
  const barcode = normalizeCode(rawBarcode);
  if (!barcode) throw refuse('unknownBarcode', { barcode: rawBarcode });
  const item = await deps.repos.circulation.itemByBarcode(tx, barcode, true);
  if (!item) throw refuse('unknownBarcode', { barcode });
  return item;
}

export interface CheckoutInput {
  card: string;
  barcode: string;
  txnId: string;
  /** When it happened (offline replays); defaults to now. */
  at?: Date;
  source?: 'desk' | 'offline' | 'self';
  /** The hold this copy is handed over for (the van's "holds to deliver"); said back if it changed meanwhile. */
  forHold?: string | undefined;
  /** A van's sync: the answer "applied" recorded by the lend's own statement when it applies at once. */
  note?: OfflineNote | undefined;
}

export interface CheckoutResult {
  loan: Loan;
  reader: Reader;
  item: Item;
  /** False when the transaction id had already been applied (the same loan answered again). */
  created: boolean;
  /** Offline only: what the desk would have refused, applied anyway and to be followed up. */
  flags: DeskRefusal[];
  /** The flags' message parameters (the limit, the block reason, the barcode), merged. */
  flagParams?: Record<string, string | number>;
  /** True when `note` was recorded with the lend (nothing left for the sync to record). */
  noted?: boolean;
}

/** Thrown inside a lend's transaction when its transaction id was already applied: rolled back, then answered. */
class AlreadyApplied extends Error {}

export async function checkout(
  deps: CirculationDeps,
  actor: Actor,
  desk: Desk,
  input: CheckoutInput,
): Promise<CheckoutResult> {
  authorize(actor, 'circulation.desk', { unitId: desk.unitId });
  try {
    // The plain lend in one statement; the full path in a transaction when it said it must decide.
    return (await lendAtOnce(deps, actor, desk, input)) ?? (await lend(deps, actor, input));
  } catch (e) {
    // A replay (the unique transaction id said so at the insert) or a refusal: if the id was applied before,
    // the same loan is the answer, as it was the first time. Checked here, off the lending path, so a new lend
    // costs no look-up for it (issue 15, checkout p99).
    if (!(e instanceof AlreadyApplied) && !isDeskRefusal(e)) throw e;
    const done = await replayed(deps, input.txnId);
    if (done) return done;
    throw e;
  }
}

async function replayed(deps: CirculationDeps, txnId: string): Promise<CheckoutResult | null> {
  const repos = deps.repos;
  const done = await repos.circulationLoans.loanByTxn(deps.db, txnId);
  if (!done || done.txnId !== txnId) return null;
  const item = await repos.circulation.itemById(deps.db, done.itemId);
  const reader = done.readerId ? await repos.circulation.readerById(deps.db, done.readerId) : null;
  if (!item || !reader) throw refuse('notOnLoan');
  return { loan: done, item, reader, created: false, flags: [] };
}

async function lend(deps: CirculationDeps, actor: Actor, input: CheckoutInput): Promise<CheckoutResult> {
  const repos = deps.repos;
  return deps.db.transaction(async (tx) => {
    const barcode = normalizeCode(input.barcode);
    if (!barcode) throw refuse('unknownBarcode', { barcode: input.barcode });
    const found = await repos.circulation.itemForDesk(tx, barcode);
    if (!found) throw refuse('unknownBarcode', { barcode });
    const { item, rules } = found;
    // Offline (a van's queue): the book already left with the reader, so what the desk would refuse is applied
    // and flagged for the staff to follow up (docs/circulation.md, conflict rules); withdrawn stays refused.
    const offline = input.source === 'offline';
    const flags: DeskRefusal[] = [];
    const flagParams: Record<string, string | number> = { barcode: item.barcode };
    const soft = (code: DeskRefusal, params?: Record<string, string | number>) => {
      if (!offline) throw refuse(code, params);
      flags.push(code);
      Object.assign(flagParams, params);
    };
    if (item.status === 'withdrawn') throw refuse('withdrawn', { barcode: item.barcode });
    if (item.status === 'lost') soft('lost', { barcode: item.barcode });
    if (!can(actor, 'circulation.desk', { unitId: item.unitId }))
      throw refuse('otherUnit', { barcode: item.barcode });
    const card = normalizeCode(input.card);
    if (!validCardNumber(card)) throw refuse('cardInvalid', { card: input.card });
    const who = await repos.circulation.readerForLending(tx, card);
    if (!who) throw refuse('unknownCard', { card });
    const { reader, openDue } = who;
    if (reader.status === 'blocked') soft('readerBlocked', { reason: reader.blockReason ?? '' });
    const now = input.at ?? deps.now();
    if (item.status === 'on_loan') {
      const open = await repos.circulationLoans.openLoanOfItem(tx, item.id);
      if (open?.txnId === input.txnId) throw new AlreadyApplied();
      if (open?.readerId === reader.id) {
        if (!offline) throw refuse('alreadyYours', { barcode: item.barcode });
        return { loan: open, item, reader, created: false, flags: ['alreadyYours'] };
      }
      soft('onLoan', { barcode: item.barcode });
      // The van lent it, so the earlier loan ended: returned at the van's time.
      if (open) await repos.circulationLoans.closeLoan(tx, open.id, now, item.unitId, null, true);
    }
    const hold = ['on_hold_shelf', 'in_transit'].includes(item.status)
      ? await repos.circulationLoans.holdOfItem(tx, item.id)
      : null;
    // A copy in transit to its holder's pickup reached them: no transit to flag.
    if (item.status === 'in_transit' && hold?.readerId !== reader.id)
      soft('inTransit', { barcode: item.barcode });
    const handedOver = input.forHold ? await handOver(deps, tx, input.forHold, reader, item, hold) : null;
    if (handedOver) flags.unshift(handedOver);
    if (hold && hold.readerId !== reader.id) {
      soft('heldForAnother', { barcode: item.barcode });
      // The hold waits again, keeping its place in the queue, for the next copy.
      await repos.circulationLoans.setHold(tx, hold.id, {
        status: 'waiting',
        itemId: null,
        readyAt: null,
        expiresAt: null,
      });
    }
    const rule = ruleFor(rules, item.unitId, item.itemKind);
    if (openDue.length >= rule.maxItems) soft('atLimit', { max: rule.maxItems });
    if (
      rule.blockWhenOverdueDays !== null &&
      openDue.some((due) => daysOverdue(due, now) > (rule.blockWhenOverdueDays ?? 0))
    )
      soft('overdueBlocked', { days: rule.blockWhenOverdueDays });
    const loan: Loan = {
      id: newId('loan'),
      txnId: input.txnId,
      itemId: item.id,
      readerId: reader.id,
      unitId: item.unitId,
      recordId: item.recordId,
      itemKind: item.itemKind,
      loanedAt: now,
      dueAt: dueDate(now, rule.loanDays),
      renewals: 0,
      returnedAt: null,
      lostAt: null,
    };
    const inserted = await repos.circulationLoans.insertLoan(tx, {
      ...loan,
      readerKey: readerKey(reader.id),
      readerCategory: reader.category,
      source: input.source ?? 'desk',
    });
    if (!inserted) throw new AlreadyApplied();
    await setItemState(repos, tx, item, { status: 'on_loan' });
    if (hold && hold.readerId === reader.id)
      await repos.circulationLoans.setHold(tx, hold.id, { status: 'fulfilled', closedAt: now });
    else if (input.forHold && !handedOver)
      // The holder's hold still waited for a copy (none assigned yet): this copy fills it.
      await repos.circulationLoans.setHold(tx, input.forHold, {
        status: 'fulfilled',
        itemId: item.id,
        closedAt: now,
      });
    await recordLoanStatement(deps, tx, reader, { loanId: loan.id, kind: 'borrowed', item, at: now });
    await deps.audit.record(tx, actor, {
      action: 'circulation.loan.create',
      entityType: 'circulation_loan',
      entityId: loan.id,
      unitId: item.unitId,
      after: { itemId: item.id, readerId: reader.id, dueAt: loan.dueAt, txnId: input.txnId },
    });
    return { loan, reader, item: { ...item, status: 'on_loan' as const }, created: true, flags, flagParams };
  });
}

export interface CheckinResult {
  item: Item;
  /** The loan this return closed (null when the copy was not on loan: an arrival in transit, a found copy). */
  loan: Loan | null;
  outcome: 'available' | 'on_hold_shelf' | 'in_transit';
  /** Where a copy in transit goes: the pickup place/route of a hold, or the copy's home. */
  toPlaceId: string | null;
  toRouteId: string | null;
  toUnitId: string;
  holdReaderName: string | null;
  fineVnd: number;
  created: boolean;
  /** True when `note` was recorded with the return. */
  noted?: boolean;
}

export interface CheckinInput {
  barcode: string;
  txnId?: string | undefined;
  at?: Date | undefined;
  /** A van's sync: the answer "applied" recorded by the return's own statement when it applies at once. */
  note?: OfflineNote | undefined;
}

export async function checkin(
  deps: CirculationDeps,
  actor: Actor,
  desk: Desk,
  input: CheckinInput,
): Promise<CheckinResult> {
  authorize(actor, 'circulation.desk', { unitId: desk.unitId });
  const plain = await returnAtOnce(deps, actor, desk, input);
  if (plain) return plain;
  const repos = deps.repos;
  return deps.db.transaction(async (tx) => {
    const barcode = normalizeCode(input.barcode);
    if (!barcode) throw refuse('unknownBarcode', { barcode: input.barcode });
    const found = await repos.circulation.itemForDesk(tx, barcode);
    if (!found) throw refuse('unknownBarcode', { barcode });
    const { item, rules } = found;
    if (input.txnId) {
      const done = await repos.circulationLoans.loanByTxn(tx, input.txnId);
      if (done?.returnedAt)
        return {
          item,
          loan: done,
          outcome: item.status === 'on_loan' ? 'available' : (item.status as CheckinResult['outcome']),
          toPlaceId: item.currentPlaceId,
          toRouteId: item.currentRouteId,
          toUnitId: item.unitId,
          holdReaderName: null,
          fineVnd: 0,
          created: false,
        };
    }
    if (item.status === 'withdrawn') throw refuse('withdrawn', { barcode: item.barcode });
    const now = input.at ?? deps.now();
    const loan = await repos.circulationLoans.openLoanOfItem(tx, item.id);
    let fine = 0;
    if (loan) {
      const reader = loan.readerId ? await repos.circulation.readerById(tx, loan.readerId) : null;
      await repos.circulationLoans.closeLoan(
        tx,
        loan.id,
        now,
        desk.unitId,
        input.txnId ?? null,
        reader?.keepHistory ?? false,
      );
      fine = fineVnd(ruleFor(rules, item.unitId, item.itemKind), loan.dueAt, now);
      await recordLoanStatement(deps, tx, reader, { loanId: loan.id, kind: 'returned', item, at: now });
    } else if (item.status === 'available' && desk.unitId === item.unitId) {
      throw refuse('notOnLoan', { barcode: item.barcode });
    }
    const placed = await placeOnShelfOrSend(deps, tx, item, desk, now);
    await deps.audit.record(tx, actor, {
      action: 'circulation.loan.return',
      entityType: 'circulation_item',
      entityId: item.id,
      unitId: desk.unitId,
      after: { loanId: loan?.id ?? null, outcome: placed.outcome, txnId: input.txnId ?? null },
    });
    return { ...placed, item: { ...item, status: placed.outcome }, loan, fineVnd: fine, created: true };
  });
}

/** Renewal at the desk (by barcode) or by the reader (by loan id, `self`). Refused while a hold waits. */
export async function renew(
  deps: CirculationDeps,
  actor: Actor,
  target: { barcode: string; desk: Desk } | { loanId: string; readerIds: readonly string[] },
): Promise<Loan> {
  if ('desk' in target) authorize(actor, 'circulation.desk', { unitId: target.desk.unitId });
  else authorize(actor, 'circulation.self');
  const repos = deps.repos;
  return deps.db.transaction(async (tx) => {
    let item: Item;
    if ('barcode' in target) item = await lockItem(deps, tx, target.barcode);
    else {
      const l = await repos.circulationLoans.loanById(tx, target.loanId);
      if (!l?.readerId || !target.readerIds.includes(l.readerId)) throw refuse('notYourLoan');
      const found = await repos.circulation.itemById(tx, l.itemId, true);
      if (!found) throw refuse('notYourLoan');
      item = found;
    }
    if ('desk' in target && !can(actor, 'circulation.desk', { unitId: item.unitId }))
      throw refuse('otherUnit', { barcode: item.barcode });
    const loan = await repos.circulationLoans.openLoanOfItem(tx, item.id);
    if (!loan) throw refuse('notOnLoan', { barcode: item.barcode });
    if ('loanId' in target && loan.id !== target.loanId) throw refuse('notYourLoan');
    const reader = loan.readerId ? await repos.circulation.readerById(tx, loan.readerId) : null;
    if (reader?.status === 'blocked') throw refuse('readerBlocked', { reason: reader.blockReason ?? '' });
    await repos.circulationLoans.lockQueue(tx, item.unitId, item.recordId);
    const rule = ruleFor(await repos.circulation.rules(tx, [item.unitId]), item.unitId, item.itemKind);
    const now = deps.now();
    const refusal = renewRefusal({
      rule,
      renewals: loan.renewals,
      holdWaiting: (await repos.circulationLoans.waitingCount(tx, item.unitId, item.recordId)) > 0,
      due: loan.dueAt,
      now,
    });
    if (refusal === 'hold_waiting') throw refuse('holdWaiting');
    if (refusal === 'max_renewals') throw refuse('maxRenewals', { max: rule.maxRenewals });
    if (refusal === 'overdue_blocked')
      throw refuse('overdueBlocked', { days: rule.blockWhenOverdueDays ?? 0 });
    const due = dueDate(now, rule.loanDays);
    const later = due > loan.dueAt ? due : loan.dueAt;
    await repos.circulationLoans.renewLoan(tx, loan.id, later);
    await deps.audit.record(tx, actor, {
      action: 'circulation.loan.renew',
      entityType: 'circulation_loan',
      entityId: loan.id,
      unitId: item.unitId,
      before: { dueAt: loan.dueAt },
      after: { dueAt: later },
    });
    return { ...loan, dueAt: later, renewals: loan.renewals + 1 };
  });
}

/** A copy reported lost (its open loan ends as lost) or withdrawn as damaged. */
export async function markItem(
  deps: CirculationDeps,
  actor: Actor,
  desk: Desk,
  input: { barcode: string; as: 'lost' | 'withdrawn' },
): Promise<Item> {
  authorize(actor, 'circulation.desk', { unitId: desk.unitId });
  const repos = deps.repos;
  return deps.db.transaction(async (tx) => {
    const item = await lockItem(deps, tx, input.barcode);
    if (!can(actor, 'circulation.desk', { unitId: item.unitId }))
      throw refuse('otherUnit', { barcode: item.barcode });
    const now = deps.now();
    const loan = await repos.circulationLoans.openLoanOfItem(tx, item.id);
    if (loan && input.as === 'lost') await repos.circulationLoans.markLoanLost(tx, loan.id, now);
    if (loan && input.as === 'withdrawn')
      await repos.circulationLoans.closeLoan(tx, loan.id, now, desk.unitId, null, true);
    const hold = await repos.circulationLoans.holdOfItem(tx, item.id);
    if (hold)
      await repos.circulationLoans.setHold(tx, hold.id, {
        status: 'waiting',
        itemId: null,
        readyAt: null,
        expiresAt: null,
      });
    await setItemState(repos, tx, item, { status: input.as });
    await deps.audit.record(tx, actor, {
      action: `circulation.item.${input.as === 'lost' ? 'lost' : 'withdraw'}`,
      entityType: 'circulation_item',
      entityId: item.id,
      unitId: item.unitId,
      before: { status: item.status },
      after: { status: input.as },
    });
    return { ...item, status: input.as };
  });
}
