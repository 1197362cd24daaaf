// Read port over catalogue holdings for other modules (circulation turns holdings into lendable copies).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

export interface HoldingSummary {
  id: string;
  recordId: string;
  unitId: string;
  barcode: string | null;
  callNumber: string | null;
  location: string | null;
}

const COLS = sql`id, record_id AS "recordId", unit_id AS "unitId", barcode, call_number AS "callNumber", location`;

export function createHoldingsLookupRepository() {
  return {
    async byIds(db: Db, ids: readonly string[]): Promise<HoldingSummary[]> {
      if (ids.length === 0) return [];
      return queryRows(
        db,
        sql`SELECT ${COLS} FROM catalogue_holdings WHERE id = ANY(${textArray(ids)}::text[])`,
      );
    },
    async byBarcodes(db: Db, barcodes: readonly string[]): Promise<HoldingSummary[]> {
      if (barcodes.length === 0) return [];
      return queryRows(
        db,
        sql`SELECT ${COLS} FROM catalogue_holdings WHERE barcode = ANY(${textArray(barcodes)}::text[]) ORDER BY id`,
      );
    },
    /** Holdings of these units, by id, after `afterId` (keyset pages). */
    async ofUnits(db: Db, unitIds: readonly string[], afterId: string, limit: number) {
      if (unitIds.length === 0) return [];
      return queryRows<HoldingSummary>(
        db,
        sql`SELECT ${COLS} FROM catalogue_holdings WHERE unit_id = ANY(${textArray(unitIds)}::text[])
          AND id > ${afterId} ORDER BY id LIMIT ${limit}`,
      );
    },
  };
}
