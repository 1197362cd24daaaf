// SQL behind the plan module's read ports (index.server.ts): what other modules may know of plan tasks.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export function createPlanLookupRepository() {
  return {
    async instanceExists(db: Db, id: string): Promise<boolean> {
      const rows = await queryRows<{ x: number }>(
        db,
        sql`SELECT 1 AS x FROM plan_task_instances WHERE id = ${id}`,
      );
      return rows.length > 0;
    },

    /** Instances of `year` and the next of the tasks these units lead or coordinate, labelled, in plan order. */
    async instanceOptions(db: Db, year: number, unitIds: readonly string[]) {
      if (unitIds.length === 0) return [];
      return queryRows<{ id: string; year: number; label: string }>(
        db,
        sql`SELECT DISTINCT i.id, i.year, t.phase || ' ' || t.section || '.' || t.number || ' — ' || left(t.content, 120) AS label,
                   t.phase, t.section, t.number
            FROM plan_task_instances i JOIN plan_tasks t ON t.id = i.task_id
            JOIN plan_task_units tu ON tu.task_id = t.id
            WHERE i.year BETWEEN ${year} AND ${year + 1}
              AND tu.unit_id IN (${sql.join(
                unitIds.map((u) => sql`${u}`),
                sql`, `,
              )})
            ORDER BY i.year, t.phase, t.section, t.number LIMIT 500`,
      );
    },
  };
}
export type PlanLookupRepository = ReturnType<typeof createPlanLookupRepository>;
