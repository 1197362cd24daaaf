// An instance as live work: what the actor may see of it (each unit's part, evidence, the timeline) and the
// focal point's steering actions: assign a unit's part to a person, set the due date; leaders comment.

import { authorize, can } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError } from '../../../lib/errors.ts';
import type { PlanTask } from '../plan.repository.server.ts';
import type { Evidence, InstanceEvent, InstanceUnit, UnitReport } from './work.repository.server.ts';
import {
  actorRef,
  canReadUnitReport,
  EDITABLE_STATES,
  ensureReport,
  type LoadedInstance,
  loadInstance,
  loadUnitPart,
  planError,
  type WorkDeps,
} from './work.rules.server.ts';

export interface UnitPartView {
  unit: InstanceUnit;
  report: UnitReport | null;
  evidence: Evidence[];
  candidates: Array<{ userId: string; name: string; email: string }>;
  can: { update: boolean; markReady: boolean; submit: boolean; review: boolean; assign: boolean };
}

export interface InstanceView extends LoadedInstance {
  parts: UnitPartView[];
  /** Units of the task whose part the actor may not see (only counted, never named with their data). */
  hiddenParts: number;
  events: InstanceEvent[];
  can: { assign: boolean; comment: boolean };
}

export async function getInstanceView(
  deps: WorkDeps,
  actor: Actor,
  instanceId: string,
): Promise<InstanceView> {
  const loaded = await loadInstance(deps, actor, instanceId);
  const visible = loaded.units.filter((u) => canReadUnitReport(actor, u.id));
  const reports = await deps.repos.planWork.reportsOf(deps.db, instanceId);
  const mine = reports.filter((r) => visible.some((u) => u.id === r.unitId));
  const evidence = await deps.repos.planWork.evidenceOf(
    deps.db,
    mine.map((r) => r.id),
  );
  const mayAssign = can(actor, 'plan.instance.assign');
  const candidates = mayAssign
    ? await deps.repos.planWork.assigneeCandidates(
        deps.db,
        visible.map((u) => u.id),
      )
    : [];
  const parts = visible.map((unit): UnitPartView => {
    const report = mine.find((r) => r.unitId === unit.id) ?? null;
    const state = report?.state ?? 'draft';
    const editable = EDITABLE_STATES.has(state);
    return {
      unit,
      report,
      evidence: report ? evidence.filter((e) => e.reportId === report.id) : [],
      candidates: candidates.filter((c) => c.unitId === unit.id),
      can: {
        update: editable && can(actor, 'plan.report.update', { unitId: unit.id }),
        markReady:
          (state === 'draft' || state === 'returned') &&
          can(actor, 'plan.report.update', { unitId: unit.id }),
        submit: editable && report !== null && can(actor, 'plan.report.submit', { unitId: unit.id }),
        review: state === 'submitted' && can(actor, 'plan.report.review'),
        assign: mayAssign,
      },
    };
  });
  const readAll = can(actor, 'plan.report.read_all');
  const events = await deps.repos.planWork.events(
    deps.db,
    instanceId,
    readAll ? undefined : visible.map((u) => u.id),
  );
  return {
    ...loaded,
    parts,
    hiddenParts: loaded.units.length - visible.length,
    events,
    can: { assign: mayAssign, comment: can(actor, 'plan.comment.create') },
  };
}

/** Per instance of a task, the unit reports the actor may see (state, status, percent). */
export async function taskWorkSummary(deps: WorkDeps, actor: Actor, task: PlanTask) {
  const rows = await deps.repos.planWork.reportSummaries(
    deps.db,
    task.instances.map((i) => i.id),
  );
  return rows.filter((r) => canReadUnitReport(actor, r.unitId));
}

export interface AssignInput {
  instanceId: string;
  unitId: string;
  /** null clears the assignment. */
  assigneeId: string | null;
  /** The report version the client saw (0: no report yet); a stale one → 409. Seeds leave it out. */
  version?: number | undefined;
}

/** Someone else changed it since the client read it: nothing written (409). */
const staleInstance = (code: string) => new AppError(code, 409, 'planwork.error.stale');

