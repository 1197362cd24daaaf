// The exhibitions module's indicator computation (issue 13), on its own tables only: virtual exhibitions
// published (first publication) in the period. An exhibition taken back to draft no longer counts.
import { sql } from 'drizzle-orm';
import type { IndicatorSource } from '../../app/module.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

export const exhibitionIndicatorSources: IndicatorSource[] = [
  {
    key: 'exhibitions.published',
    label: 'indicators.source.exhibitions.published',
    measure: 'count',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    async compute(deps, q) {
      const units = q.unitIds ? sql` AND unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
      const key =
        q.breakdown === 'unit'
          ? sql`unit_id`
          : q.breakdown === 'year'
            ? sql`to_char(published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY')`
            : sql`NULL::text`;
      const rows = await queryRows<{ key: string | null; value: string | number }>(
        deps.db,
        sql`SELECT ${key} AS key, count(*) AS value FROM exhibitions
             WHERE status = 'published' AND published_at >= ${q.from} AND published_at < ${q.to}${units}
             GROUP BY 1 ORDER BY 1`,
      );
      return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
    },
  },
];
