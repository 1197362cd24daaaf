// All SQL of the plan's budget: estimate lines per (instance, unit), their appraisal and spending, totals.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, sqlList } from '../../../db/sql.server.ts';
import { newId } from '../plan.ids.server.ts';
import { type BudgetSource, planBudgetLines } from './budget.table.server.ts';

export interface BudgetLineFilter {
  year?: number | undefined;
  /** A unit id or code: that unit's lines. */
  unit?: string | undefined;
  instanceId?: string | undefined;
  taskId?: string | undefined;
  source?: BudgetSource | undefined;
  /** When set, only lines of units in these subtrees. Must not be empty. */
  scopeRoots?: readonly string[] | undefined;
  /** At most this many lines (totals always cover the whole selection). */
  limit?: number | undefined;
}

export interface BudgetLine {
  id: string;
  instanceId: string;
  year: number;
  taskId: string;
  taskPhase: string;
  taskSection: string;
  taskNumber: number;
  taskContent: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  content: string;
  amount: number;
  source: BudgetSource;
  approvedAmount: number | null;
  appraisalComment: string | null;
  appraisedByName: string | null;
  appraisedAt: Date | null;
  spentAmount: number | null;
  spentDocument: string | null;
  spentByName: string | null;
  spentAt: Date | null;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BudgetSums {
  lines: number;
  estimated: number;
  approved: number;
  spent: number;
}
export interface BudgetTotals {
  all: BudgetSums;
  byUnit: Array<BudgetSums & { unitId: string; unitName: string }>;
  bySource: Array<BudgetSums & { source: BudgetSource }>;
  byYear: Array<BudgetSums & { year: number }>;
}

/** An instance with the units that lead or coordinate its task (the units a line may belong to). */
export interface BudgetInstance {
  id: string;
  year: number;
  status: string;
  dueDate: string | null;
  taskId: string;
  taskPhase: string;
  taskSection: string;
  taskNumber: number;
  taskContent: string;
  units: Array<{ id: string; code: string; name: string; role: 'lead' | 'coordinating' }>;
}

export interface NewBudgetLine {
  instanceId: string;
  unitId: string;
  content: string;
  amount: number;
  source: BudgetSource;
  createdBy: string | null;
  createdByName: string | null;
}

export type BudgetLinePatch = Partial<
  Pick<
    typeof planBudgetLines.$inferInsert,
    | 'content'
    | 'amount'
    | 'source'
    | 'approvedAmount'
    | 'appraisalComment'
    | 'appraisedBy'
    | 'appraisedByName'
    | 'appraisedAt'
    | 'spentAmount'
    | 'spentDocument'
    | 'spentBy'
    | 'spentByName'
    | 'spentAt'
  >
>;

interface LineRow {
  id: string;
  instance_id: string;
  year: number;
  task_id: string;
  task_phase: string;
  task_section: string;
  task_number: number;
  task_content: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  content: string;
  amount: string | number;
  source: BudgetSource;
  approved_amount: string | number | null;
  appraisal_comment: string | null;
  appraised_by_name: string | null;
  appraised_at: string | Date | null;
  spent_amount: string | number | null;
  spent_document: string | null;
  spent_by_name: string | null;
  spent_at: string | Date | null;
  created_by_name: string | null;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const date = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

function toLine(r: LineRow): BudgetLine {
  return {
    id: r.id,
    instanceId: r.instance_id,
    year: Number(r.year),
    taskId: r.task_id,
    taskPhase: r.task_phase,
    taskSection: r.task_section,
    taskNumber: Number(r.task_number),
    taskContent: r.task_content,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    content: r.content,
    amount: Number(r.amount),
    source: r.source,
    approvedAmount: num(r.approved_amount),
    appraisalComment: r.appraisal_comment,
    appraisedByName: r.appraised_by_name,
    appraisedAt: date(r.appraised_at),
    spentAmount: num(r.spent_amount),
    spentDocument: r.spent_document,
    spentByName: r.spent_by_name,
    spentAt: date(r.spent_at),
    createdByName: r.created_by_name,
    version: Number(r.version),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

const LINE_SELECT = sql`SELECT b.id, b.instance_id, i.year, t.id AS task_id, t.phase AS task_phase,
    t.section AS task_section, t.number AS task_number, t.content AS task_content,
    u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, b.content, b.amount, b.source,
    b.approved_amount, b.appraisal_comment, b.appraised_by_name, b.appraised_at,
    b.spent_amount, b.spent_document, b.spent_by_name, b.spent_at, b.created_by_name,
    b.version, b.created_at, b.updated_at
  FROM plan_budget_lines b
  JOIN plan_task_instances i ON i.id = b.instance_id
  JOIN plan_tasks t ON t.id = i.task_id
  JOIN unit_directory u ON u.id = b.unit_id`;

const LINE_ORDER = sql`ORDER BY i.year, t.phase,
  array_position(ARRAY['I','II','III','IV','V','VI','VII']::text[], t.section), t.number, u.name, b.created_at, b.id`;

function whereSql(f: BudgetLineFilter): SQL {
  const where: SQL[] = [sql`TRUE`];
  if (f.year !== undefined) where.push(sql`i.year = ${f.year}`);
  if (f.unit) where.push(sql`(u.id = ${f.unit} OR u.code = ${f.unit})`);
  if (f.instanceId) where.push(sql`b.instance_id = ${f.instanceId}`);
  if (f.taskId) where.push(sql`t.id = ${f.taskId}`);
  if (f.source) where.push(sql`b.source = ${f.source}`);
  if (f.scopeRoots)
    where.push(sql`b.unit_id IN (WITH RECURSIVE scope(id) AS (
        SELECT id FROM unit_directory WHERE id IN (${sqlList(f.scopeRoots)})
        UNION SELECT c.id FROM unit_directory c JOIN scope s ON c.parent_id = s.id
      ) SELECT id FROM scope)`);
  return sql.join(where, sql` AND `);
}

const SUMS = sql`count(*)::int AS lines, coalesce(sum(b.amount), 0)::text AS estimated,
  coalesce(sum(b.approved_amount), 0)::text AS approved, coalesce(sum(b.spent_amount), 0)::text AS spent`;

interface SumsRow {
  lines: number;
  estimated: string;
  approved: string;
  spent: string;
}
const sums = (r: SumsRow): BudgetSums => ({
  lines: Number(r.lines),
  estimated: Number(r.estimated),
  approved: Number(r.approved),
  spent: Number(r.spent),
});

export function createPlanBudgetRepository() {
  return {
    async list(db: Db, f: BudgetLineFilter): Promise<BudgetLine[]> {
      if (f.scopeRoots && f.scopeRoots.length === 0) return [];
      const limit = f.limit === undefined ? sql`` : sql`LIMIT ${f.limit}`;
      const rows = await queryRows<LineRow>(
        db,
        sql`${LINE_SELECT} WHERE ${whereSql(f)} ${LINE_ORDER} ${limit}`,
      );
      return rows.map(toLine);
    },

    async get(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<BudgetLine | null> {
      const lock = opts.forUpdate ? sql`FOR UPDATE OF b` : sql``;
      const rows = await queryRows<LineRow>(db, sql`${LINE_SELECT} WHERE b.id = ${id} ${lock}`);
      return rows[0] ? toLine(rows[0]) : null;
    },

    async insert(db: Db, v: NewBudgetLine): Promise<string> {
      const id = newId('bud');
      await db.insert(planBudgetLines).values({ id, ...v, version: 1 });
      return id;
    },

    /** Applies `patch` when the stored version is `version`; false when someone else wrote first. */
    async update(db: Db, id: string, version: number, patch: BudgetLinePatch): Promise<boolean> {
      const r = await db
        .update(planBudgetLines)
        .set({ ...patch, version: sql`${planBudgetLines.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(planBudgetLines.id, id), eq(planBudgetLines.version, version)))
        .returning({ id: planBudgetLines.id });
      return r.length > 0;
    },

    async remove(db: Db, id: string, version: number): Promise<boolean> {
      const r = await db
        .delete(planBudgetLines)
        .where(and(eq(planBudgetLines.id, id), eq(planBudgetLines.version, version)))
        .returning({ id: planBudgetLines.id });
      return r.length > 0;
    },

    async totals(db: Db, f: BudgetLineFilter): Promise<BudgetTotals> {
      const empty: BudgetTotals = {
        all: { lines: 0, estimated: 0, approved: 0, spent: 0 },
        byUnit: [],
        bySource: [],
        byYear: [],
      };
      if (f.scopeRoots && f.scopeRoots.length === 0) return empty;
      const from = sql`FROM plan_budget_lines b
        JOIN plan_task_instances i ON i.id = b.instance_id
        JOIN plan_tasks t ON t.id = i.task_id
        JOIN unit_directory u ON u.id = b.unit_id
        WHERE ${whereSql(f)}`;
      const [all, byUnit, bySource, byYear] = await Promise.all([
        queryRows<SumsRow>(db, sql`SELECT ${SUMS} ${from}`),
        queryRows<SumsRow & { unit_id: string; unit_name: string }>(
          db,
          sql`SELECT u.id AS unit_id, u.name AS unit_name, ${SUMS} ${from} GROUP BY u.id, u.name ORDER BY u.name`,
        ),
        queryRows<SumsRow & { source: BudgetSource }>(
          db,
          sql`SELECT b.source, ${SUMS} ${from} GROUP BY b.source
              ORDER BY array_position(ARRAY['ngan_sach_su_nghiep','xa_hoi_hoa','nguon_hop_phap_khac']::text[], b.source)`,
        ),
        queryRows<SumsRow & { year: number }>(
          db,
          sql`SELECT i.year, ${SUMS} ${from} GROUP BY i.year ORDER BY i.year`,
        ),
      ]);
      return {
        all: all[0] ? sums(all[0]) : empty.all,
        byUnit: byUnit.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, ...sums(r) })),
        bySource: bySource.map((r) => ({ source: r.source, ...sums(r) })),
        byYear: byYear.map((r) => ({ year: Number(r.year), ...sums(r) })),
      };
    },

    async instance(db: Db, instanceId: string): Promise<BudgetInstance | null> {
      const rows = await queryRows<{
        id: string;
        year: number;
        status: string;
        due_date: string | Date | null;
        task_id: string;
        task_phase: string;
        task_section: string;
        task_number: number;
        task_content: string;
      }>(
        db,
        sql`SELECT i.id, i.year, i.status, i.due_date::text AS due_date, t.id AS task_id, t.phase AS task_phase,
              t.section AS task_section, t.number AS task_number, t.content AS task_content
            FROM plan_task_instances i JOIN plan_tasks t ON t.id = i.task_id WHERE i.id = ${instanceId}`,
      );
      const r = rows[0];
      if (!r) return null;
      const units = await queryRows<{
        id: string;
        code: string;
        name: string;
        role: 'lead' | 'coordinating';
      }>(
        db,
        sql`SELECT u.id, u.code, u.name, tu.role FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id
            WHERE tu.task_id = ${r.task_id} ORDER BY tu.role DESC, tu.position`,
      );
      return {
        id: r.id,
        year: Number(r.year),
        status: r.status,
        dueDate: r.due_date === null ? null : String(r.due_date),
        taskId: r.task_id,
        taskPhase: r.task_phase,
        taskSection: r.task_section,
        taskNumber: Number(r.task_number),
        taskContent: r.task_content,
        units,
      };
    },
  };
}
export type PlanBudgetRepository = ReturnType<typeof createPlanBudgetRepository>;
