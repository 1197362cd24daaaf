// SQL of the offline transactions a van's device synced: one row per transaction id, with its outcome.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

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
