// Readers and copies: a library card for a learner (their own, or one the desk registers for a walk-in), the
// card's barcode and QR as SVG, copies made lendable from the catalogue's holdings, loan rules per unit.
import { randomInt } from 'node:crypto';
import bwipjs from 'bwip-js';
import QRCode from 'qrcode';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { catalogueHoldingsPort } from '../catalogue/index.server.ts';
import { currentLearner } from '../learners/index.server.ts';
import { minorConsentSeam } from './circulation.consent.server.ts';
import type { CirculationDeps } from './circulation.desk.usecases.server.ts';
import { refuse } from './circulation.errors.ts';
import { newId } from './circulation.ids.server.ts';
import type { Item, Reader } from './circulation.repository.server.ts';
import { cardNumberFrom, type LoanRule, normalizeCode } from './circulation.rules.ts';
import { MINOR_AGE, type ReaderCategory } from './circulation.vocab.ts';

export const CARD_CONSENT_TEXT =
  'Tôi đồng ý để thư viện lưu họ tên, số điện thoại, năm sinh và các lượt mượn của tôi để quản lý thẻ bạn đọc.';

function newCardNumber(): string {
  let digits = '';
  for (let i = 0; i < 11; i++) digits += String(randomInt(10));
  return cardNumberFrom(digits);
}

export interface WalkInInput {
  unitId: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthYear: number | null;
  category: ReaderCategory;
  guardianName: string | null;
  consent: boolean;
  learnerId: string | null;
}

