// All SQL touching plan tasks, their units and instances, and the commemorative days.
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import { newId } from './plan.ids.server.ts';
import type { PlanPhase, PlanSection, PlanTime } from './plan.model.ts';
import { commemorativeDays, planTaskInstances, planTasks, planTaskUnits } from './plan.table.server.ts';
import { type PlanTaskFilter, taskConditions } from './tasks/task-filter.repository.server.ts';

export type PlanUnitRole = 'lead' | 'coordinating';

/** The columns a source row (or an added task) writes. */
export interface PlanTaskValues {
  sourceKey: string;
  phase: PlanPhase;
  section: PlanSection;
  sectionTitle: string;
  number: number;
  content: string;
  product: string;
  leadUnitsText: string;
  coordinatingUnitsText: string;
  leadGroups: string[];
  coordinatingGroups: string[];
  timeText: string;
  time: PlanTime;
}

export type { PlanTaskFilter } from './tasks/task-filter.repository.server.ts';

export interface PlanTaskUnit {
  id: string;
  code: string;
  name: string;
}

export interface PlanTaskInstance {
  id: string;
  year: number;
  dueDate: string | null;
  status: string;
  yearInferred: boolean;
}

export interface PlanTask {
  id: string;
  sourceKey: string | null;
  origin: 'source' | 'added';
  phase: PlanPhase;
  section: PlanSection;
  sectionTitle: string;
  number: number;
  content: string;
  product: string;
  leadUnitsText: string;
  coordinatingUnitsText: string;
  leadGroups: string[];
  coordinatingGroups: string[];
  timeText: string;
  time: PlanTime;
  leadUnits: PlanTaskUnit[];
  coordinatingUnits: PlanTaskUnit[];
  instances: PlanTaskInstance[];
  /** Optimistic version of the task's wording, units and years (editPlanTask). */
  version: number;
}

export interface CommemorativeDayValues {
  code: string;
  name: string;
  month: number;
  day: number;
  endMonth: number | null;
  endDay: number | null;
  sourceNote: string | null;
}
export type CommemorativeDay = CommemorativeDayValues & { id: string };

type TaskRecord = typeof planTasks.$inferSelect;

function timeColumns(time: PlanTime): { timeKind: string; timeFrom: number | null; timeTo: number | null } {
  switch (time.kind) {
    case 'range':
      return { timeKind: 'range', timeFrom: time.from, timeTo: time.to };
    case 'year':
      return { timeKind: 'year', timeFrom: time.year, timeTo: time.year };
    default:
      return { timeKind: time.kind, timeFrom: null, timeTo: null };
  }
}

function timeFromColumns(r: Pick<TaskRecord, 'timeKind' | 'timeFrom' | 'timeTo'>): PlanTime {
  if (r.timeKind === 'range' && r.timeFrom !== null && r.timeTo !== null)
    return { kind: 'range', from: r.timeFrom, to: r.timeTo };
  if (r.timeKind === 'year' && r.timeFrom !== null) return { kind: 'year', year: r.timeFrom };
  return { kind: r.timeKind === 'yearly' ? 'yearly' : 'unspecified' };
}

