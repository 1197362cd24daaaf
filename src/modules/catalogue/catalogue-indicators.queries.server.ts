// The catalogue's indicator computations (issue 13), on its own tables only: growth of the collections —
// records and items (holdings) added in the period, by unit or record type.
import { type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.types.ts';
import type { IndicatorQuery, IndicatorRow, IndicatorSource } from '../../app/module.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

function keyOf(q: IndicatorQuery, at: SQL): SQL {
  if (q.breakdown === 'unit') return sql`r.unit_id`;
  if (q.breakdown === 'year') return sql`to_char(${at} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY')`;
  if (q.breakdown === 'category') return sql`r.type`;
  return sql`NULL::text`;
}

async function added(deps: AppDeps, q: IndicatorQuery, holdings: boolean): Promise<IndicatorRow[]> {
  const units = q.unitIds ? sql` AND r.unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
  const query = holdings
    ? sql`SELECT ${keyOf(q, sql`h.created_at`)} AS key, count(*) AS value
            FROM catalogue_holdings h JOIN catalogue_records r ON r.id = h.record_id
           WHERE h.created_at >= ${q.from} AND h.created_at < ${q.to}${units} GROUP BY 1 ORDER BY 1`
    : sql`SELECT ${keyOf(q, sql`r.created_at`)} AS key, count(*) AS value FROM catalogue_records r
           WHERE r.created_at >= ${q.from} AND r.created_at < ${q.to}${units} GROUP BY 1 ORDER BY 1`;
  const rows = await queryRows<{ key: string | null; value: string | number }>(deps.db, query);
  return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
}

export const catalogueIndicatorSources: IndicatorSource[] = [
  {
    key: 'catalogue.records.added',
    label: 'indicators.source.catalogue.recordsAdded',
    measure: 'items',
    breakdowns: ['unit', 'category', 'year'],
    unitAdditive: true,
    compute: (deps, q) => added(deps, q, false),
  },
  {
    key: 'catalogue.holdings.added',
    label: 'indicators.source.catalogue.holdingsAdded',
    measure: 'items',
    breakdowns: ['unit', 'category', 'year'],
    unitAdditive: true,
    compute: (deps, q) => added(deps, q, true),
  },
];