/** The desk registers a reader (walk-in, no account, or a learner id the person shows). */
export async function registerReader(
  deps: CirculationDeps,
  actor: Actor,
  input: WalkInInput,
  txnId?: string,
  /** A van's offline registration: the number its device drew from the block reserved for it. */
  offlineCard?: { cardNumber: string; deviceId: string },
): Promise<Reader> {
  authorize(actor, 'circulation.desk', { unitId: input.unitId });
  if (!input.consent) throw refuse('consentRequired');
  const year = Number(new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  const minor = input.birthYear !== null && year - input.birthYear < MINOR_AGE;
  // The guardian consents for a minor. Seam for the learners module's consent port (accounts branch): it will
  // confirm a recorded guardian consent for a learner id; a walk-in minor needs the guardian's name here.
  if (minor) {
    const ok = await minorConsentSeam(deps, { learnerId: input.learnerId, guardianName: input.guardianName });
    if (!ok) throw refuse('guardianRequired', { age: MINOR_AGE });
  }
  return deps.db.transaction(async (tx) => {
    if (input.learnerId) {
      const existing = (await deps.repos.circulation.readersOfLearners(tx, [input.learnerId])).find(
        (r) => r.unitId === input.unitId,
      );
      if (existing) return existing;
    }
    // The card written at the stop stays valid when its number was reserved for this device and is unused;
    // otherwise (another device's, used twice) the reader gets a new number and the sync says so.
    const reserved =
      offlineCard &&
      (await deps.repos.circulationOffline.lockFreeCard(
        tx,
        offlineCard.cardNumber,
        input.unitId,
        offlineCard.deviceId,
      ))
        ? offlineCard
        : null;
    const reader: Reader = {
      id: newId('rdr'),
      unitId: input.unitId,
      learnerId: input.learnerId,
      cardNumber: reserved?.cardNumber ?? newCardNumber(),
      name: input.name.normalize('NFC'),
      phone: input.phone,
      email: input.email,
      birthYear: input.birthYear,
      category: minor && input.category === 'adult' ? 'child' : input.category,
      guardianName: minor ? input.guardianName : null,
      consentAt: deps.now(),
      status: 'active',
      blockReason: null,
      keepHistory: false,
      createdAt: deps.now(),
    };
    await deps.repos.circulation.insertReader(tx, { ...reader, consentText: CARD_CONSENT_TEXT });
    if (reserved)
      await deps.repos.circulationOffline.claimCard(
        tx,
        reserved.cardNumber,
        input.unitId,
        reserved.deviceId,
        reader.id,
      );
    await deps.audit.record(tx, actor, {
      action: 'circulation.reader.create',
      entityType: 'circulation_reader',
      entityId: reader.id,
      unitId: input.unitId,
      after: { cardNumber: reader.cardNumber, txnId: txnId ?? null },
    });
    return reader;
  });
}

/** How many unused card numbers a van's device keeps for registering readers with no network. */
export const OFFLINE_CARD_BLOCK = 20;

/**
 * The card numbers reserved for a van's device at a unit, topped up to OFFLINE_CARD_BLOCK (called when the van
 * page opens online): the device gives them, one each, to the readers it registers at a stop.
 */
export async function reserveOfflineCards(
  deps: CirculationDeps,
  actor: Actor,
  input: { unitId: string; deviceId: string },
): Promise<string[]> {
  authorize(actor, 'circulation.desk', { unitId: input.unitId });
  const repos = deps.repos.circulationOffline;
  return deps.db.transaction(async (tx) => {
    const have = await repos.unusedCards(tx, input.unitId, input.deviceId);
    if (have.length < OFFLINE_CARD_BLOCK) {
      const more = Array.from({ length: OFFLINE_CARD_BLOCK - have.length }, newCardNumber);
      await repos.reserveCards(tx, input.unitId, input.deviceId, more);
      await deps.audit.record(tx, actor, {
        action: 'circulation.cards.reserve',
        entityType: 'circulation_offline_cards',
        entityId: input.deviceId,
        unitId: input.unitId,
        after: { count: more.length },
      });
    }
    return repos.unusedCards(tx, input.unitId, input.deviceId);
  });
}

/** The signed-in learner's cards (one per library that issued one). */
export async function myCards(deps: CirculationDeps, actor: Actor, request?: Request): Promise<Reader[]> {
  authorize(actor, 'circulation.self');
  const learner = await currentLearner(actor, request);
  if (!learner) return [];
  return deps.repos.circulation.readersOfLearners(deps.db, [learner.id]);
}

/** A learner asks a library for a card online; consent is theirs (the guardian's when a family member is chosen). */
export async function requestMyCard(
  deps: CirculationDeps,
  actor: Actor,
  input: { unitId: string; consent: boolean },
  request?: Request,
): Promise<Reader> {
  authorize(actor, 'circulation.self');
  const learner = await currentLearner(actor, request);
  if (!learner) throw refuse('needCard');
  if (!input.consent) throw refuse('consentRequired');
  const existing = (await deps.repos.circulation.readersOfLearners(deps.db, [learner.id])).find(
    (r) => r.unitId === input.unitId,
  );
  if (existing) return existing;
  const reader: Reader = {
    id: newId('rdr'),
    unitId: input.unitId,
    learnerId: learner.id,
    cardNumber: newCardNumber(),
    name: learner.displayName,
    phone: null,
    email: actor.kind === 'user' ? actor.email : null,
    birthYear: null,
    category: 'adult',
    guardianName: null,
    consentAt: deps.now(),
    status: 'active',
    blockReason: null,
    keepHistory: false,
    createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await deps.repos.circulation.insertReader(tx, { ...reader, consentText: CARD_CONSENT_TEXT });
    await deps.audit.record(tx, actor, {
      action: 'circulation.reader.self_create',
      entityType: 'circulation_reader',
      entityId: reader.id,
      unitId: input.unitId,
    });
  });
  return reader;
}

export async function setKeepHistory(deps: CirculationDeps, actor: Actor, keep: boolean, request?: Request) {
  const cards = await myCards(deps, actor, request);
  await deps.db.transaction(async (tx) => {
    for (const c of cards) await deps.repos.circulation.setKeepHistory(tx, c.id, keep);
    if (!keep)
      await deps.repos.circulationLoans.forgetReaderHistory(
        tx,
        cards.map((c) => c.id),
      );
  });
}

