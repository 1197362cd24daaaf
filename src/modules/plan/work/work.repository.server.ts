// SQL for the plan as live work: unit reports (one unit's part of a yearly instance), their evidence, the
// instance timeline and due dates. Task edits and "My work" live in plan-work-queries.repository.ts.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRows, sqlList, toDate, toDay } from '../../../db/sql.server.ts';
import { newId } from '../plan.ids.server.ts';
import { createPlanEvidenceSql } from './evidence.repository.server.ts';

export type { Evidence, NewEvidence } from './evidence.repository.server.ts';

import type { ReportState, ReportStatus } from './work.vocab.ts';

export {
  RECORD_TYPES,
  REPORT_STATES,
  REPORT_STATUSES,
  type RecordType,
  type ReportState,
  type ReportStatus,
} from './work.vocab.ts';

export interface PlanInstanceRow {
  id: string;
  taskId: string;
  year: number;
  dueDate: string | null;
  status: string;
  /** Optimistic version of the instance's own fields (the due date). */
  version: number;
}

export interface InstanceUnit {
  id: string;
  code: string;
  name: string;
  role: 'lead' | 'coordinating';
}

export interface UnitReport {
  id: string;
  instanceId: string;
  unitId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  status: ReportStatus;
  statusReason: string | null;
  percent: number;
  narrative: string;
  state: ReportState;
  returnComment: string | null;
  version: number;
  submittedAt: Date | null;
  approvedAt: Date | null;
  updatedAt: Date;
}

export interface ReportFields {
  status: ReportStatus;
  statusReason: string | null;
  percent: number;
  narrative: string;
}

export interface InstanceEvent {
  id: string;
  instanceId: string;
  reportId: string | null;
  unitId: string | null;
  unitName: string | null;
  kind: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  actorName: string | null;
  at: Date;
}

export interface NewInstanceEvent {
  instanceId: string;
  reportId?: string | null;
  unitId?: string | null;
  kind: string;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  actorId: string | null;
  actorName: string | null;
}

const REPORT_COLUMNS = sql`r.id, r.instance_id, r.unit_id, r.assignee_id, a.name AS assignee_name,
  a.email AS assignee_email, r.status, r.status_reason, r.percent, r.narrative, r.state, r.return_comment,
  r.version, r.submitted_at, r.approved_at, r.updated_at`;

type ReportRecord = {
  id: string;
  instance_id: string;
  unit_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  status: ReportStatus;
  status_reason: string | null;
  percent: number;
  narrative: string;
  state: ReportState;
  return_comment: string | null;
  version: number;
  submitted_at: unknown;
  approved_at: unknown;
  updated_at: unknown;
};

function reportFrom(r: ReportRecord): UnitReport {
  return {
    id: r.id,
    instanceId: r.instance_id,
    unitId: r.unit_id,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    assigneeEmail: r.assignee_email,
    status: r.status,
    statusReason: r.status_reason,
    percent: Number(r.percent),
    narrative: r.narrative,
    state: r.state,
    returnComment: r.return_comment,
    version: Number(r.version),
    submittedAt: toDate(r.submitted_at),
    approvedAt: toDate(r.approved_at),
    updatedAt: toDate(r.updated_at) ?? new Date(0),
  };
}

