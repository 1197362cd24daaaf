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

export function createCirculationOfflineRepository() {
  return {
    async byTxn(db: Db, txnId: string): Promise<OfflineOutcome | null> {
      const rows = await queryRows<OfflineOutcome>(
        db,
        sql`SELECT txn_id AS "txnId", outcome, message_key AS "messageKey" FROM circulation_offline_txns
          WHERE txn_id = ${txnId}`,
      );
      return rows[0] ?? null;
    },
    /** The recorded outcomes of these transaction ids (a batch's replays, one query). */
    async byTxns(db: Db, txnIds: readonly string[]): Promise<OfflineOutcome[]> {
      if (txnIds.length === 0) return [];
      return queryRows<OfflineOutcome>(
        db,
        sql`SELECT txn_id AS "txnId", outcome, message_key AS "messageKey" FROM circulation_offline_txns
          WHERE txn_id = ANY(${textArray(txnIds)}::text[])`,
      );
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
    /** Records the outcome; false when another sync recorded this transaction first. */
    async record(
      db: Db,
      r: OfflineOutcome & {
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
            happened_at)
          VALUES (${r.txnId}, ${r.deviceId}, ${r.unitId}, ${r.kind}, ${JSON.stringify(r.payload)}::jsonb, ${r.outcome},
            ${r.messageKey}, ${r.happenedAt})
          ON CONFLICT (txn_id) DO NOTHING RETURNING txn_id`,
      );
      return rows.length > 0;
    },
  };
}
