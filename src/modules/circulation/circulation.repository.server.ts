// SQL of readers, items (lendable copies) and loan rules. Callers pass `db` or a transaction.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray, toDate } from '../../db/sql.server.ts';
import type { LoanRule } from './circulation.rules.ts';

/** A rule as stored: the version its next save must name. */
export type StoredLoanRule = LoanRule & { version: number };

import type { ItemStatus } from './circulation.vocab.ts';

export interface Reader {
  id: string;
  unitId: string;
  learnerId: string | null;
  cardNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthYear: number | null;
  category: string;
  guardianName: string | null;
  consentAt: Date | null;
  status: 'active' | 'blocked';
  blockReason: string | null;
  keepHistory: boolean;
  createdAt: Date;
}

export interface Item {
  id: string;
  holdingId: string | null;
  recordId: string;
  unitId: string;
  barcode: string;
  itemKind: string;
  status: ItemStatus;
  homePlaceId: string | null;
  homeRouteId: string | null;
  currentPlaceId: string | null;
  currentRouteId: string | null;
}

export const READER_COLS = sql`id, unit_id AS "unitId", learner_id AS "learnerId", card_number AS "cardNumber", name, phone,
  email, birth_year AS "birthYear", category, guardian_name AS "guardianName", consent_at AS "consentAt", status,
  block_reason AS "blockReason", keep_history AS "keepHistory", created_at AS "createdAt"`;
export const ITEM_COLS = sql`id, holding_id AS "holdingId", record_id AS "recordId", unit_id AS "unitId", barcode,
  item_kind AS "itemKind", status, home_place_id AS "homePlaceId", home_route_id AS "homeRouteId",
  current_place_id AS "currentPlaceId", current_route_id AS "currentRouteId"`;

/** A loan rule row as JSON with the names of `StoredLoanRule` (read next to the copy in one statement). */
export const RULE_JSON = sql`json_build_object('unitId', r.unit_id, 'itemKind', r.item_kind, 'version', r.version,
  'loanDays', r.loan_days, 'maxItems', r.max_items, 'maxRenewals', r.max_renewals, 'holdsAllowed', r.holds_allowed,
  'holdShelfDays', r.hold_shelf_days, 'remindDaysBefore', r.remind_days_before,
  'blockWhenOverdueDays', r.block_when_overdue_days, 'finesEnabled', r.fines_enabled,
  'finePerDayVnd', r.fine_per_day_vnd)`;
/** A json column's value (drivers answer it parsed or as text). */
export const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export const reader = (r: Reader): Reader => ({
  ...r,
  consentAt: toDate(r.consentAt),
  createdAt: toDate(r.createdAt) as Date,
});

