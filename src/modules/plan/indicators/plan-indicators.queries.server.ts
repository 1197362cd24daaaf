// The plan module's indicator computations (issue 13), on its own tables only: units' parts of the plan's
// yearly task instances reported done, evidence attached, and the budget approved and spent. A yearly instance
// belongs to the period when 1 January of its year (Vietnam time) falls in it.
import { type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { IndicatorQuery, IndicatorRow, IndicatorSource } from '../../../app/module.ts';
import { queryRows, textArray } from '../../../db/sql.server.ts';

type Raw = { key: string | null; value: string | number };

function yearIn(q: IndicatorQuery): SQL {
  return sql`make_timestamptz(i.year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') >= ${q.from}
         AND make_timestamptz(i.year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') < ${q.to}`;
}

async function run(
  deps: AppDeps,
  q: IndicatorQuery,
  value: SQL,
  from: SQL,
  where: SQL,
): Promise<IndicatorRow[]> {
  const key =
    q.breakdown === 'unit' ? sql`x.unit_id` : q.breakdown === 'year' ? sql`i.year::text` : sql`NULL::text`;
  const units = q.unitIds ? sql` AND x.unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
  const rows = await queryRows<Raw>(
    deps.db,
    sql`SELECT ${key} AS key, ${value} AS value ${from}
         WHERE ${yearIn(q)} AND ${where}${units} GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
}

const reports = sql`FROM plan_unit_reports x JOIN plan_task_instances i ON i.id = x.instance_id`;
const budget = sql`FROM plan_budget_lines x JOIN plan_task_instances i ON i.id = x.instance_id`;

export const planIndicatorSources: IndicatorSource[] = [
  {
    key: 'plan.tasks.done',
    label: 'indicators.source.plan.tasksDone',
    measure: 'count',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    compute: (deps, q) => run(deps, q, sql`count(*)`, reports, sql`x.status = 'done'`),
  },
  {
    key: 'plan.tasks.assigned',
    label: 'indicators.source.plan.tasksAssigned',
    measure: 'count',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    compute: (deps, q) => run(deps, q, sql`count(*)`, reports, sql`true`),
  },
  {
    key: 'plan.evidence',
    label: 'indicators.source.plan.evidence',
    measure: 'items',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    compute: (deps, q) =>
      run(
        deps,
        q,
        sql`count(ev.id)`,
        sql`${reports} JOIN plan_evidence ev ON ev.report_id = x.id`,
        sql`true`,
      ),
  },
  {
    key: 'plan.budget.approved',
    label: 'indicators.source.plan.budgetApproved',
    measure: 'vnd',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    compute: (deps, q) =>
      run(deps, q, sql`coalesce(sum(x.approved_amount), 0)`, budget, sql`x.approved_amount IS NOT NULL`),
  },
  {
    key: 'plan.budget.spent',
    label: 'indicators.source.plan.budgetSpent',
    measure: 'vnd',
    breakdowns: ['unit', 'year'],
    unitAdditive: true,
    compute: (deps, q) =>
      run(deps, q, sql`coalesce(sum(x.spent_amount), 0)`, budget, sql`x.spent_amount IS NOT NULL`),
  },
];
