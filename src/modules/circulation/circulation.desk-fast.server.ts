// The desk's plain lend and plain return, one statement each (circulation-desk.repository.server.ts): what most
// scans at a desk are. Anything else — a hold to fill or to pass on, an offline flag, a copy away from home, a
// learning record to write, a replayed transaction id — answers null here and takes the use case's full path,
// so every rule stays where it is written. A refusal the statement's answer already proves (withdrawn, lost,
// another unit's copy, unknown card, blocked, at the limit, overdue) is said at once, in the full path's order.
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type {
  CheckinInput,
  CheckinResult,
  CheckoutInput,
  CheckoutResult,
  CirculationDeps,
  Desk,
} from './circulation.desk.usecases.server.ts';
import { refuse } from './circulation.errors.ts';
import { newId } from './circulation.ids.server.ts';
import {
  DEFAULT_RULE,
  daysOverdue,
  dueDate,
  fineVnd,
  normalizeCode,
  ruleFor,
  validCardNumber,
} from './circulation.rules.ts';
import type { AuditFrom } from './circulation-desk.repository.server.ts';

const auditAs =
  (deps: CirculationDeps, actor: Actor, action: string, entityType: string): AuditFrom =>
  (from, e) =>
    deps.audit.recordFrom(actor, from, { action, entityType, ...e });

/** A plain lend in one statement; null when the full path must decide. */
export async function lendAtOnce(
  deps: CirculationDeps,
  actor: Actor,
  desk: Desk,
  input: CheckoutInput,
): Promise<CheckoutResult | null> {
  const barcode = normalizeCode(input.barcode);
  if (!barcode) throw refuse('unknownBarcode', { barcode: input.barcode });
  const card = normalizeCode(input.card);
  // A mistyped card or a hold hand-over: the full path says what comes first.
  if (!validCardNumber(card) || input.forHold) return null;
  const now = input.at ?? deps.now();
  const offline = input.source === 'offline';
  const read = await deps.repos.circulationDesk.lend(deps.db, {
    barcode,
    card,
    deskUnitId: desk.unitId,
    txnId: input.txnId,
    loanId: newId('loan'),
    at: now,
    dayEnd: dueDate(now, 0),
    source: input.source ?? 'desk',
    defaults: DEFAULT_RULE,
    audit: auditAs(deps, actor, 'circulation.loan.create', 'circulation_loan'),
    note: input.note,
  });
  if (!read) throw refuse('unknownBarcode', { barcode });
  const { item, reader } = read;
  if (read.loanId && read.dueAt && reader)
    return {
      loan: {
        id: read.loanId,
        txnId: input.txnId,
        itemId: item.id,
        readerId: reader.id,
        unitId: item.unitId,
        recordId: item.recordId,
        itemKind: item.itemKind,
        loanedAt: now,
        dueAt: read.dueAt,
        renewals: 0,
        returnedAt: null,
        lostAt: null,
      },
      reader,
      item: { ...item, status: 'on_loan' },
      created: true,
      flags: [],
      flagParams: { barcode: item.barcode },
      noted: input.note !== undefined,
    };
  if (item.status === 'withdrawn') throw refuse('withdrawn', { barcode: item.barcode });
  // Offline refusals are applied and flagged; a copy on loan, on the hold shelf or in transit has a story.
  if (offline || (item.status !== 'available' && item.status !== 'lost')) return null;
  if (item.status === 'lost') throw refuse('lost', { barcode: item.barcode });
  if (!can(actor, 'circulation.desk', { unitId: item.unitId }))
    throw refuse('otherUnit', { barcode: item.barcode });
  if (!reader) throw refuse('unknownCard', { card });
  if (reader.status === 'blocked') throw refuse('readerBlocked', { reason: reader.blockReason ?? '' });
  const rule = ruleFor(read.rules, item.unitId, item.itemKind);
  if (read.openDue.length >= rule.maxItems) throw refuse('atLimit', { max: rule.maxItems });
  const block = rule.blockWhenOverdueDays;
  if (block !== null && read.openDue.some((due) => daysOverdue(due, now) > block))
    throw refuse('overdueBlocked', { days: block });
  // Another unit's copy this actor may lend, a reader keeping a learning record, a used transaction id.
  return null;
}

/** A plain return at the copy's home in one statement; null when the full path must decide. */
export async function returnAtOnce(
  deps: CirculationDeps,
  actor: Actor,
  desk: Desk,
  input: CheckinInput,
): Promise<CheckinResult | null> {
  const barcode = normalizeCode(input.barcode);
  if (!barcode) throw refuse('unknownBarcode', { barcode: input.barcode });
  const now = input.at ?? deps.now();
  const read = await deps.repos.circulationDesk.returnHome(deps.db, {
    barcode,
    desk,
    txnId: input.txnId ?? null,
    at: now,
    audit: auditAs(deps, actor, 'circulation.loan.return', 'circulation_item'),
    note: input.txnId ? input.note : undefined,
  });
  if (!read) throw refuse('unknownBarcode', { barcode });
  if (!read.closed) return null;
  const { item } = read;
  const { keptReader: _kept, ...open } = read.closed;
  const loan = { ...open, returnedAt: null, lostAt: null };
  return {
    item: { ...item, status: 'available' },
    loan,
    outcome: 'available',
    toPlaceId: null,
    toRouteId: null,
    toUnitId: item.unitId,
    holdReaderName: null,
    fineVnd: fineVnd(ruleFor(read.rules, item.unitId, item.itemKind), loan.dueAt, now),
    created: true,
    noted: input.txnId !== undefined && input.note !== undefined,
  };
}
