// The places module's indicator computations (issue 13), on its own tables only: service points open at the
// end of the period (by unit or kind), and mobile-library stops held in the period — each scheduled day of a
// weekly or dated stop on an active route, less the days it was cancelled.
import { type SQL, sql } from 'drizzle-orm';
import type { IndicatorRow, IndicatorSource } from '../../app/module.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

type Raw = { key: string | null; value: string | number };
const rowsOf = (rows: Raw[]): IndicatorRow[] => rows.map((r) => ({ key: r.key, value: Number(r.value) }));
const unitsOf = (col: SQL, ids: readonly string[] | undefined) =>
  ids ? sql` AND ${col} = ANY(${textArray(ids)}::text[])` : sql``;

export const placeIndicatorSources: IndicatorSource[] = [
  {
    key: 'places.open',
    label: 'indicators.source.places.open',
    measure: 'count',
    breakdowns: ['unit', 'placeKind'],
    unitAdditive: true,
    async compute(deps, q) {
      const key =
        q.breakdown === 'unit' ? sql`p.unit_id` : q.breakdown === 'placeKind' ? sql`p.kind` : sql`NULL::text`;
      return rowsOf(
        await queryRows<Raw>(
          deps.db,
          sql`SELECT ${key} AS key, count(*) AS value FROM places p
               WHERE p.status = 'active' AND p.created_at < ${q.to}${unitsOf(sql`p.unit_id`, q.unitIds)}
               GROUP BY 1 ORDER BY 1`,
        ),
      );
    },
  },
  {
    key: 'places.mobile.stopsHeld',
    label: 'indicators.source.places.mobileStopsHeld',
    measure: 'times',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    async compute(deps, q) {
      const key =
        q.breakdown === 'unit'
          ? sql`r.unit_id`
          : q.breakdown === 'year'
            ? sql`to_char(days.day, 'YYYY')`
            : sql`NULL::text`;
      return rowsOf(
        await queryRows<Raw>(
          deps.db,
          sql`WITH days AS (
                SELECT d::date AS day FROM generate_series(
                  (${q.from}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                  ((${q.to}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 day')::date,
                  interval '1 day') AS d)
              SELECT ${key} AS key, count(*) AS value
                FROM mobile_library_stops st
                JOIN mobile_library_routes r ON r.id = st.route_id
                JOIN days ON (st.weekday IS NOT NULL AND extract(isodow FROM days.day) = st.weekday)
                          OR days.day = ANY(st.dates)
               WHERE r.status = 'active'${unitsOf(sql`r.unit_id`, q.unitIds)}
                 AND NOT EXISTS (SELECT 1 FROM mobile_library_stop_cancellations c
                                  WHERE c.stop_id = st.id AND c.day = days.day)
               GROUP BY 1 ORDER BY 1`,
        ),
      );
    },
  },
];