const SECTION_ORDER = sql`array_position(ARRAY['I','II','III','IV','V','VI','VII']::text[], ${planTasks.section})`;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function createPlanRepository() {
  async function hydrate(db: Db, records: TaskRecord[]): Promise<PlanTask[]> {
    if (records.length === 0) return [];
    const ids = records.map((r) => r.id);
    const units = await queryRows<{
      task_id: string;
      role: PlanUnitRole;
      id: string;
      code: string;
      name: string;
    }>(
      db,
      sql`SELECT tu.task_id, tu.role, u.id, u.code, u.name
          FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id
          WHERE tu.task_id = ANY(${textArray(ids)}::text[])
          ORDER BY tu.task_id, tu.role, tu.position`,
    );
    // One array parameter, not one per task: the whole plan is ~hundreds of tasks (issue 17's API target).
    const instances = await db
      .select()
      .from(planTaskInstances)
      .where(sql`${planTaskInstances.taskId} = ANY(${textArray(ids)}::text[])`)
      .orderBy(asc(planTaskInstances.year));
    // Grouped once by task (keeping the query's order), not filtered again for every task.
    const unitsOf = groupBy(units, (u) => u.task_id);
    const instancesOf = groupBy(instances, (i) => i.taskId);
    return records.map((r) => {
      const mine = unitsOf.get(r.id) ?? [];
      const pick = (role: PlanUnitRole) =>
        mine.filter((u) => u.role === role).map((u) => ({ id: u.id, code: u.code, name: u.name }));
      return {
        id: r.id,
        sourceKey: r.sourceKey,
        origin: r.origin,
        phase: r.phase as PlanPhase,
        section: r.section as PlanSection,
        sectionTitle: r.sectionTitle,
        number: r.number,
        content: r.content,
        product: r.product,
        leadUnitsText: r.leadUnitsText,
        coordinatingUnitsText: r.coordinatingUnitsText,
        leadGroups: r.leadGroups,
        coordinatingGroups: r.coordinatingGroups,
        timeText: r.timeText,
        time: timeFromColumns(r),
        leadUnits: pick('lead'),
        coordinatingUnits: pick('coordinating'),
        instances: (instancesOf.get(r.id) ?? []).map((i) => ({
          id: i.id,
          year: i.year,
          dueDate: i.dueDate,
          status: i.status,
          yearInferred: i.yearInferred,
        })),
        version: r.version,
      };
    });
  }

  return {
    async list(db: Db, f: PlanTaskFilter): Promise<PlanTask[]> {
      if (f.scopeRoots && f.scopeRoots.length === 0) return [];
      const where = taskConditions(f, 'plan_tasks');
      const records = await db
        .select()
        .from(planTasks)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(planTasks.phase), asc(SECTION_ORDER), asc(planTasks.number));
      return hydrate(db, records);
    },

    async get(db: Db, id: string, scopeRoots?: readonly string[]): Promise<PlanTask | null> {
      if (scopeRoots && scopeRoots.length === 0) return null;
      const where = [eq(planTasks.id, id), ...taskConditions({ scopeRoots }, 'plan_tasks')];
      const records = await db
        .select()
        .from(planTasks)
        .where(and(...where))
        .limit(1);
      return (await hydrate(db, records))[0] ?? null;
    },

    async getBySourceKey(db: Db, sourceKey: string): Promise<PlanTask | null> {
      const records = await db.select().from(planTasks).where(eq(planTasks.sourceKey, sourceKey)).limit(1);
      return (await hydrate(db, records))[0] ?? null;
    },

    /** Units that lead or coordinate at least one task (for the unit filter). */
    async unitsInPlan(db: Db): Promise<PlanTaskUnit[]> {
      return queryRows<PlanTaskUnit>(
        db,
        sql`SELECT DISTINCT u.id, u.code, u.name FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id
            ORDER BY u.name`,
      );
    },

    /**
     * Inserts a source task or brings it in line with `v`; touches nothing (not even updated_at) when the
     * stored row already matches. Returns the task id and whether anything was written.
     */
    async upsertSourceTask(db: Db, v: PlanTaskValues): Promise<{ id: string; written: boolean }> {
      const cols = {
        phase: v.phase,
        section: v.section,
        sectionTitle: v.sectionTitle,
        number: v.number,
        content: v.content,
        product: v.product,
        leadUnitsText: v.leadUnitsText,
        coordinatingUnitsText: v.coordinatingUnitsText,
        leadGroups: v.leadGroups,
        coordinatingGroups: v.coordinatingGroups,
        timeText: v.timeText,
        ...timeColumns(v.time),
      };
      const written = await db
        .insert(planTasks)
        .values({ id: newId('task'), sourceKey: v.sourceKey, origin: 'source', ...cols })
        .onConflictDoUpdate({
          target: planTasks.sourceKey,
          set: { ...cols, updatedAt: sql`now()`, version: sql`plan_tasks.version + 1` },
          setWhere: sql`(plan_tasks.phase, plan_tasks.section, plan_tasks.section_title, plan_tasks.number,
            plan_tasks.content, plan_tasks.product, plan_tasks.lead_units_text, plan_tasks.coordinating_units_text,
            plan_tasks.lead_groups, plan_tasks.coordinating_groups, plan_tasks.time_text, plan_tasks.time_kind,
            plan_tasks.time_from, plan_tasks.time_to)
            IS DISTINCT FROM (excluded.phase, excluded.section, excluded.section_title, excluded.number,
            excluded.content, excluded.product, excluded.lead_units_text, excluded.coordinating_units_text,
            excluded.lead_groups, excluded.coordinating_groups, excluded.time_text, excluded.time_kind,
            excluded.time_from, excluded.time_to)
            AND NOT EXISTS (SELECT 1 FROM plan_task_edits e WHERE e.task_id = plan_tasks.id)`,
        })
        .returning({ id: planTasks.id });
      if (written[0]) return { id: written[0].id, written: true };
      const existing = await db
        .select({ id: planTasks.id })
        .from(planTasks)
        .where(eq(planTasks.sourceKey, v.sourceKey));
      if (!existing[0]) throw new Error(`plan task ${v.sourceKey} vanished during upsert`);
      return { id: existing[0].id, written: false };
    },

    /** Makes the task's units for `role` exactly `unitIds`, in that order. Returns the number of rows changed. */
    async syncTaskUnits(
      db: Db,
      taskId: string,
      role: PlanUnitRole,
      unitIds: readonly string[],
    ): Promise<number> {
      const scope = and(eq(planTaskUnits.taskId, taskId), eq(planTaskUnits.role, role));
      const removed = await db
        .delete(planTaskUnits)
        .where(unitIds.length ? and(scope, notInArray(planTaskUnits.unitId, [...unitIds])) : scope)
        .returning({ unitId: planTaskUnits.unitId });
      let changed = removed.length;
      for (const [position, unitId] of unitIds.entries()) {
        const r = await db
          .insert(planTaskUnits)
          .values({ taskId, unitId, role, position })
          .onConflictDoUpdate({
            target: [planTaskUnits.taskId, planTaskUnits.unitId, planTaskUnits.role],
            set: { position },
            setWhere: sql`plan_task_units.position <> excluded.position`,
          })
          .returning({ unitId: planTaskUnits.unitId });
        changed += r.length;
      }
      return changed;
    },

    /** Creates the missing yearly instances; existing ones (which may carry progress) are left alone. */
    async ensureInstances(
      db: Db,
      taskId: string,
      years: ReadonlyArray<{ year: number; inferred: boolean }>,
    ): Promise<number> {
      if (years.length === 0) return 0;
      const r = await db
        .insert(planTaskInstances)
        .values(
          years.map((y) => ({
            id: newId('ins'),
            taskId,
            year: y.year,
            status: 'not_started',
            yearInferred: y.inferred,
          })),
        )
        .onConflictDoNothing({ target: [planTaskInstances.taskId, planTaskInstances.year] })
        .returning({ id: planTaskInstances.id });
      return r.length;
    },

    async upsertCommemorativeDay(db: Db, v: CommemorativeDayValues): Promise<boolean> {
      const { code, ...cols } = v;
      const r = await db
        .insert(commemorativeDays)
        .values({ id: newId('day'), code, ...cols })
        .onConflictDoUpdate({
          target: commemorativeDays.code,
          set: { ...cols, updatedAt: sql`now()` },
          setWhere: sql`(commemorative_days.name, commemorative_days.month, commemorative_days.day,
            commemorative_days.end_month, commemorative_days.end_day, commemorative_days.source_note)
            IS DISTINCT FROM (excluded.name, excluded.month, excluded.day, excluded.end_month, excluded.end_day,
            excluded.source_note)`,
        })
        .returning({ id: commemorativeDays.id });
      return r.length > 0;
    },

    async listCommemorativeDays(db: Db): Promise<CommemorativeDay[]> {
      return db
        .select({
          id: commemorativeDays.id,
          code: commemorativeDays.code,
          name: commemorativeDays.name,
          month: commemorativeDays.month,
          day: commemorativeDays.day,
          endMonth: commemorativeDays.endMonth,
          endDay: commemorativeDays.endDay,
          sourceNote: commemorativeDays.sourceNote,
        })
        .from(commemorativeDays)
        .orderBy(asc(commemorativeDays.month), asc(commemorativeDays.day));
    },
  };
}
export type PlanRepository = ReturnType<typeof createPlanRepository>;