export function createCirculationRepository() {
  async function readersWhere(db: Db, where: ReturnType<typeof sql>, lock = false): Promise<Reader[]> {
    const rows = await queryRows<Reader>(
      db,
      sql`SELECT ${READER_COLS} FROM circulation_readers WHERE ${where} ${lock ? sql`FOR UPDATE` : sql``}`,
    );
    return rows.map(reader);
  }
  async function itemsWhere(db: Db, where: ReturnType<typeof sql>, lock = false): Promise<Item[]> {
    return queryRows<Item>(
      db,
      sql`SELECT ${ITEM_COLS} FROM circulation_items WHERE ${where} ${lock ? sql`FOR UPDATE` : sql``}`,
    );
  }
  return {
    async insertReader(
      db: Db,
      r: Omit<Reader, 'createdAt' | 'status' | 'blockReason'> & { consentText: string | null },
    ) {
      await db.execute(sql`INSERT INTO circulation_readers (id, unit_id, learner_id, card_number, name, phone, email,
          birth_year, category, guardian_name, consent_text, consent_at, keep_history)
        VALUES (${r.id}, ${r.unitId}, ${r.learnerId}, ${r.cardNumber}, ${r.name}, ${r.phone}, ${r.email}, ${r.birthYear},
          ${r.category}, ${r.guardianName}, ${r.consentText}, ${r.consentAt}, ${r.keepHistory})`);
    },
    async readerById(db: Db, id: string, lock = false): Promise<Reader | null> {
      return (await readersWhere(db, sql`id = ${id}`, lock))[0] ?? null;
    },
    async readerByCard(db: Db, card: string, lock = false): Promise<Reader | null> {
      return (await readersWhere(db, sql`card_number = ${card}`, lock))[0] ?? null;
    },
    async readersOfLearners(db: Db, learnerIds: readonly string[]): Promise<Reader[]> {
      if (learnerIds.length === 0) return [];
      return readersWhere(db, sql`learner_id = ANY(${textArray(learnerIds)}::text[]) ORDER BY created_at`);
    },
    async searchReaders(db: Db, unitIds: readonly string[], q: string, limit = 20): Promise<Reader[]> {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return readersWhere(
        db,
        sql`unit_id = ANY(${textArray(unitIds)}::text[]) AND (vn_fold(name) LIKE vn_fold(${like}) OR card_number = ${q}
          OR phone = ${q}) ORDER BY name LIMIT ${limit}`,
      );
    },
    async setReaderStatus(db: Db, id: string, status: 'active' | 'blocked', reason: string | null) {
      await db.execute(sql`UPDATE circulation_readers SET status = ${status}, block_reason = ${reason},
        version = version + 1, updated_at = now() WHERE id = ${id}`);
    },
    async setKeepHistory(db: Db, id: string, keep: boolean) {
      await db.execute(sql`UPDATE circulation_readers SET keep_history = ${keep}, version = version + 1,
        updated_at = now() WHERE id = ${id}`);
    },
    /** Erasure: the person's details go, the row stays (loans still count). */
    async pseudonymiseReaders(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return;
      await db.execute(sql`UPDATE circulation_readers SET name = '—', phone = NULL, email = NULL, birth_year = NULL,
        guardian_name = NULL, learner_id = NULL, status = 'blocked', block_reason = 'erased', version = version + 1,
        updated_at = now() WHERE id = ANY(${textArray(ids)}::text[])`);
    },

    async insertItem(db: Db, i: Omit<Item, 'status' | 'currentPlaceId' | 'currentRouteId'>) {
      await db.execute(sql`INSERT INTO circulation_items (id, holding_id, record_id, unit_id, barcode, item_kind,
          home_place_id, home_route_id, current_place_id, current_route_id)
        VALUES (${i.id}, ${i.holdingId}, ${i.recordId}, ${i.unitId}, ${i.barcode}, ${i.itemKind}, ${i.homePlaceId},
          ${i.homeRouteId}, ${i.homePlaceId}, ${i.homeRouteId})`);
    },
    async itemByBarcode(db: Db, barcode: string, lock = false): Promise<Item | null> {
      return (await itemsWhere(db, sql`barcode = ${barcode}`, lock))[0] ?? null;
    },
    /** The copy, locked, with its unit's loan rules: the desk's first read in one round trip. */
    async itemForDesk(db: Db, barcode: string): Promise<{ item: Item; rules: StoredLoanRule[] } | null> {
      const rows = await queryRows<Item & { rules: unknown }>(
        db,
        sql`SELECT ${ITEM_COLS}, (SELECT json_agg(${RULE_JSON}) FROM circulation_loan_rules r
            WHERE r.unit_id = i.unit_id) AS rules
          FROM circulation_items i WHERE i.barcode = ${barcode} FOR UPDATE OF i`,
      );
      const row = rows[0];
      if (!row) return null;
      const { rules, ...item } = row;
      return { item, rules: (parseJson(rules) as StoredLoanRule[] | null) ?? [] };
    },
    /** The reader, locked, with the due dates of their open loans (the limit and overdue checks of a lend). */
    async readerForLending(db: Db, card: string): Promise<{ reader: Reader; openDue: Date[] } | null> {
      const rows = await queryRows<Reader & { openDue: unknown }>(
        db,
        sql`SELECT ${READER_COLS}, (SELECT json_agg(l.due_at) FROM circulation_loans l
            WHERE l.reader_id = c.id AND l.returned_at IS NULL AND l.lost_at IS NULL) AS "openDue"
          FROM circulation_readers c WHERE c.card_number = ${card} FOR UPDATE OF c`,
      );
      const row = rows[0];
      if (!row) return null;
      const { openDue, ...r } = row;
      const due = (parseJson(openDue) as string[] | null) ?? [];
      return { reader: reader(r), openDue: due.map((d) => toDate(d) as Date) };
    },
    async itemById(db: Db, id: string, lock = false): Promise<Item | null> {
      return (await itemsWhere(db, sql`id = ${id}`, lock))[0] ?? null;
    },
    /** The van's pack: copies whose current place is this route (or, without a route, the unit's). */
    async itemsAboard(db: Db, unitId: string, routeId: string | null, limit = 5000): Promise<Item[]> {
      return itemsWhere(
        db,
        routeId
          ? sql`current_route_id = ${routeId} ORDER BY barcode LIMIT ${limit}`
          : sql`unit_id = ${unitId} AND status <> 'withdrawn' ORDER BY barcode LIMIT ${limit}`,
      );
    },
    async readersOfUnit(db: Db, unitId: string, limit = 5000): Promise<Reader[]> {
      return readersWhere(db, sql`unit_id = ${unitId} ORDER BY card_number LIMIT ${limit}`);
    },
    async itemsOfRecords(db: Db, recordIds: readonly string[]): Promise<Item[]> {
      if (recordIds.length === 0) return [];
      return itemsWhere(db, sql`record_id = ANY(${textArray(recordIds)}::text[]) ORDER BY unit_id, barcode`);
    },
    async setItemState(
      db: Db,
      id: string,
      s: { status: ItemStatus; placeId?: string | null; routeId?: string | null },
    ) {
      const where =
        s.placeId === undefined
          ? sql``
          : sql`, current_place_id = ${s.placeId}, current_route_id = ${s.routeId ?? null}`;
      await db.execute(sql`UPDATE circulation_items SET status = ${s.status} ${where}, version = version + 1,
        updated_at = now() WHERE id = ${id}`);
    },

    async rules(db: Db, unitIds: readonly string[]): Promise<StoredLoanRule[]> {
      if (unitIds.length === 0) return [];
      return queryRows<StoredLoanRule>(
        db,
        sql`SELECT unit_id AS "unitId", item_kind AS "itemKind", version, loan_days AS "loanDays", max_items AS "maxItems",
            max_renewals AS "maxRenewals", holds_allowed AS "holdsAllowed", hold_shelf_days AS "holdShelfDays",
            remind_days_before AS "remindDaysBefore", block_when_overdue_days AS "blockWhenOverdueDays",
            fines_enabled AS "finesEnabled", fine_per_day_vnd AS "finePerDayVnd"
          FROM circulation_loan_rules WHERE unit_id = ANY(${textArray(unitIds)}::text[]) ORDER BY unit_id, item_kind`,
      );
    },
    async upsertRule(db: Db, r: LoanRule) {
      await db.execute(sql`INSERT INTO circulation_loan_rules (unit_id, item_kind, loan_days, max_items, max_renewals,
          holds_allowed, hold_shelf_days, remind_days_before, block_when_overdue_days, fines_enabled, fine_per_day_vnd)
        VALUES (${r.unitId}, ${r.itemKind}, ${r.loanDays}, ${r.maxItems}, ${r.maxRenewals}, ${r.holdsAllowed},
          ${r.holdShelfDays}, ${r.remindDaysBefore}, ${r.blockWhenOverdueDays}, ${r.finesEnabled}, ${r.finePerDayVnd})
        ON CONFLICT (unit_id, item_kind) DO UPDATE SET loan_days = EXCLUDED.loan_days, max_items = EXCLUDED.max_items,
          max_renewals = EXCLUDED.max_renewals, holds_allowed = EXCLUDED.holds_allowed,
          hold_shelf_days = EXCLUDED.hold_shelf_days, remind_days_before = EXCLUDED.remind_days_before,
          block_when_overdue_days = EXCLUDED.block_when_overdue_days, fines_enabled = EXCLUDED.fines_enabled,
          fine_per_day_vnd = EXCLUDED.fine_per_day_vnd, version = circulation_loan_rules.version + 1,
          updated_at = now()`);
    },
  };
}

export type CirculationRepository = ReturnType<typeof createCirculationRepository>;
