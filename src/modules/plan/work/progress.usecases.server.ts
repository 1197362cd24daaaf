// A unit's report on an instance: saving progress (optimistic version) and the workflow
// draft → ready (staff) → submitted (unit manager) → approved | returned (focal point) → … Every transition
// is audited and appended to the instance's timeline in the same transaction.
import type { Db } from '../../../db/client.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { noteApproval } from './approval-notice.server.ts';
import type { ReportState, ReportStatus, UnitReport } from './work.repository.server.ts';
import {
  actorRef,
  EDITABLE_STATES,
  ensureReport,
  loadUnitPart,
  planError,
  staleReport,
  type UnitPart,
  type WorkDeps,
} from './work.rules.server.ts';

export interface ProgressInput {
  instanceId: string;
  unitId: string;
  /** The version the form was loaded with; 0 when the unit had no report yet. */
  version: number;
  status: ReportStatus;
  statusReason?: string | undefined;
  percent: number;
  narrative: string;
}

/** Checks the version the client saw, creating the report when it had none (version 0). */
async function reportAtVersion(deps: WorkDeps, tx: Db, part: UnitPart, version: number): Promise<UnitReport> {
  if (!part.report && version !== 0) throw staleReport();
  if (part.report && part.report.version !== version) throw staleReport();
  const report = await ensureReport(deps, tx, part);
  // Two first saves at once: both expect the fresh row's version 1, so only one of them wins.
  return version === 0 ? { ...report, version: 1 } : report;
}

async function reload(deps: WorkDeps, tx: Db, part: UnitPart): Promise<UnitReport> {
  const r = await deps.repos.planWork.getReport(tx, part.instance.id, part.unit.id);
  if (!r) throw new Error('plan report vanished');
  return r;
}

export async function saveProgress(deps: WorkDeps, actor: Actor, input: ProgressInput): Promise<UnitReport> {
  if (input.status === 'not_done' && !input.statusReason?.trim())
    throw planError('reason_required', 422, 'planwork.error.reasonRequired');
  return deps.db.transaction(async (tx) => {
    const part = await loadUnitPart(deps, tx, actor, input.instanceId, input.unitId, 'plan.report.update');
    const report = await reportAtVersion(deps, tx, part, input.version);
    if (!EDITABLE_STATES.has(report.state)) throw planError('report_locked', 409, 'planwork.error.locked');
    const fields = {
      status: input.status,
      statusReason: input.status === 'not_done' ? (input.statusReason?.trim() ?? null) : null,
      percent: input.status === 'done' ? 100 : input.percent,
      narrative: input.narrative,
    };
    if (!(await deps.repos.planWork.updateReport(tx, report.id, report.version, fields))) throw staleReport();
    await deps.repos.planWork.addEvent(tx, {
      instanceId: part.instance.id,
      reportId: report.id,
      unitId: part.unit.id,
      kind: 'progress',
      toState: fields.status,
      comment: `${fields.percent}%`,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.report.update',
      entityType: 'plan_unit_report',
      entityId: report.id,
      unitId: part.unit.id,
      before: {
        status: report.status,
        statusReason: report.statusReason,
        percent: report.percent,
        narrative: report.narrative,
      },
      after: fields,
    });
    await deps.repos.planWork.recomputeInstanceStatus(tx, part.instance.id);
    return reload(deps, tx, part);
  });
}

export const TRANSITIONS = ['ready', 'submit', 'approve', 'return'] as const;
export type Transition = (typeof TRANSITIONS)[number];

const RULES: Record<Transition, { action: string; from: readonly ReportState[]; to: ReportState }> = {
  ready: { action: 'plan.report.update', from: ['draft', 'returned'], to: 'ready' },
  submit: { action: 'plan.report.submit', from: ['draft', 'ready', 'returned'], to: 'submitted' },
  approve: { action: 'plan.report.review', from: ['submitted'], to: 'approved' },
  return: { action: 'plan.report.review', from: ['submitted'], to: 'returned' },
};

export interface TransitionInput {
  instanceId: string;
  unitId: string;
  version: number;
  transition: Transition;
  /** Required when returning; optional otherwise. */
  comment?: string | undefined;
}

export async function transitionReport(
  deps: WorkDeps,
  actor: Actor,
  input: TransitionInput,
): Promise<UnitReport> {
  const rule = RULES[input.transition];
  const comment = input.comment?.trim() || null;
  if (input.transition === 'return' && !comment)
    throw planError('comment_required', 422, 'planwork.error.commentRequired');
  const result = await deps.db.transaction(async (tx) => {
    const part = await loadUnitPart(deps, tx, actor, input.instanceId, input.unitId, rule.action);
    const report = await reportAtVersion(deps, tx, part, input.version);
    if (!rule.from.includes(report.state)) throw planError('wrong_state', 409, 'planwork.error.wrongState');
    const now = deps.now();
    const patch = {
      state: rule.to,
      ...(input.transition === 'return' ? { returnComment: comment } : {}),
      ...(input.transition === 'submit' ? { submittedAt: now } : {}),
      ...(input.transition === 'approve' ? { approvedAt: now, returnComment: null } : {}),
    };
    if (!(await deps.repos.planWork.updateReport(tx, report.id, report.version, patch))) throw staleReport();
    await deps.repos.planWork.addEvent(tx, {
      instanceId: part.instance.id,
      reportId: report.id,
      unitId: part.unit.id,
      kind: 'transition',
      fromState: report.state,
      toState: rule.to,
      comment,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: `plan.report.${input.transition}`,
      entityType: 'plan_unit_report',
      entityId: report.id,
      unitId: part.unit.id,
      before: { state: report.state },
      after: { state: rule.to, comment },
    });
    await deps.repos.planWork.recomputeInstanceStatus(tx, part.instance.id);
    if (input.transition === 'approve') await noteApproval(deps, tx, report, part);
    if (input.transition === 'return' && report.assigneeId) {
      await deps.repos.notifications.create(tx, {
        userId: report.assigneeId,
        kind: 'plan.returned',
        messageKey: 'planwork.notify.returned',
        params: { task: `${part.task.section}.${part.task.number}`, year: part.instance.year },
        link: `/admin/plan/instances/${part.instance.id}`,
      });
    }
    return reload(deps, tx, part);
  });
  return result;
}
