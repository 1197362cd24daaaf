// Identifier queries (ISBN, ISSN, inventory number, holding barcode) looked up by index (migration 0090).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';
import { PER_STRATUM, type SampleRow } from './search.estimate.ts';
import { and, filtersOn, type SampleFilters } from './search.fragments.server.ts';

/**
 * Published records whose ISBN, ISSN, inventory number or holding barcode is one of these compact identifiers
 * (migration 0090 indexes), as sample rows of one exact slice, under the filters (an identifier names a
 * few records: at most PER_STRATUM - 1, so the slice stays exact).
 */
export async function identifierMatches(
  db: Db,
  idents: readonly string[],
  f: SampleFilters,
): Promise<SampleRow[]> {
  const ids = sql`${textArray(idents)}::text[]`;
  // The planner guesses thousands of matches per identifier index (no statistics on the expressions), which
  // at 1M records made it merge-join them with the whole facet table (147,000 rows read to find one ISBN) and
  // pushed the estimate past jit_above_cost (75 ms of JIT compilation for a 6 ms query; issue 17). Hence a
  // LIMIT per index (an identifier names a few records) and a probe of the facet row per match (`OFFSET 0`).
  const rows = await queryRows<SampleRow>(
    db,
    sql`WITH m AS (
        (SELECT seq FROM catalogue_records WHERE isbn IS NOT NULL AND catalogue_ident(isbn) = ANY(${ids})
          LIMIT ${PER_STRATUM})
        UNION (SELECT seq FROM catalogue_records WHERE issn IS NOT NULL AND catalogue_ident(issn) = ANY(${ids})
          LIMIT ${PER_STRATUM})
        UNION (SELECT seq FROM catalogue_records
          WHERE inventory_no IS NOT NULL AND catalogue_ident(inventory_no) = ANY(${ids}) LIMIT ${PER_STRATUM})
        UNION (SELECT r.seq FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id
          WHERE h.barcode IS NOT NULL AND catalogue_ident(h.barcode) = ANY(${ids}) LIMIT ${PER_STRATUM}))
      SELECT 0 AS k, 0::float8 AS a, 1::float8 AS z, p.seq::float8 AS seq, p.type, n.num AS unit_num,
        p.language, p.decade, catalogue_availability_mask(p.availability) AS availability
      FROM m CROSS JOIN LATERAL (SELECT p.* FROM catalogue_search_docs p WHERE p.seq = m.seq
          AND p.published${and(filtersOn(f, 'id'))} OFFSET 0) p
        JOIN units n ON n.id = p.unit_id
      ORDER BY p.seq LIMIT ${PER_STRATUM - 1}`,
  );
  return rows.map((r) => ({
    ...r,
    k: 0,
    a: 0,
    z: 1,
    seq: Number(r.seq),
    unit_num: Number(r.unit_num),
    decade: r.decade === null ? null : Number(r.decade),
    availability: Number(r.availability),
  }));
}
