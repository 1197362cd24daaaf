// The desk's lend and return in one statement each (issue 15, checkout/checkin p99 under 20 desks): the copy and
// the reader locked, the rule chosen, the loan written, the copy and its catalogue holding moved, the audit entry
// appended — one round trip, no transaction left idle while Node thinks. Each applies only the plain case (an
// available copy of the desk's own unit to an active reader under the limit; a return home with no hold waiting
// and no learning record to write) and otherwise changes nothing and answers what it read, so the use case
// names the refusal or takes its full path (holds, offline flags, xAPI) in a transaction. Both are named
// statements (queryRowsNamed): planning the large CTE at every call was ~40 % of their server CPU.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRowsNamed, toDate } from '../../db/sql.server.ts';
import { catalogueHoldingsPort } from '../catalogue/index.server.ts';
import {
  ITEM_COLS,
  type Item,
  parseJson,
  READER_COLS,
  type Reader,
  RULE_JSON,
  reader as readerRow,
  type StoredLoanRule,
} from './circulation.repository.server.ts';
import type { LoanRule } from './circulation.rules.ts';
import type { Loan } from './circulation-loans.repository.server.ts';

/** Builds the audit entry's INSERT over a CTE of the changed rows (the audit module's `recordFrom`). */
export type AuditFrom = (from: SQL, e: { entityId: SQL; unitId: SQL; after: SQL }) => SQL;

/**
 * An offline transaction's outcome, written by the same statement when it applies (the van's sync): the lend or
 * return and its recorded answer ("applied") commit together, so a replay finds the answer and nothing is
 * applied without it.
 */
export interface OfflineNote {
  deviceId: string;
  unitId: string;
  payload: unknown;
}

const noteSql = (n: OfflineNote | undefined, from: SQL, txnId: string | null, kind: string, at: Date) =>
  n && txnId
    ? sql`, noted AS (INSERT INTO circulation_offline_txns (txn_id, device_id, unit_id, kind, payload, outcome,
          happened_at)
        SELECT ${txnId}, ${n.deviceId}, ${n.unitId}, ${kind}, ${JSON.stringify(n.payload)}::jsonb, 'applied',
          ${at}::timestamptz FROM ${from} ON CONFLICT (txn_id) DO NOTHING RETURNING txn_id)`
    : sql``;

/** What a lend read (and, when `loanId` is set, wrote): the copy, the reader, the unit's rules, open loans. */
export interface LendRead {
  item: Item;
  reader: Reader | null;
  rules: StoredLoanRule[];
  openDue: Date[];
  loanId: string | null;
  dueAt: Date | null;
}

/** The loan a return closed, as it was before (`keptReader`: the reader stays on it, their history kept). */
export type ClosedLoan = Omit<Loan, 'returnedAt' | 'lostAt'> & { keptReader: boolean };

/** What a return read: the copy, its unit's rules, and the loan it closed (null: nothing was changed). */
export interface ReturnRead {
  item: Item;
  rules: StoredLoanRule[];
  closed: ClosedLoan | null;
}

/** A timestamp as the audit's JSON writes a Date (`toISOString`). */
const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const rulesOf = (v: unknown) => (parseJson(v) as StoredLoanRule[] | null) ?? [];

