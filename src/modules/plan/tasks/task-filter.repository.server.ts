// The task list's filters as SQL conditions, once for the plan repository's `list`/`get` and the work queries'
// one-statement `taskPage`: both ask the same question of plan_tasks, only under a different name.
import { type SQL, sql } from 'drizzle-orm';
import { sqlList } from '../../../db/sql.server.ts';
import type { PlanPhase, PlanSection } from '../plan.model.ts';

export interface PlanTaskFilter {
  phase?: PlanPhase | undefined;
  section?: PlanSection | undefined;
  /** A unit id or code: tasks it leads or coordinates. */
  unit?: string | undefined;
  year?: number | undefined;
  /** Instance status (with `year`, of that year's instance). */
  status?: string | undefined;
  /** Has an instance past its due date (before `today`) and not finished. */
  overdue?: boolean | undefined;
  /** 'YYYY-MM-DD' in Vietnam; required with `overdue`. */
  today?: string | undefined;
  q?: string | undefined;
  /** When set, only tasks led or coordinated by a unit in one of these subtrees. Must not be empty. */
  scopeRoots?: readonly string[] | undefined;
}

export interface InstanceFilter {
  year?: number | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  today: string;
}

/** Units in the subtrees under `roots` (the roots included). */
export function subtreeUnitIds(roots: readonly string[]): SQL {
  return sql`(WITH RECURSIVE scope(id) AS (
      SELECT id FROM unit_directory WHERE id IN (${sqlList(roots)})
      UNION SELECT u.id FROM unit_directory u JOIN scope s ON u.parent_id = s.id
    ) SELECT id FROM scope)`;
}

/** The instance conditions of the task list's year/status/overdue filters, on alias `i`. */
export function instanceConditions(f: InstanceFilter): SQL[] {
  const where: SQL[] = [];
  if (f.year !== undefined) where.push(sql`i.year = ${f.year}`);
  if (f.status) where.push(sql`i.status = ${f.status}`);
  if (f.overdue) where.push(sql`i.due_date < ${f.today} AND i.status NOT IN ('done', 'not_done')`);
  return where;
}

/**
 * The task list's filters on plan_tasks under the name `t` (the table itself, `plan_tasks`, or a query's
 * alias). An empty list means every task; `scopeRoots: []` is the caller's to answer (no task).
 */
export function taskConditions(f: PlanTaskFilter, t: 'plan_tasks' | 't'): SQL[] {
  const task = sql.raw(t);
  const where: SQL[] = [];
  if (f.phase) where.push(sql`${task}.phase = ${f.phase}`);
  if (f.section) where.push(sql`${task}.section = ${f.section}`);
  const inst = instanceConditions({
    year: f.year,
    status: f.status,
    overdue: f.overdue,
    today: f.today ?? '0001-01-01',
  });
  if (inst.length)
    where.push(
      sql`EXISTS (SELECT 1 FROM plan_task_instances i WHERE i.task_id = ${task}.id AND ${sql.join(inst, sql` AND `)})`,
    );
  if (f.unit)
    where.push(sql`EXISTS (SELECT 1 FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id
      WHERE tu.task_id = ${task}.id AND (u.id = ${f.unit} OR u.code = ${f.unit}))`);
  // strpos, not LIKE: the user's % and _ are plain characters here.
  if (f.q) where.push(sql`strpos(${task}.search_folded, vn_fold(${f.q})) > 0`);
  if (f.scopeRoots)
    where.push(sql`EXISTS (SELECT 1 FROM plan_task_units tu
      WHERE tu.task_id = ${task}.id AND tu.unit_id IN ${subtreeUnitIds(f.scopeRoots)})`);
  return where;
}