export async function blockReader(deps: CirculationDeps, actor: Actor, card: string, reason: string | null) {
  const reader = await deps.repos.circulation.readerByCard(deps.db, normalizeCode(card));
  if (!reader) throw refuse('unknownCard', { card });
  authorize(actor, 'circulation.desk', { unitId: reader.unitId });
  await deps.db.transaction(async (tx) => {
    await deps.repos.circulation.setReaderStatus(tx, reader.id, reason ? 'blocked' : 'active', reason);
    await deps.audit.record(tx, actor, {
      action: reason ? 'circulation.reader.block' : 'circulation.reader.unblock',
      entityType: 'circulation_reader',
      entityId: reader.id,
      unitId: reader.unitId,
      after: { reason },
    });
  });
}

/** Code 128 of the card number and a QR of it, as SVG (printed, or shown on the phone). */
export async function cardSvgs(cardNumber: string): Promise<{ code128: string; qr: string }> {
  const code128 = bwipjs.toSVG({
    bcid: 'code128',
    text: cardNumber,
    height: 12,
    includetext: true,
    textxalign: 'center',
  });
  const qr = await QRCode.toString(cardNumber, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { code128, qr };
}

/**
 * A copy of the catalogue becomes lendable: found by its holding's barcode, or by holding id with the barcode
 * of the label the library sticks on it (holdings imported without one).
 */
export async function addItem(
  deps: CirculationDeps,
  actor: Actor,
  input: {
    barcode: string;
    holdingId?: string;
    itemKind: string;
    homePlaceId: string | null;
    homeRouteId: string | null;
  },
): Promise<Item> {
  const barcode = normalizeCode(input.barcode);
  if (!barcode) throw refuse('unknownBarcode', { barcode: input.barcode });
  const holdings = input.holdingId
    ? await catalogueHoldingsPort.byIds(deps.db, [input.holdingId])
    : await catalogueHoldingsPort.byBarcodes(deps.db, [barcode, input.barcode.trim()]);
  const holding = holdings[0];
  if (!holding) throw refuse('notLendable', { barcode });
  authorize(actor, 'circulation.desk', { unitId: holding.unitId });
  return deps.db.transaction(async (tx) => {
    const existing = await deps.repos.circulation.itemByBarcode(tx, barcode);
    if (existing) {
      if (existing.holdingId === holding.id) return existing;
      throw refuse('barcodeTaken', { barcode });
    }
    const item: Item = {
      id: newId('itm'),
      holdingId: holding.id,
      recordId: holding.recordId,
      unitId: holding.unitId,
      barcode,
      itemKind: input.itemKind,
      status: 'available',
      homePlaceId: input.homePlaceId,
      homeRouteId: input.homeRouteId,
      currentPlaceId: input.homePlaceId,
      currentRouteId: input.homeRouteId,
    };
    await deps.repos.circulation.insertItem(tx, item);
    await catalogueHoldingsPort.setAvailability(tx, holding.id, 'available');
    await deps.audit.record(tx, actor, {
      action: 'circulation.item.create',
      entityType: 'circulation_item',
      entityId: item.id,
      unitId: item.unitId,
      after: { barcode, holdingId: holding.id },
    });
    return item;
  });
}

/**
 * Writes a unit's rule for one kind of item (`*`: the unit's default). `version` is the version the form was
 * loaded with, null when the unit had no rule of its own for that kind (then a rule saved meanwhile is a conflict).
 */
export async function saveRule(
  deps: CirculationDeps,
  actor: Actor,
  rule: LoanRule,
  version: number | null = null,
): Promise<void> {
  authorize(actor, 'circulation.rules.update', { unitId: rule.unitId });
  await deps.db.transaction(async (tx) => {
    const before = (await deps.repos.circulation.rules(tx, [rule.unitId])).find(
      (r) => r.itemKind === rule.itemKind,
    );
    if ((before?.version ?? null) !== version) throw staleVersion('circulation.rule');
    await deps.repos.circulation.upsertRule(tx, rule);
    await deps.audit.record(tx, actor, {
      action: 'circulation.rule.update',
      entityType: 'circulation_loan_rule',
      entityId: `${rule.unitId}:${rule.itemKind}`,
      unitId: rule.unitId,
      before: before ?? null,
      after: rule,
    });
  });
}
