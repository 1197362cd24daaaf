// Read-side SQL of the plan's live work: "My work", the rows of the task-list export, and the unit reports a
// reminder is due for.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, queryRowsNamed, sqlList, toDay } from '../../../db/sql.server.ts';
import type { PlanPhase, PlanSection, PlanTime } from '../plan.model.ts';
import type { PlanTask, PlanTaskUnit } from '../plan.repository.server.ts';
import {
  type InstanceFilter,
  instanceConditions,
  type PlanTaskFilter,
  subtreeUnitIds,
  taskConditions,
} from '../tasks/task-filter.repository.server.ts';
import { taskPageJson } from './task-page-json.repository.server.ts';

export interface WorkItem {
  instanceId: string;
  year: number;
  dueDate: string | null;
  taskId: string;
  phase: string;
  section: string;
  number: number;
  content: string;
  unitId: string;
  unitName: string;
  role: 'lead' | 'coordinating';
  state: string;
  status: string;
  percent: number;
  assignedToMe: boolean;
  assigneeName: string | null;
}

export interface ExportRow {
  phase: string;
  section: string;
  number: number;
  content: string;
  product: string;
  leadUnits: string;
  coordinatingUnits: string;
  timeText: string;
  year: number;
  dueDate: string | null;
  status: string;
}

export interface ReminderTarget {
  reportId: string;
  instanceId: string;
  dueDate: string;
  assigneeId: string;
  assigneeEmail: string;
  assigneeName: string;
  unitName: string;
  section: string;
  number: number;
  content: string;
  year: number;
}

const SECTION_ORDER = sql`array_position(ARRAY['I','II','III','IV','V','VI','VII']::text[], t.section)`;

/** One row per (task, unit), the lead role winning when a unit is both. */
const TASK_UNIT = sql`(SELECT DISTINCT ON (task_id, unit_id) task_id, unit_id, role FROM plan_task_units
  ORDER BY task_id, unit_id, (role = 'lead') DESC)`;

interface TaskJson {
  id: string;
  sourceKey: string | null;
  origin: 'source' | 'added';
  phase: string;
  section: string;
  sectionTitle: string;
  number: number;
  content: string;
  product: string;
  leadUnitsText: string;
  coordinatingUnitsText: string;
  leadGroups: string[] | null;
  coordinatingGroups: string[] | null;
  timeText: string;
  timeKind: string;
  timeFrom: number | null;
  timeTo: number | null;
  version: number;
  units: Array<PlanTaskUnit & { role: 'lead' | 'coordinating' }>;
  instances: PlanTask['instances'];
}

function timeOf(r: Pick<TaskJson, 'timeKind' | 'timeFrom' | 'timeTo'>): PlanTime {
  if (r.timeKind === 'range' && r.timeFrom !== null && r.timeTo !== null)
    return { kind: 'range', from: r.timeFrom, to: r.timeTo };
  if (r.timeKind === 'year' && r.timeFrom !== null) return { kind: 'year', year: r.timeFrom };
  return { kind: r.timeKind === 'yearly' ? 'yearly' : 'unspecified' };
}

function taskFromJson(r: TaskJson): PlanTask {
  const { units, timeKind, timeFrom, timeTo, ...rest } = r;
  const of = (role: 'lead' | 'coordinating') =>
    units.filter((u) => u.role === role).map((u) => ({ id: u.id, code: u.code, name: u.name }));
  return {
    ...rest,
    phase: r.phase as PlanPhase,
    section: r.section as PlanSection,
    leadGroups: r.leadGroups ?? [],
    coordinatingGroups: r.coordinatingGroups ?? [],
    time: timeOf({ timeKind, timeFrom, timeTo }),
    leadUnits: of('lead'),
    coordinatingUnits: of('coordinating'),
  };
}

export interface PlanTaskPageRows {
  /** Tasks matching the filters, on every page. */
  total: number;
  tasks: PlanTask[];
  /** Units that lead or coordinate some task (the unit filter's options), when asked for. */
  units?: PlanTaskUnit[];
}

