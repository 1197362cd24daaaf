// Port over catalogue holdings for other modules: circulation turns holdings into lendable copies (read) and
// keeps a lent copy's availability current (write), so search's "available now" facet follows lending.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import type { Availability } from './catalogue.schemas.server.ts';

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
    /**
     * Sets a holding's availability and its record's summary (what search filters and facets on). Not an edit of the record: no version, no `updated_at`, no OAI-PMH datestamp (migration 0091).
     */
    async setAvailability(db: Db, holdingId: string, availability: Availability): Promise<void> {
      const rows = await queryRows<{ recordId: string }>(
        db,
        sql`UPDATE catalogue_holdings SET availability = ${availability}, updated_at = now()
          WHERE id = ${holdingId} RETURNING record_id AS "recordId"`,
      );
      const recordId = rows[0]?.recordId;
      if (!recordId) return;
      // The summary is rewritten only when it changes (each rewrite refreshes the record's postings).
      await db.execute(sql`WITH s AS (
          SELECT coalesce(array_agg(DISTINCT h.availability ORDER BY h.availability), '{}') AS a
          FROM catalogue_holdings h WHERE h.record_id = ${recordId})
        UPDATE catalogue_records r SET availability = s.a FROM s
        WHERE r.id = ${recordId} AND r.availability IS DISTINCT FROM s.a`);
    },
    /**
     * `setAvailability` as parts of a caller's statement (a data-modifying CTE chain: `WITH …, <these>, …`):
     * `holdingIds` is a SELECT of holding ids from the caller's earlier CTEs. One statement sees one snapshot, so
     * the record's summary is computed with the new value put in place of the holding's old one.
     */
    availabilityCtes(name: string, holdingIds: SQL, availability: Availability): SQL {
      const h = sql.raw(`${name}_h`);
      return sql`${h} AS (UPDATE catalogue_holdings SET availability = ${availability}, updated_at = now()
          WHERE id IN (${holdingIds}) RETURNING id, record_id),
        ${sql.raw(`${name}_r`)} AS (UPDATE catalogue_records r SET availability = s.a
          FROM (SELECT v.record_id, array_agg(DISTINCT v.a ORDER BY v.a) AS a
                FROM (SELECT c.record_id, CASE WHEN c.id IN (SELECT id FROM ${h}) THEN ${availability}::text
                        ELSE c.availability END AS a
                      FROM catalogue_holdings c WHERE c.record_id IN (SELECT record_id FROM ${h})) v
                GROUP BY v.record_id) s
          WHERE r.id = s.record_id AND r.availability IS DISTINCT FROM s.a RETURNING r.id)`;
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