export function createPlanWorkRepository() {
  async function reportWhere(db: Db, where: SQL, lock = false): Promise<UnitReport | null> {
    const rows = await queryRows<ReportRecord>(
      db,
      sql`SELECT ${REPORT_COLUMNS} FROM plan_unit_reports r LEFT JOIN user_directory a ON a.id = r.assignee_id
          WHERE ${where} LIMIT 1 ${lock ? sql`FOR UPDATE OF r` : sql``}`,
    );
    return rows[0] ? reportFrom(rows[0]) : null;
  }

  return {
    async getInstance(db: Db, instanceId: string): Promise<PlanInstanceRow | null> {
      const rows = await queryRows<{
        id: string;
        task_id: string;
        year: number;
        due_date: unknown;
        status: string;
        version: number;
      }>(
        db,
        sql`SELECT id, task_id, year, due_date, status, version FROM plan_task_instances WHERE id = ${instanceId}`,
      );
      const r = rows[0];
      return r
        ? {
            id: r.id,
            taskId: r.task_id,
            year: Number(r.year),
            dueDate: toDay(r.due_date),
            status: r.status,
            version: Number(r.version),
          }
        : null;
    },

    /** The units that lead or coordinate the task, leads first, in the source's order. */
    async taskUnits(db: Db, taskId: string): Promise<InstanceUnit[]> {
      return queryRows<InstanceUnit>(
        db,
        sql`SELECT DISTINCT ON (u.id) u.id, u.code, u.name, tu.role
            FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id
            WHERE tu.task_id = ${taskId}
            ORDER BY u.id, (tu.role = 'lead') DESC`,
      ).then((rows) =>
        rows.sort((a, b) =>
          a.role === b.role ? a.name.localeCompare(b.name, 'vi') : a.role === 'lead' ? -1 : 1,
        ),
      );
    },

    /** Sets the due date while the instance still has `expectedVersion`; false when someone changed it first. */
    async setDueDate(db: Db, instanceId: string, dueDate: string, expectedVersion: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE plan_task_instances SET due_date = ${dueDate}, version = version + 1, updated_at = now()
          WHERE id = ${instanceId} AND version = ${expectedVersion} RETURNING id`,
      );
      return rows.length === 1;
    },

    async reportsOf(db: Db, instanceId: string): Promise<UnitReport[]> {
      const rows = await queryRows<ReportRecord>(
        db,
        sql`SELECT ${REPORT_COLUMNS} FROM plan_unit_reports r LEFT JOIN user_directory a ON a.id = r.assignee_id
            WHERE r.instance_id = ${instanceId}`,
      );
      return rows.map(reportFrom);
    },

    /** Reports of several instances with their unit's name (for the task page's summary). */
    async reportSummaries(
      db: Db,
      instanceIds: readonly string[],
    ): Promise<
      Array<{
        instanceId: string;
        unitId: string;
        unitName: string;
        state: ReportState;
        status: ReportStatus;
        percent: number;
      }>
    > {
      if (instanceIds.length === 0) return [];
      const rows = await queryRows<{
        instance_id: string;
        unit_id: string;
        name: string;
        state: ReportState;
        status: ReportStatus;
        percent: number;
      }>(
        db,
        sql`SELECT r.instance_id, r.unit_id, u.name, r.state, r.status, r.percent
            FROM plan_unit_reports r JOIN unit_directory u ON u.id = r.unit_id
            WHERE r.instance_id IN (${sqlList(instanceIds)}) ORDER BY u.name`,
      );
      return rows.map((r) => ({
        instanceId: r.instance_id,
        unitId: r.unit_id,
        unitName: r.name,
        state: r.state,
        status: r.status,
        percent: Number(r.percent),
      }));
    },

    getReport(db: Db, instanceId: string, unitId: string, lock = false): Promise<UnitReport | null> {
      return reportWhere(db, sql`r.instance_id = ${instanceId} AND r.unit_id = ${unitId}`, lock);
    },

    getReportById(db: Db, reportId: string): Promise<UnitReport | null> {
      return reportWhere(db, sql`r.id = ${reportId}`);
    },

    /** Creates an empty draft report; null when one already exists for the (instance, unit). */
    async insertReport(db: Db, instanceId: string, unitId: string): Promise<string | null> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO plan_unit_reports (id, instance_id, unit_id) VALUES (${newId('rpt')}, ${instanceId}, ${unitId})
            ON CONFLICT (instance_id, unit_id) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },

    /**
     * Writes the report only if it still has `expectedVersion` (optimistic concurrency); the version then
     * grows by one. Returns false when someone else wrote first.
     */
    async updateReport(
      db: Db,
      reportId: string,
      expectedVersion: number,
      patch: Partial<ReportFields> & {
        assigneeId?: string | null;
        state?: ReportState;
        returnComment?: string | null;
        submittedAt?: Date | null;
        approvedAt?: Date | null;
      },
    ): Promise<boolean> {
      const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
      if (patch.status !== undefined) sets.push(sql`status = ${patch.status}`);
      if (patch.statusReason !== undefined) sets.push(sql`status_reason = ${patch.statusReason}`);
      if (patch.percent !== undefined) sets.push(sql`percent = ${patch.percent}`);
      if (patch.narrative !== undefined) sets.push(sql`narrative = ${patch.narrative}`);
      if (patch.assigneeId !== undefined) sets.push(sql`assignee_id = ${patch.assigneeId}`);
      if (patch.state !== undefined) sets.push(sql`state = ${patch.state}`);
      if (patch.returnComment !== undefined) sets.push(sql`return_comment = ${patch.returnComment}`);
      if (patch.submittedAt !== undefined)
        sets.push(sql`submitted_at = ${patch.submittedAt ? patch.submittedAt.toISOString() : null}`);
      if (patch.approvedAt !== undefined)
        sets.push(sql`approved_at = ${patch.approvedAt ? patch.approvedAt.toISOString() : null}`);
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE plan_unit_reports SET ${sql.join(sets, sql`, `)}
            WHERE id = ${reportId} AND version = ${expectedVersion} RETURNING id`,
      );
      return rows.length === 1;
    },

    /**
     * The instance's overall status from its unit reports: done when every report is approved as done (or
     * not done with a reason, with at least one done); not_done when all approved reports say not done;
     * in_progress once any unit has started; otherwise not_started.
     */
    async recomputeInstanceStatus(db: Db, instanceId: string): Promise<void> {
      await db.execute(sql`UPDATE plan_task_instances i SET status = s.status, updated_at = now()
        FROM (SELECT CASE
            WHEN count(*) = 0 THEN 'not_started'
            WHEN bool_and(r.state = 'approved' AND r.status IN ('done', 'not_done')) AND bool_or(r.status = 'done')
              THEN 'done'
            WHEN bool_and(r.state = 'approved' AND r.status = 'not_done') THEN 'not_done'
            WHEN bool_or(r.status <> 'not_started' OR r.state <> 'draft') THEN 'in_progress'
            ELSE 'not_started' END AS status
          FROM plan_unit_reports r WHERE r.instance_id = ${instanceId}) s
        WHERE i.id = ${instanceId} AND i.status IS DISTINCT FROM s.status`);
    },

    async addEvent(db: Db, e: NewInstanceEvent): Promise<void> {
      await db.execute(sql`INSERT INTO plan_instance_events
        (id, instance_id, report_id, unit_id, kind, from_state, to_state, comment, actor_id, actor_name)
        VALUES (${newId('pev')}, ${e.instanceId}, ${e.reportId ?? null}, ${e.unitId ?? null}, ${e.kind},
          ${e.fromState ?? null}, ${e.toState ?? null}, ${e.comment ?? null}, ${e.actorId}, ${e.actorName})`);
    },

    /** The timeline, oldest first; `unitIds` limits unit-specific entries (entries without a unit always show). */
    async events(db: Db, instanceId: string, unitIds?: readonly string[]): Promise<InstanceEvent[]> {
      const unitFilter =
        unitIds === undefined
          ? sql``
          : unitIds.length === 0
            ? sql`AND e.unit_id IS NULL`
            : sql`AND (e.unit_id IS NULL OR e.unit_id IN (${sqlList(unitIds)}))`;
      const rows = await queryRows<{
        id: string;
        instance_id: string;
        report_id: string | null;
        unit_id: string | null;
        unit_name: string | null;
        kind: string;
        from_state: string | null;
        to_state: string | null;
        comment: string | null;
        actor_name: string | null;
        at: unknown;
      }>(
        db,
        sql`SELECT e.*, u.name AS unit_name FROM plan_instance_events e LEFT JOIN unit_directory u ON u.id = e.unit_id
            WHERE e.instance_id = ${instanceId} ${unitFilter} ORDER BY e.at, e.id`,
      );
      return rows.map((r) => ({
        id: r.id,
        instanceId: r.instance_id,
        reportId: r.report_id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        kind: r.kind,
        fromState: r.from_state,
        toState: r.to_state,
        comment: r.comment,
        actorName: r.actor_name,
        at: toDate(r.at) ?? new Date(0),
      }));
    },

    ...createPlanEvidenceSql(),

    /** People who may be assigned a unit's part: unit staff or managers granted on the unit or above it. */
    async assigneeCandidates(
      db: Db,
      unitIds: readonly string[],
    ): Promise<Array<{ unitId: string; userId: string; name: string; email: string }>> {
      if (unitIds.length === 0) return [];
      const rows = await queryRows<{ unit_id: string; user_id: string; name: string; email: string }>(
        db,
        sql`WITH RECURSIVE up(unit_id, ancestor_id) AS (
              SELECT id, id FROM unit_directory WHERE id IN (${sqlList(unitIds)})
              UNION SELECT up.unit_id, u.parent_id FROM up JOIN unit_directory u ON u.id = up.ancestor_id
                WHERE u.parent_id IS NOT NULL)
            SELECT DISTINCT up.unit_id, us.id AS user_id, us.name, us.email
            FROM up JOIN role_grant_directory g ON g.unit_id = up.ancestor_id
              AND g.revoked_at IS NULL AND g.role IN ('unit_staff', 'unit_manager')
            JOIN user_directory us ON us.id = g.user_id AND us.disabled_at IS NULL
            ORDER BY us.name, us.email`,
      );
      return rows.map((r) => ({ unitId: r.unit_id, userId: r.user_id, name: r.name, email: r.email }));
    },
  };
}
export type PlanWorkRepository = ReturnType<typeof createPlanWorkRepository>;