export function createPlanWorkQueries() {
  return {
    /** The whole `GET /api/v1/plan/tasks` answer as JSON text built by PostgreSQL (task-page-json.repository). */
    taskPageJson,

    /**
     * One page of the task list in ONE statement (issue 17): the count of all matches, the page's tasks with
     * their units and yearly instances as JSON, and optionally the unit filter's options. Plan order, then id,
     * so pages never overlap.
     */
    async taskPage(
      db: Db,
      f: PlanTaskFilter,
      page: { offset: number; limit: number; withUnits?: boolean },
    ): Promise<PlanTaskPageRows> {
      if (f.scopeRoots && f.scopeRoots.length === 0)
        return { total: 0, tasks: [], ...(page.withUnits ? { units: [] } : {}) };
      const where = taskConditions(f, 't');
      const units = page.withUnits
        ? sql`, (SELECT coalesce(json_agg(json_build_object('id', x.id, 'code', x.code, 'name', x.name) ORDER BY x.name), '[]'::json)
              FROM (SELECT DISTINCT u.id, u.code, u.name FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id) x) AS units`
        : sql``;
      // Named: planning this statement cost more than running it (~1.0 vs 0.9 ms); PostgreSQL keeps it per
      // connection. Filters and paging are parameters, so there is one text per combination of filters.
      const [row] = await queryRowsNamed<{ total: number; tasks: TaskJson[]; units?: PlanTaskUnit[] }>(
        db,
        sql`WITH matched AS (
              SELECT t.*, ${SECTION_ORDER} AS section_order FROM plan_tasks t
              ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
            ), page AS (
              SELECT * FROM matched ORDER BY phase, section_order, number, id LIMIT ${page.limit} OFFSET ${page.offset}
            )
            SELECT (SELECT count(*) FROM matched)::int AS total,
              (SELECT coalesce(json_agg(json_build_object(
                'id', p.id, 'sourceKey', p.source_key, 'origin', p.origin, 'phase', p.phase, 'section', p.section,
                'sectionTitle', p.section_title, 'number', p.number, 'content', p.content, 'product', p.product,
                'leadUnitsText', p.lead_units_text, 'coordinatingUnitsText', p.coordinating_units_text,
                'leadGroups', p.lead_groups, 'coordinatingGroups', p.coordinating_groups, 'timeText', p.time_text,
                'timeKind', p.time_kind, 'timeFrom', p.time_from, 'timeTo', p.time_to, 'version', p.version,
                'units', (SELECT coalesce(json_agg(json_build_object('role', tu.role, 'id', u.id, 'code', u.code,
                      'name', u.name) ORDER BY tu.role, tu.position), '[]'::json)
                    FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id WHERE tu.task_id = p.id),
                'instances', (SELECT coalesce(json_agg(json_build_object('id', i.id, 'year', i.year,
                      'dueDate', i.due_date, 'status', i.status, 'yearInferred', i.year_inferred) ORDER BY i.year),
                      '[]'::json)
                    FROM plan_task_instances i WHERE i.task_id = p.id)
              ) ORDER BY p.phase, p.section_order, p.number, p.id), '[]'::json) FROM page p) AS tasks
              ${units}`,
      );
      return {
        total: Number(row?.total ?? 0),
        tasks: (row?.tasks ?? []).map(taskFromJson),
        ...(page.withUnits ? { units: row?.units ?? [] } : {}),
      };
    },

    /**
     * Unit parts not yet approved, of instances up to `maxYear`, that are the actor's: assigned to them, of
     * units in `unitRoots` subtrees, or (for reviewers) submitted and awaiting review. Earliest due first.
     */
    async myWork(
      db: Db,
      q: { userId: string; unitRoots: readonly string[]; reviewer: boolean; maxYear: number; limit?: number },
    ): Promise<WorkItem[]> {
      const who: SQL[] = [sql`r.assignee_id = ${q.userId}`];
      if (q.unitRoots.length) who.push(sql`tu.unit_id IN ${subtreeUnitIds(q.unitRoots)}`);
      if (q.reviewer) who.push(sql`r.state = 'submitted'`);
      const rows = await queryRows<{
        instance_id: string;
        year: number;
        due_date: unknown;
        task_id: string;
        phase: string;
        section: string;
        number: number;
        content: string;
        unit_id: string;
        unit_name: string;
        role: 'lead' | 'coordinating';
        state: string | null;
        status: string | null;
        percent: number | null;
        assignee_id: string | null;
        assignee_name: string | null;
      }>(
        db,
        sql`SELECT i.id AS instance_id, i.year, i.due_date, t.id AS task_id, t.phase, t.section, t.number,
              t.content, u.id AS unit_id, u.name AS unit_name, tu.role, r.state, r.status, r.percent,
              r.assignee_id, a.name AS assignee_name
            FROM plan_task_instances i
            JOIN plan_tasks t ON t.id = i.task_id
            JOIN ${TASK_UNIT} tu ON tu.task_id = t.id
            JOIN unit_directory u ON u.id = tu.unit_id
            LEFT JOIN plan_unit_reports r ON r.instance_id = i.id AND r.unit_id = tu.unit_id
            LEFT JOIN user_directory a ON a.id = r.assignee_id
            WHERE (${sql.join(who, sql` OR `)})
              AND coalesce(r.state, 'draft') <> 'approved' AND i.year <= ${q.maxYear}
            ORDER BY i.due_date NULLS LAST, t.phase, ${SECTION_ORDER}, t.number, u.name
            LIMIT ${q.limit ?? 500}`,
      );
      return rows.map((r) => ({
        instanceId: r.instance_id,
        year: Number(r.year),
        dueDate: toDay(r.due_date),
        taskId: r.task_id,
        phase: r.phase,
        section: r.section,
        number: Number(r.number),
        content: r.content,
        unitId: r.unit_id,
        unitName: r.unit_name,
        role: r.role,
        state: r.state ?? 'draft',
        status: r.status ?? 'not_started',
        percent: Number(r.percent ?? 0),
        assignedToMe: r.assignee_id === q.userId,
        assigneeName: r.assignee_name,
      }));
    },

    /** One row per instance of the given tasks (already filtered by the caller), in plan order. */
    async exportRows(db: Db, taskIds: readonly string[], f: InstanceFilter): Promise<ExportRow[]> {
      if (taskIds.length === 0) return [];
      const where = [sql`i.task_id IN (${sqlList(taskIds)})`, ...instanceConditions(f)];
      const rows = await queryRows<{
        phase: string;
        section: string;
        number: number;
        content: string;
        product: string;
        lead: string | null;
        coordinating: string | null;
        time_text: string;
        year: number;
        due_date: unknown;
        status: string;
      }>(
        db,
        sql`SELECT t.phase, t.section, t.number, t.content, t.product, t.time_text, i.year, i.due_date, i.status,
              (SELECT string_agg(u.name, '; ' ORDER BY tu.position) FROM plan_task_units tu
                 JOIN unit_directory u ON u.id = tu.unit_id WHERE tu.task_id = t.id AND tu.role = 'lead') AS lead,
              (SELECT string_agg(u.name, '; ' ORDER BY tu.position) FROM plan_task_units tu
                 JOIN unit_directory u ON u.id = tu.unit_id WHERE tu.task_id = t.id AND tu.role = 'coordinating') AS coordinating
            FROM plan_task_instances i JOIN plan_tasks t ON t.id = i.task_id
            WHERE ${sql.join(where, sql` AND `)}
            ORDER BY t.phase, ${SECTION_ORDER}, t.number, i.year`,
      );
      return rows.map((r) => ({
        phase: r.phase,
        section: r.section,
        number: Number(r.number),
        content: r.content,
        product: r.product,
        leadUnits: r.lead ?? '',
        coordinatingUnits: r.coordinating ?? '',
        timeText: r.time_text,
        year: Number(r.year),
        dueDate: toDay(r.due_date),
        status: r.status,
      }));
    },

    /** Assigned reports not yet submitted whose instance is due on one of `dueDates`. */
    async reminderTargets(db: Db, dueDates: readonly string[]): Promise<ReminderTarget[]> {
      if (dueDates.length === 0) return [];
      const rows = await queryRows<{
        report_id: string;
        instance_id: string;
        due_date: unknown;
        assignee_id: string;
        email: string;
        name: string;
        unit_name: string;
        section: string;
        number: number;
        content: string;
        year: number;
      }>(
        db,
        sql`SELECT r.id AS report_id, i.id AS instance_id, i.due_date, r.assignee_id, a.email, a.name,
              u.name AS unit_name, t.section, t.number, t.content, i.year
            FROM plan_unit_reports r
            JOIN plan_task_instances i ON i.id = r.instance_id
            JOIN plan_tasks t ON t.id = i.task_id
            JOIN unit_directory u ON u.id = r.unit_id
            JOIN user_directory a ON a.id = r.assignee_id AND a.disabled_at IS NULL
            WHERE r.state IN ('draft', 'ready', 'returned')
              AND i.due_date IN (${sql.join(
                dueDates.map((d) => sql`${d}::date`),
                sql`, `,
              )})
            ORDER BY r.id`,
      );
      return rows.map((r) => ({
        reportId: r.report_id,
        instanceId: r.instance_id,
        dueDate: toDay(r.due_date) ?? '',
        assigneeId: r.assignee_id,
        assigneeEmail: r.email,
        assigneeName: r.name,
        unitName: r.unit_name,
        section: r.section,
        number: Number(r.number),
        content: r.content,
        year: Number(r.year),
      }));
    },
  };
}
export type PlanWorkQueries = ReturnType<typeof createPlanWorkQueries>;