export async function assignUnitPart(deps: WorkDeps, actor: Actor, input: AssignInput): Promise<UnitReport> {
  authorize(actor, 'plan.instance.assign');
  const result = await deps.db.transaction(async (tx) => {
    const part = await loadUnitPart(deps, tx, actor, input.instanceId, input.unitId, 'plan.report.read_all');
    if (input.assigneeId) {
      const eligible = await deps.repos.planWork.assigneeCandidates(tx, [input.unitId]);
      if (!eligible.some((c) => c.userId === input.assigneeId))
        throw planError('assignee_invalid', 422, 'planwork.error.assigneeInvalid');
    }
    if (input.version !== undefined && (part.report?.version ?? 0) !== input.version)
      throw staleInstance('plan.report_stale');
    const report = await ensureReport(deps, tx, part);
    if (report.assigneeId === input.assigneeId) return { report, changed: false };
    await deps.repos.planWork.updateReport(tx, report.id, report.version, { assigneeId: input.assigneeId });
    const after = await deps.repos.planWork.getReport(tx, input.instanceId, input.unitId);
    if (!after) throw new Error('plan report vanished');
    await deps.repos.planWork.addEvent(tx, {
      instanceId: input.instanceId,
      reportId: report.id,
      unitId: input.unitId,
      kind: 'assigned',
      comment: after.assigneeName ?? null,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.report.assign',
      entityType: 'plan_unit_report',
      entityId: report.id,
      unitId: input.unitId,
      before: { assigneeId: report.assigneeId },
      after: { assigneeId: input.assigneeId },
    });
    if (input.assigneeId) {
      await deps.repos.notifications.create(tx, {
        userId: input.assigneeId,
        kind: 'plan.assigned',
        messageKey: 'planwork.notify.assigned',
        params: { task: `${part.task.section}.${part.task.number}`, year: part.instance.year },
        link: `/admin/plan/instances/${input.instanceId}`,
      });
    }
    return { report: after, changed: true };
  });
  return result.report;
}

export async function setInstanceDueDate(
  deps: WorkDeps,
  actor: Actor,
  input: { instanceId: string; dueDate: string; version: number },
): Promise<void> {
  authorize(actor, 'plan.instance.assign');
  await deps.db.transaction(async (tx) => {
    const { instance } = await loadInstance({ ...deps, db: tx }, actor, input.instanceId);
    if (
      Number(input.dueDate.slice(0, 4)) < instance.year - 1 ||
      Number(input.dueDate.slice(0, 4)) > instance.year + 1
    )
      throw new AppError('plan.due_date_out_of_range', 422, 'planwork.error.dueDateRange', {
        params: { year: instance.year },
      });
    if (instance.version !== input.version) throw staleInstance('plan.instance.version_conflict');
    if (instance.dueDate === input.dueDate) return;
    if (!(await deps.repos.planWork.setDueDate(tx, instance.id, input.dueDate, input.version)))
      throw staleInstance('plan.instance.version_conflict');
    await deps.repos.planWork.addEvent(tx, {
      instanceId: instance.id,
      kind: 'due_date',
      fromState: instance.dueDate,
      toState: input.dueDate,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.instance.due_date',
      entityType: 'plan_task_instance',
      entityId: instance.id,
      before: { dueDate: instance.dueDate },
      after: { dueDate: input.dueDate },
    });
  });
}

/** A comment on the instance's timeline (leaders and the focal point); visible to everyone who sees it. */
export async function commentOnInstance(
  deps: WorkDeps,
  actor: Actor,
  input: { instanceId: string; comment: string },
): Promise<void> {
  authorize(actor, 'plan.comment.create');
  await deps.db.transaction(async (tx) => {
    const { instance } = await loadInstance({ ...deps, db: tx }, actor, input.instanceId);
    await deps.repos.planWork.addEvent(tx, {
      instanceId: instance.id,
      kind: 'comment',
      comment: input.comment,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.instance.comment',
      entityType: 'plan_task_instance',
      entityId: instance.id,
      after: { comment: input.comment },
    });
  });
}