export function createCirculationDeskRepository() {
  return {
    async lend(
      db: Db,
      p: {
        barcode: string;
        card: string;
        deskUnitId: string;
        txnId: string;
        loanId: string;
        at: Date;
        /** The end of the lending day (`dueDate(at, 0)`): due is this plus the rule's loan days. */
        dayEnd: Date;
        source: 'desk' | 'offline' | 'self';
        defaults: Pick<LoanRule, 'loanDays' | 'maxItems' | 'blockWhenOverdueDays'>;
        audit: AuditFrom;
        note?: OfflineNote | undefined;
      },
    ): Promise<LendRead | null> {
      const d = p.defaults;
      const rows = await queryRowsNamed<{
        item: unknown;
        reader: unknown;
        rules: unknown;
        due: unknown;
        loanId: string | null;
        dueAt: unknown;
      }>(
        db,
        sql`WITH i AS (SELECT ${ITEM_COLS} FROM circulation_items WHERE barcode = ${p.barcode} FOR UPDATE),
          c AS (SELECT ${READER_COLS} FROM circulation_readers
            WHERE card_number = ${p.card} AND EXISTS (SELECT 1 FROM i) FOR UPDATE),
          o AS (SELECT count(*)::int AS n, min(l.due_at) AS oldest, json_agg(l.due_at) AS due
            FROM circulation_loans l WHERE l.reader_id = (SELECT id FROM c)
              AND l.returned_at IS NULL AND l.lost_at IS NULL),
          rl AS (SELECT r.loan_days, r.max_items, r.block_when_overdue_days FROM circulation_loan_rules r, i
            WHERE r.unit_id = i."unitId" AND r.item_kind IN (i."itemKind", '*') ORDER BY r.item_kind = '*' LIMIT 1),
          eff AS (SELECT coalesce((SELECT loan_days FROM rl), ${d.loanDays}::int) AS loan_days,
              coalesce((SELECT max_items FROM rl), ${d.maxItems}::int) AS max_items,
              CASE WHEN EXISTS (SELECT 1 FROM rl) THEN (SELECT block_when_overdue_days FROM rl)
                ELSE ${d.blockWhenOverdueDays}::int END AS block),
          go AS (SELECT i.id AS item_id, i."holdingId" AS holding_id, i."unitId" AS unit_id, i."itemKind" AS item_kind,
              i."recordId" AS record_id, c.id AS reader_id, c.category, eff.loan_days
            FROM i, c, o, eff
            WHERE i.status = 'available' AND i."unitId" = ${p.deskUnitId} AND c.status = 'active'
              AND NOT (c."learnerId" IS NOT NULL AND c."keepHistory") AND o.n < eff.max_items
              AND (eff.block IS NULL OR o.oldest IS NULL
                OR o.oldest + eff.block * interval '1 day' >= ${p.at}::timestamptz)),
          lent AS (INSERT INTO circulation_loans (id, txn_id, item_id, reader_id, reader_key, reader_category, unit_id,
              item_kind, record_id, loaned_at, due_at, source)
            SELECT ${p.loanId}, ${p.txnId}, item_id, reader_id,
              left(encode(sha256(convert_to('circ:' || reader_id, 'UTF8')), 'hex'), 24), category, unit_id,
              item_kind, record_id, ${p.at}::timestamptz, ${p.dayEnd}::timestamptz + loan_days * interval '1 day',
              ${p.source} FROM go
            ON CONFLICT (txn_id) DO NOTHING RETURNING id, item_id, reader_id, unit_id, due_at),
          moved AS (UPDATE circulation_items t SET status = 'on_loan', version = t.version + 1, updated_at = now()
            FROM lent WHERE t.id = lent.item_id RETURNING t.id),
          ${catalogueHoldingsPort.availabilityCtes(
            'avail',
            sql`SELECT go.holding_id FROM go JOIN lent ON lent.item_id = go.item_id`,
            'on_loan',
          )},
          audited AS (${p.audit(sql`lent`, {
            entityId: sql`lent.id`,
            unitId: sql`lent.unit_id`,
            after: sql`jsonb_build_object('itemId', lent.item_id, 'readerId', lent.reader_id,
              'dueAt', ${iso(sql`lent.due_at`)}, 'txnId', ${p.txnId}::text)`,
          })} RETURNING id)${noteSql(p.note, sql`lent`, p.txnId, 'checkout', p.at)}
        SELECT to_json(i) AS item, (SELECT to_json(c) FROM c) AS reader, (SELECT due FROM o) AS due,
          (SELECT json_agg(${RULE_JSON}) FROM circulation_loan_rules r WHERE r.unit_id = i."unitId") AS rules,
          (SELECT id FROM lent) AS "loanId", (SELECT due_at FROM lent) AS "dueAt"
        FROM i`,
      );
      const row = rows[0];
      if (!row) return null;
      const r = parseJson(row.reader) as Reader | null;
      const due = (parseJson(row.due) as string[] | null) ?? [];
      return {
        item: parseJson(row.item) as Item,
        reader: r ? readerRow(r) : null,
        rules: rulesOf(row.rules),
        openDue: due.map((x) => toDate(x) as Date),
        loanId: row.loanId,
        dueAt: toDate(row.dueAt as Date | string | null),
      };
    },

    /**
     * A return at the copy's home desk: the open loan closed (the reader kept on it only if they keep their
     * history), the copy back on its home shelf. Applied only when no hold concerns the copy or its title, the
     * reader keeps no learning record and `txnId` was never used; otherwise nothing changes (`closed` null).
     */
    async returnHome(
      db: Db,
      p: {
        barcode: string;
        desk: { unitId: string; placeId: string | null; routeId: string | null };
        txnId: string | null;
        at: Date;
        audit: AuditFrom;
        note?: OfflineNote | undefined;
      },
    ): Promise<ReturnRead | null> {
      const { desk } = p;
      const rows = await queryRowsNamed<{ item: unknown; rules: unknown; closed: unknown }>(
        db,
        sql`WITH i AS (SELECT ${ITEM_COLS} FROM circulation_items WHERE barcode = ${p.barcode} FOR UPDATE),
          l AS (SELECT l.id, l.txn_id, l.reader_id, l.loaned_at, l.due_at, l.renewals, l.record_id, l.item_kind,
              l.unit_id, l.item_id
            FROM circulation_loans l, i WHERE l.item_id = i.id AND l.returned_at IS NULL AND l.lost_at IS NULL),
          c AS (SELECT r.keep_history, r.learner_id FROM circulation_readers r WHERE r.id = (SELECT reader_id FROM l)),
          go AS (SELECT l.*, coalesce((SELECT keep_history FROM c), false) AS keep, i."holdingId" AS holding_id,
              i."homePlaceId" AS home_place_id, i."homeRouteId" AS home_route_id
            FROM i, l
            WHERE i.status = 'on_loan' AND i."unitId" = ${desk.unitId}
              AND (i."homePlaceId" IS NULL OR i."homePlaceId" = ${desk.placeId}::text)
              AND (i."homeRouteId" IS NULL OR i."homeRouteId" = ${desk.routeId}::text)
              AND NOT EXISTS (SELECT 1 FROM c WHERE c.learner_id IS NOT NULL AND c.keep_history)
              AND NOT EXISTS (SELECT 1 FROM circulation_holds h WHERE h.item_id = i.id
                AND h.status IN ('in_transit', 'ready'))
              AND NOT EXISTS (SELECT 1 FROM circulation_holds h WHERE h.record_id = i."recordId"
                AND h.unit_id = i."unitId" AND h.status = 'waiting')
              ${
                p.txnId === null
                  ? sql``
                  : sql`AND NOT EXISTS (SELECT 1 FROM circulation_loans x
                      WHERE x.txn_id = ${p.txnId} OR x.return_txn_id = ${p.txnId})`
              }),
          closed AS (UPDATE circulation_loans t SET returned_at = ${p.at}::timestamptz,
              returned_unit_id = ${desk.unitId}, return_txn_id = ${p.txnId}::text,
              reader_id = CASE WHEN go.keep THEN t.reader_id ELSE NULL END
            FROM go WHERE t.id = go.id
              -- Re-checked on the row's newest version if another return closed it while this one waited.
              AND t.returned_at IS NULL AND t.lost_at IS NULL
            RETURNING t.id, go.item_id),
          moved AS (UPDATE circulation_items t SET status = 'available',
              current_place_id = coalesce(go.home_place_id, ${desk.placeId}::text),
              current_route_id = coalesce(go.home_route_id, ${desk.routeId}::text),
              version = t.version + 1, updated_at = now()
            FROM go JOIN closed ON closed.id = go.id WHERE t.id = go.item_id RETURNING t.id),
          ${catalogueHoldingsPort.availabilityCtes(
            'avail',
            sql`SELECT go.holding_id FROM go JOIN closed ON closed.id = go.id`,
            'available',
          )},
          audited AS (${p.audit(sql`closed`, {
            entityId: sql`closed.item_id`,
            unitId: sql`${desk.unitId}::text`,
            after: sql`jsonb_build_object('loanId', closed.id, 'outcome', 'available', 'txnId', ${p.txnId}::text)`,
          })} RETURNING id)${noteSql(p.note, sql`closed`, p.txnId, 'checkin', p.at)}
        SELECT to_json(i) AS item,
          (SELECT json_agg(${RULE_JSON}) FROM circulation_loan_rules r WHERE r.unit_id = i."unitId") AS rules,
          (SELECT json_build_object('id', go.id, 'txnId', go.txn_id, 'readerId', go.reader_id,
              'loanedAt', go.loaned_at, 'dueAt', go.due_at, 'renewals', go.renewals, 'recordId', go.record_id,
              'itemKind', go.item_kind, 'unitId', go.unit_id, 'itemId', go.item_id, 'keptReader', go.keep)
            FROM go JOIN closed ON closed.id = go.id) AS closed
        FROM i`,
      );
      const row = rows[0];
      if (!row) return null;
      const c = parseJson(row.closed) as (ClosedLoan & { loanedAt: string; dueAt: string }) | null;
      return {
        item: parseJson(row.item) as Item,
        rules: rulesOf(row.rules),
        closed: c ? { ...c, loanedAt: toDate(c.loanedAt) as Date, dueAt: toDate(c.dueAt) as Date } : null,
      };
    },
  };
}

export type CirculationDeskRepository = ReturnType<typeof createCirculationDeskRepository>;
