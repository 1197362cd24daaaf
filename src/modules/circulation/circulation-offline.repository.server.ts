// SQL of the offline transactions a van's device synced (one row per transaction id, with its outcome) and of
// the card numbers reserved for a device to give readers it registers with no network.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

export interface OfflineOutcome {
  txnId: string;
  outcome: 'applied' | 'flagged' | 'refused';
  messageKey: string | null;
}

/** The whole answer a sync gave for one transaction, as recorded (its replays give it again). */
export interface OfflineAnswer extends OfflineOutcome {
  cardNumber?: string;
  flags?: string[];
  params?: Record<string, string | number>;
}

const ANSWER_COLS = sql`txn_id AS "txnId", outcome, message_key AS "messageKey", flags, params,
  card_number AS "cardNumber"`;

/** A recorded row as the sync answered it: the optional parts only when they were said. */
function answer(r: OfflineOutcome & { flags: string[] | null; params: unknown; cardNumber: string | null }) {
  const { flags, params, cardNumber, ...base } = r;
  const p = typeof params === 'string' ? JSON.parse(params) : params;
  return {
    ...base,
    ...(cardNumber ? { cardNumber } : {}),
    ...(flags ? { flags } : {}),
    ...(p ? { params: p as Record<string, string | number> } : {}),
  } satisfies OfflineAnswer;
}
type AnswerRow = Parameters<typeof answer>[0];

export function createCirculationOfflineRepository() {
  return {
    async byTxn(db: Db, txnId: string): Promise<OfflineAnswer | null> {
      const rows = await queryRows<AnswerRow>(
        db,
        sql`SELECT ${ANSWER_COLS} FROM circulation_offline_txns WHERE txn_id = ${txnId}`,
      );
      return rows[0] ? answer(rows[0]) : null;
    },
    /** The recorded outcomes of these transaction ids (a batch's replays, one query). */
    async byTxns(db: Db, txnIds: readonly string[]): Promise<OfflineAnswer[]> {
      if (txnIds.length === 0) return [];
      const rows = await queryRows<AnswerRow>(
        db,
        sql`SELECT ${ANSWER_COLS} FROM circulation_offline_txns WHERE txn_id = ANY(${textArray(txnIds)}::text[])`,
      );
      return rows.map(answer);
    },
    /** Card numbers reserved for this device at this unit and not used yet, oldest first. */
    async unusedCards(db: Db, unitId: string, deviceId: string): Promise<string[]> {
      const rows = await queryRows<{ card: string }>(
        db,
        sql`SELECT card_number AS card FROM circulation_offline_cards
          WHERE unit_id = ${unitId} AND device_id = ${deviceId} AND reader_id IS NULL
          ORDER BY reserved_at, card_number`,
      );
      return rows.map((r) => r.card);
    },
    /** Reserves these numbers for the device (a number already reserved or a reader's is skipped). */
    async reserveCards(db: Db, unitId: string, deviceId: string, numbers: readonly string[]) {
      if (numbers.length === 0) return;
      await db.execute(sql`INSERT INTO circulation_offline_cards (card_number, unit_id, device_id)
        SELECT n, ${unitId}, ${deviceId} FROM unnest(${textArray(numbers)}::text[]) AS n
        WHERE NOT EXISTS (SELECT 1 FROM circulation_readers r WHERE r.card_number = n)
        ON CONFLICT (card_number) DO NOTHING`);
    },
    /** Whether this number is reserved for the device at this unit and still unused (locked until commit). */
    async lockFreeCard(db: Db, card: string, unitId: string, deviceId: string): Promise<boolean> {
      const rows = await queryRows<{ card_number: string }>(
        db,
        sql`SELECT card_number FROM circulation_offline_cards
          WHERE card_number = ${card} AND unit_id = ${unitId} AND device_id = ${deviceId} AND reader_id IS NULL
          FOR UPDATE`,
      );
      return rows.length > 0;
    },
    /** Uses a reserved number for a reader; false when it is not this device's at this unit, or already used. */
    async claimCard(db: Db, card: string, unitId: string, deviceId: string, readerId: string) {
      const rows = await queryRows<{ card_number: string }>(
        db,
        sql`UPDATE circulation_offline_cards SET reader_id = ${readerId}
          WHERE card_number = ${card} AND unit_id = ${unitId} AND device_id = ${deviceId} AND reader_id IS NULL
          RETURNING card_number`,
      );
      return rows.length > 0;
    },
    /** Records the answer; false when another sync recorded this transaction first. */
    async record(
      db: Db,
      r: OfflineAnswer & {
        deviceId: string;
        unitId: string;
        kind: string;
        payload: unknown;
        happenedAt: Date;
      },
    ): Promise<boolean> {
      const rows = await queryRows<{ txn_id: string }>(
        db,
        sql`INSERT INTO circulation_offline_txns (txn_id, device_id, unit_id, kind, payload, outcome, message_key,
            happened_at, flags, params, card_number)
          VALUES (${r.txnId}, ${r.deviceId}, ${r.unitId}, ${r.kind}, ${JSON.stringify(r.payload)}::jsonb, ${r.outcome},
            ${r.messageKey}, ${r.happenedAt}, ${r.flags ? textArray(r.flags) : null}::text[],
            ${r.params ? JSON.stringify(r.params) : null}::jsonb, ${r.cardNumber ?? null})
          ON CONFLICT (txn_id) DO NOTHING RETURNING txn_id`,
      );
      return rows.length > 0;
    },
  };
}
