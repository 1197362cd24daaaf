// SQL of loans and holds. Callers pass a transaction and hold the locks the use cases name.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray, toDate } from '../../db/sql.server.ts';
import type { HoldStatus } from './circulation.vocab.ts';

export interface Loan {
  id: string;
  txnId: string;
  itemId: string;
  readerId: string | null;
  unitId: string;
  recordId: string;
  itemKind: string;
  loanedAt: Date;
  dueAt: Date;
  renewals: number;
  returnedAt: Date | null;
  lostAt: Date | null;
}

export interface Hold {
  id: string;
  txnId: string;
  recordId: string;
  readerId: string | null;
  unitId: string;
  pickupPlaceId: string | null;
  pickupRouteId: string | null;
  pickupStopId: string | null;
  status: HoldStatus;
  itemId: string | null;
  placedAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
}

const LOAN_COLS = sql`id, txn_id AS "txnId", item_id AS "itemId", reader_id AS "readerId", unit_id AS "unitId",
  record_id AS "recordId", item_kind AS "itemKind", loaned_at AS "loanedAt", due_at AS "dueAt", renewals,
  returned_at AS "returnedAt", lost_at AS "lostAt"`;
const HOLD_COLS = sql`id, txn_id AS "txnId", record_id AS "recordId", reader_id AS "readerId", unit_id AS "unitId",
  pickup_place_id AS "pickupPlaceId", pickup_route_id AS "pickupRouteId", pickup_stop_id AS "pickupStopId", status,
  item_id AS "itemId", placed_at AS "placedAt", ready_at AS "readyAt", expires_at AS "expiresAt"`;

const loan = (l: Loan): Loan => ({
  ...l,
  loanedAt: toDate(l.loanedAt) as Date,
  dueAt: toDate(l.dueAt) as Date,
  returnedAt: toDate(l.returnedAt),
  lostAt: toDate(l.lostAt),
});
const hold = (h: Hold): Hold => ({
  ...h,
  placedAt: toDate(h.placedAt) as Date,
  readyAt: toDate(h.readyAt),
  expiresAt: toDate(h.expiresAt),
});

