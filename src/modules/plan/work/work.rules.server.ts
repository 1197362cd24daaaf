// Shared rules of the plan's live work: who may see which unit's part of an instance, and loading an
// instance and one unit's part of it so that anything the actor may not read answers 404, like a missing
// record (ids of other units' reports do not leak), and anything readable but not allowed answers 403.

import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can } from '../../../app/policies.server.ts';
import type { Db } from '../../../db/client.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import type { PlanTask } from '../plan.repository.server.ts';
import { getPlanTask } from '../plan.usecases.server.ts';
import type { InstanceUnit, PlanInstanceRow, UnitReport } from './work.repository.server.ts';

export type WorkDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'logger'>;

export function canReadUnitReport(actor: Actor, unitId: string): boolean {
  return can(actor, 'plan.report.read_all') || can(actor, 'plan.report.read', { unitId });
}

export function actorRef(actor: Actor): { actorId: string | null; actorName: string | null } {
  return actor.kind === 'user'
    ? { actorId: actor.userId, actorName: actor.name || actor.email }
    : { actorId: null, actorName: null };
}

export const planError = (code: string, status: number, key: MessageKey) =>
  new AppError(`plan.${code}`, status, key);

/** The report was written by someone else since the form was loaded. */
export const staleReport = () => planError('report_stale', 409, 'planwork.error.stale');

export interface LoadedInstance {
  instance: PlanInstanceRow;
  task: PlanTask;
  units: InstanceUnit[];
}

/** The instance if the actor may see its task (tasks of other units answer 404). */
export async function loadInstance(
  deps: WorkDeps,
  actor: Actor,
  instanceId: string,
): Promise<LoadedInstance> {
  const instance = await deps.repos.planWork.getInstance(deps.db, instanceId);
  if (!instance) throw notFound('plan.instance');
  const task = await getPlanTask(deps, actor, instance.taskId);
  const units = await deps.repos.planWork.taskUnits(deps.db, task.id);
  return { instance, task, units };
}

export interface UnitPart extends LoadedInstance {
  unit: InstanceUnit;
  report: UnitReport | null;
}

/**
 * One unit's part of an instance, for a write: 404 unless the unit leads or coordinates the task and the
 * actor may read that unit's report; then `action` is authorised on the unit (403). With `lock`, the
 * report row is locked for the transaction.
 */
export async function loadUnitPart(
  deps: WorkDeps,
  tx: Db,
  actor: Actor,
  instanceId: string,
  unitId: string,
  action: string,
): Promise<UnitPart> {
  const loaded = await loadInstance({ ...deps, db: tx }, actor, instanceId);
  const unit = loaded.units.find((u) => u.id === unitId);
  if (!unit || !canReadUnitReport(actor, unitId)) throw notFound('plan.report');
  authorize(actor, action, { unitId });
  const report = await deps.repos.planWork.getReport(tx, instanceId, unitId, true);
  return { ...loaded, unit, report };
}

/** The report of the part, created empty (a draft, version 1) when the unit has none yet. */
export async function ensureReport(deps: WorkDeps, tx: Db, part: UnitPart): Promise<UnitReport> {
  if (part.report) return part.report;
  await deps.repos.planWork.insertReport(tx, part.instance.id, part.unit.id);
  const report = await deps.repos.planWork.getReport(tx, part.instance.id, part.unit.id, true);
  if (!report) throw new Error('plan report vanished after insert');
  return report;
}

/** States in which the unit may still change its report. */
export const EDITABLE_STATES: ReadonlySet<string> = new Set(['draft', 'ready', 'returned']);
