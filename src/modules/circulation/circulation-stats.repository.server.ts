// SQL of the indicator figures: loans and active readers from the platform's own loans plus imported ILS
// statistics, visits from the imports. Periods are half-open [from, to) instants; ILS days are Vietnam days.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import type { IlsRow } from './circulation.ils-csv.ts';

type Grouped = { key: string | null; value: number };

const unitFilter = (col: SQL, unitIds?: readonly string[]) =>
  unitIds ? sql`AND ${col} = ANY(${textArray(unitIds)}::text[])` : sql``;

export function createCirculationStatsRepository() {
  return {
    async replaceImport(
      db: Db,
      imp: {
        id: string;
        unitId: string;
        from: string;
        to: string;
        fileName: string;
        importedBy: string | null;
      },
      rows: readonly IlsRow[],
    ): Promise<{ replaced: boolean }> {
      const old = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM circulation_ils_imports WHERE unit_id = ${imp.unitId} AND period_from = ${imp.from}
          AND period_to = ${imp.to} RETURNING id`,
      );
      await db.execute(sql`INSERT INTO circulation_ils_imports (id, unit_id, period_from, period_to, file_name, row_count,
          imported_by) VALUES (${imp.id}, ${imp.unitId}, ${imp.from}, ${imp.to}, ${imp.fileName}, ${rows.length}, ${imp.importedBy})`);
      if (rows.length)
        await db.execute(sql`INSERT INTO circulation_ils_stats (import_id, unit_id, day, collection, reader_category, loans,
            active_readers, visits)
          SELECT ${imp.id}, ${imp.unitId}, r.day::date, r.collection, r.category, r.loans, r.readers, r.visits
          FROM jsonb_to_recordset(${JSON.stringify(
            rows.map((r) => ({
              day: r.day,
              collection: r.collection,
              category: r.readerCategory,
              loans: r.loans,
              readers: r.activeReaders,
              visits: r.visits,
            })),
          )}::jsonb) AS r(day text, collection text, category text, loans int, readers int, visits int)`);
      return { replaced: old.length > 0 };
    },
    async overlapping(db: Db, unitId: string, from: string, to: string) {
      return queryRows<{ id: string; from: string; to: string }>(
        db,
        sql`SELECT id, period_from::text AS "from", period_to::text AS "to" FROM circulation_ils_imports
          WHERE unit_id = ${unitId} AND period_from <= ${to} AND period_to >= ${from}
            AND NOT (period_from = ${from} AND period_to = ${to})`,
      );
    },

    /** Loans: the platform's own plus imported ones; by unit or reader category (`category`). */
    async loans(
      db: Db,
      from: Date,
      to: Date,
      unitIds?: readonly string[],
      by?: 'unit' | 'category',
    ): Promise<Grouped[]> {
      const k = by === 'unit' ? sql`unit_id` : by === 'category' ? sql`category` : sql`NULL::text`;
      return queryRows<Grouped>(
        db,
        sql`SELECT ${k} AS key, sum(n)::int AS value FROM (
            SELECT unit_id, reader_category AS category, count(*) AS n FROM circulation_loans
              WHERE loaned_at >= ${from} AND loaned_at < ${to} ${unitFilter(sql`unit_id`, unitIds)}
              GROUP BY 1, 2
            UNION ALL
            SELECT unit_id, reader_category, sum(loans) FROM circulation_ils_stats
              WHERE day >= (${from}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                AND day < (${to}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date ${unitFilter(sql`unit_id`, unitIds)}
              GROUP BY 1, 2) t GROUP BY 1 ORDER BY 1`,
      );
    },
    /** Active readers: distinct readers who borrowed on the platform, plus the imports' own counts. */
    async activeReaders(
      db: Db,
      from: Date,
      to: Date,
      unitIds?: readonly string[],
      by?: 'unit',
    ): Promise<Grouped[]> {
      const k = by === 'unit' ? sql`unit_id` : sql`NULL::text`;
      return queryRows<Grouped>(
        db,
        sql`SELECT ${k} AS key, sum(n)::int AS value FROM (
            SELECT unit_id, count(DISTINCT reader_key) AS n FROM circulation_loans
              WHERE loaned_at >= ${from} AND loaned_at < ${to} ${unitFilter(sql`unit_id`, unitIds)} GROUP BY 1
            UNION ALL
            SELECT unit_id, sum(active_readers) FROM circulation_ils_stats
              WHERE day >= (${from}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                AND day < (${to}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date ${unitFilter(sql`unit_id`, unitIds)}
              GROUP BY 1) t GROUP BY 1 ORDER BY 1`,
      );
    },
    async visits(db: Db, from: Date, to: Date, unitIds?: readonly string[], by?: 'unit'): Promise<Grouped[]> {
      const k = by === 'unit' ? sql`unit_id` : sql`NULL::text`;
      return queryRows<Grouped>(
        db,
        sql`SELECT ${k} AS key, coalesce(sum(visits), 0)::int AS value FROM circulation_ils_stats
          WHERE day >= (${from}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
            AND day < (${to}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date ${unitFilter(sql`unit_id`, unitIds)}
          GROUP BY 1 ORDER BY 1`,
      );
    },
  };
}