export function createCirculationLoansRepository() {
  const loansWhere = async (db: Db, where: ReturnType<typeof sql>) =>
    (await queryRows<Loan>(db, sql`SELECT ${LOAN_COLS} FROM circulation_loans WHERE ${where}`)).map(loan);
  const holdsWhere = async (db: Db, where: ReturnType<typeof sql>) =>
    (await queryRows<Hold>(db, sql`SELECT ${HOLD_COLS} FROM circulation_holds WHERE ${where}`)).map(hold);
  return {
    /** Serialises work on one title's hold queue at one unit (returns and new holds), until commit. */
    async lockQueue(db: Db, unitId: string, recordId: string) {
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`circ:${unitId}:${recordId}`}))`);
    },
    async insertLoan(
      db: Db,
      l: Omit<Loan, 'returnedAt' | 'lostAt' | 'renewals'> & {
        readerKey: string;
        readerCategory: string;
        source: 'desk' | 'offline' | 'self';
      },
    ): Promise<boolean> {
      // False when the transaction id was already used: the lend was applied before (a replay).
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO circulation_loans (id, txn_id, item_id, reader_id, reader_key, reader_category,
          unit_id, item_kind, record_id, loaned_at, due_at, source)
        VALUES (${l.id}, ${l.txnId}, ${l.itemId}, ${l.readerId}, ${l.readerKey}, ${l.readerCategory}, ${l.unitId},
          ${l.itemKind}, ${l.recordId}, ${l.loanedAt}, ${l.dueAt}, ${l.source})
        ON CONFLICT (txn_id) DO NOTHING RETURNING id`,
      );
      return rows.length > 0;
    },
    async loanByTxn(db: Db, txnId: string): Promise<Loan | null> {
      return (await loansWhere(db, sql`txn_id = ${txnId} OR return_txn_id = ${txnId}`))[0] ?? null;
    },
    async openLoanOfItem(db: Db, itemId: string): Promise<Loan | null> {
      return (
        (await loansWhere(db, sql`item_id = ${itemId} AND returned_at IS NULL AND lost_at IS NULL`))[0] ??
        null
      );
    },
    async loanById(db: Db, id: string): Promise<Loan | null> {
      return (await loansWhere(db, sql`id = ${id}`))[0] ?? null;
    },
    async openLoansOfReader(db: Db, readerId: string): Promise<Loan[]> {
      return loansWhere(
        db,
        sql`reader_id = ${readerId} AND returned_at IS NULL AND lost_at IS NULL ORDER BY due_at, id`,
      );
    },
    async pastLoansOfReader(db: Db, readerId: string, limit = 100): Promise<Loan[]> {
      return loansWhere(
        db,
        sql`reader_id = ${readerId} AND returned_at IS NOT NULL ORDER BY returned_at DESC LIMIT ${limit}`,
      );
    },
    async closeLoan(db: Db, id: string, at: Date, unitId: string, txnId: string | null, keepReader: boolean) {
      await db.execute(sql`UPDATE circulation_loans SET returned_at = ${at}, returned_unit_id = ${unitId},
        return_txn_id = ${txnId}, reader_id = CASE WHEN ${keepReader} THEN reader_id ELSE NULL END WHERE id = ${id}`);
    },
    async markLoanLost(db: Db, id: string, at: Date) {
      await db.execute(sql`UPDATE circulation_loans SET lost_at = ${at} WHERE id = ${id}`);
    },
    async renewLoan(db: Db, id: string, due: Date) {
      await db.execute(sql`UPDATE circulation_loans SET due_at = ${due}, renewals = renewals + 1,
        reminded_before_at = NULL, reminded_overdue_at = NULL WHERE id = ${id}`);
    },
    /** Forget the reader on their returned loans (history switched off, or erasure). */
    async forgetReaderHistory(db: Db, readerIds: readonly string[]) {
      if (readerIds.length === 0) return;
      await db.execute(sql`UPDATE circulation_loans SET reader_id = NULL
        WHERE reader_id = ANY(${textArray(readerIds)}::text[]) AND returned_at IS NOT NULL`);
    },
    /** Open loans due before `before` and not yet reminded (`kind` picks the reminder column). */
    async dueForReminder(db: Db, kind: 'before' | 'overdue', now: Date, limit = 500) {
      const cond =
        kind === 'before'
          ? sql`l.reminded_before_at IS NULL AND l.due_at > ${now}
              AND l.due_at <= ${now}::timestamptz + make_interval(days => coalesce(r.remind_days_before, d.remind_days_before, 2))`
          : sql`l.reminded_overdue_at IS NULL AND l.due_at < ${now}`;
      const rows = await queryRows<{ id: string; readerId: string; recordId: string; dueAt: Date }>(
        db,
        sql`SELECT l.id, l.reader_id AS "readerId", l.record_id AS "recordId", l.due_at AS "dueAt"
          FROM circulation_loans l
          LEFT JOIN circulation_loan_rules r ON r.unit_id = l.unit_id AND r.item_kind = l.item_kind
          LEFT JOIN circulation_loan_rules d ON d.unit_id = l.unit_id AND d.item_kind = '*'
          WHERE l.returned_at IS NULL AND l.lost_at IS NULL AND l.reader_id IS NOT NULL AND ${cond}
          ORDER BY l.due_at, l.id LIMIT ${limit}`,
      );
      return rows.map((r) => ({ ...r, dueAt: toDate(r.dueAt) as Date }));
    },
    async markReminded(db: Db, id: string, kind: 'before' | 'overdue', at: Date): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        kind === 'before'
          ? sql`UPDATE circulation_loans SET reminded_before_at = ${at} WHERE id = ${id} AND reminded_before_at IS NULL RETURNING id`
          : sql`UPDATE circulation_loans SET reminded_overdue_at = ${at} WHERE id = ${id} AND reminded_overdue_at IS NULL RETURNING id`,
      );
      return rows.length > 0;
    },

    async insertHold(db: Db, h: Omit<Hold, 'status' | 'itemId' | 'readyAt' | 'expiresAt'>) {
      await db.execute(sql`INSERT INTO circulation_holds (id, txn_id, record_id, reader_id, unit_id, pickup_place_id,
          pickup_route_id, pickup_stop_id, placed_at)
        VALUES (${h.id}, ${h.txnId}, ${h.recordId}, ${h.readerId}, ${h.unitId}, ${h.pickupPlaceId}, ${h.pickupRouteId},
          ${h.pickupStopId}, ${h.placedAt})`);
    },
    async holdByTxn(db: Db, txnId: string): Promise<Hold | null> {
      return (await holdsWhere(db, sql`txn_id = ${txnId}`))[0] ?? null;
    },
    async holdById(db: Db, id: string): Promise<Hold | null> {
      return (await holdsWhere(db, sql`id = ${id}`))[0] ?? null;
    },
    async liveHoldOfReader(db: Db, readerId: string, recordId: string): Promise<Hold | null> {
      return (
        (
          await holdsWhere(
            db,
            sql`reader_id = ${readerId} AND record_id = ${recordId} AND status IN ('waiting', 'in_transit', 'ready')`,
          )
        )[0] ?? null
      );
    },
    async holdsOfReader(
      db: Db,
      readerIds: readonly string[],
    ): Promise<Array<Hold & { position: number | null }>> {
      if (readerIds.length === 0) return [];
      const rows = await queryRows<Hold & { position: number | null }>(
        db,
        sql`SELECT ${HOLD_COLS}, CASE WHEN h.status = 'waiting' THEN (SELECT count(*)::int FROM circulation_holds q
              WHERE q.record_id = h.record_id AND q.unit_id = h.unit_id AND q.status = 'waiting' AND q.seq <= h.seq)
            END AS position
          FROM circulation_holds h WHERE reader_id = ANY(${textArray(readerIds)}::text[])
            AND status IN ('waiting', 'in_transit', 'ready') ORDER BY placed_at`,
      );
      return rows.map((r) => ({ ...hold(r), position: r.position }));
    },
    /** The first waiting hold of the queue (call under lockQueue). */
    async firstWaiting(db: Db, unitId: string, recordId: string): Promise<Hold | null> {
      return (
        (
          await holdsWhere(
            db,
            sql`unit_id = ${unitId} AND record_id = ${recordId} AND status = 'waiting' ORDER BY seq LIMIT 1`,
          )
        )[0] ?? null
      );
    },
    async waitingCount(db: Db, unitId: string, recordId: string): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM circulation_holds WHERE unit_id = ${unitId} AND record_id = ${recordId}
          AND status = 'waiting'`,
      );
      return rows[0]?.n ?? 0;
    },
    async holdOfItem(db: Db, itemId: string): Promise<Hold | null> {
      return (
        (await holdsWhere(db, sql`item_id = ${itemId} AND status IN ('in_transit', 'ready')`))[0] ?? null
      );
    },
    async setHold(
      db: Db,
      id: string,
      s: {
        status: HoldStatus;
        itemId?: string | null;
        readyAt?: Date | null;
        expiresAt?: Date | null;
        closedAt?: Date | null;
      },
    ) {
      await db.execute(sql`UPDATE circulation_holds SET status = ${s.status},
        item_id = ${s.itemId === undefined ? sql`item_id` : s.itemId},
        ready_at = ${s.readyAt === undefined ? sql`ready_at` : s.readyAt},
        expires_at = ${s.expiresAt === undefined ? sql`expires_at` : s.expiresAt},
        closed_at = ${s.closedAt === undefined ? sql`closed_at` : s.closedAt} WHERE id = ${id}`);
    },
    /**
     * The van's pack: holds to hand over at a mobile-library route's stops (ready on the van's hold shelf, or on
     * their way to it), with the holder's card and the copy's barcode, by stop and then by time placed.
     */
    async holdsToDeliver(db: Db, routeId: string, limit = 2000) {
      const rows = await queryRows<{
        id: string;
        recordId: string;
        status: 'ready' | 'in_transit';
        pickupStopId: string | null;
        card: string;
        readerName: string;
        barcode: string;
        expiresAt: Date | null;
      }>(
        db,
        sql`SELECT h.id, h.record_id AS "recordId", h.status, h.pickup_stop_id AS "pickupStopId",
              r.card_number AS card, r.name AS "readerName", i.barcode, h.expires_at AS "expiresAt"
            FROM circulation_holds h
            JOIN circulation_readers r ON r.id = h.reader_id
            JOIN circulation_items i ON i.id = h.item_id
            WHERE h.pickup_route_id = ${routeId} AND h.status IN ('ready', 'in_transit')
            ORDER BY h.pickup_stop_id NULLS LAST, h.seq LIMIT ${limit}`,
      );
      return rows.map((r) => ({ ...r, expiresAt: toDate(r.expiresAt) }));
    },
    async expiredReady(db: Db, now: Date, limit = 200): Promise<Hold[]> {
      return holdsWhere(db, sql`status = 'ready' AND expires_at < ${now} ORDER BY expires_at LIMIT ${limit}`);
    },
  };
}

export type CirculationLoansRepository = ReturnType<typeof createCirculationLoansRepository>;
