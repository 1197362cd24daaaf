// SQL of the unit overview: one unit's instances in one year (as lead or coordinating unit), with the unit's
// report on each (progress workflow, plan-work) and its budget sums.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows } from '../../../db/sql.server.ts';

export interface UnitInstanceRow {
  instanceId: string;
  year: number;
  status: string;
  dueDate: string | null;
  taskId: string;
  phase: string;
  section: string;
  number: number;
  content: string;
  product: string;
  role: 'lead' | 'coordinating';
  reportStatus: string | null;
  reportState: string | null;
  percent: number | null;
  estimated: number;
  approved: number;
  spent: number;
}

export function createPlanOverviewRepository() {
  return {
    async unitInstances(db: Db, unitId: string, year: number): Promise<UnitInstanceRow[]> {
      const rows = await queryRows<{
        instance_id: string;
        year: number;
        status: string;
        due_date: string | null;
        task_id: string;
        phase: string;
        section: string;
        number: number;
        content: string;
        product: string;
        role: 'lead' | 'coordinating';
        report_status: string | null;
        report_state: string | null;
        percent: number | null;
        estimated: string;
        approved: string;
        spent: string;
      }>(
        db,
        sql`SELECT i.id AS instance_id, i.year, i.status, i.due_date::text AS due_date, t.id AS task_id,
              t.phase, t.section, t.number, t.content, t.product,
              CASE WHEN bool_or(tu.role = 'lead') THEN 'lead' ELSE 'coordinating' END AS role,
              r.status AS report_status, r.state AS report_state, r.percent,
              coalesce((SELECT sum(b.amount) FROM plan_budget_lines b
                WHERE b.instance_id = i.id AND b.unit_id = ${unitId}), 0)::text AS estimated,
              coalesce((SELECT sum(b.approved_amount) FROM plan_budget_lines b
                WHERE b.instance_id = i.id AND b.unit_id = ${unitId}), 0)::text AS approved,
              coalesce((SELECT sum(b.spent_amount) FROM plan_budget_lines b
                WHERE b.instance_id = i.id AND b.unit_id = ${unitId}), 0)::text AS spent
            FROM plan_task_units tu
            JOIN plan_tasks t ON t.id = tu.task_id
            JOIN plan_task_instances i ON i.task_id = t.id AND i.year = ${year}
            LEFT JOIN plan_unit_reports r ON r.instance_id = i.id AND r.unit_id = ${unitId}
            WHERE tu.unit_id = ${unitId}
            GROUP BY i.id, t.id, r.id
            ORDER BY t.phase, array_position(ARRAY['I','II','III','IV','V','VI','VII']::text[], t.section), t.number`,
      );
      return rows.map((r) => ({
        instanceId: r.instance_id,
        year: Number(r.year),
        status: r.status,
        dueDate: r.due_date,
        taskId: r.task_id,
        phase: r.phase,
        section: r.section,
        number: Number(r.number),
        content: r.content,
        product: r.product,
        role: r.role,
        reportStatus: r.report_status,
        reportState: r.report_state,
        percent: r.percent === null ? null : Number(r.percent),
        estimated: Number(r.estimated),
        approved: Number(r.approved),
        spent: Number(r.spent),
      }));
    },

    async unit(db: Db, unitId: string): Promise<{ id: string; code: string; name: string } | null> {
      const rows = await queryRows<{ id: string; code: string; name: string }>(
        db,
        sql`SELECT id, code, name FROM unit_directory WHERE id = ${unitId}`,
      );
      return rows[0] ?? null;
    },
  };
}
export type PlanOverviewRepository = ReturnType<typeof createPlanOverviewRepository>;
