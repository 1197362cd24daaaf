// The focal point adds tasks beyond the seeded plan (a new instruction from the Ministry) and edits a task's
// wording, units and years. Every change needs a reason and is kept as the task's history (plan_task_edits)
// and in the audit log. Years dropped from a task lose their instances only when no unit has reported on
// them; otherwise the instance stays (with its reports) and the edit says so.
import { z } from '@hono/zod-openapi';
import { authorize } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { yearWithin } from '../../../lib/date-fields.server.ts';
import { AppError } from '../../../lib/errors.ts';
import { multiLineText } from '../../../lib/text.server.ts';
import { staleVersion, VersionSchema } from '../../../lib/versions.server.ts';
import {
  expandInstanceYears,
  PLAN_PHASES,
  PLAN_SECTIONS,
  type PlanTime,
  PROGRAM_YEARS,
} from '../plan.model.ts';
import { getPlanTask } from '../plan.usecases.server.ts';
import { actorRef, type WorkDeps } from '../work/work.rules.server.ts';
import { IdSchema } from '../work/work.schemas.server.ts';
import type { TaskEdit, TaskWording } from './task-edit.repository.server.ts';

const year = z.coerce.number().pipe(yearWithin(PROGRAM_YEARS.from, PROGRAM_YEARS.to));

const TaskFieldsSchema = z.strictObject({
  content: multiLineText({ min: 3, max: 2000 }),
  product: multiLineText({ min: 1, max: 500 }),
  leadUnitIds: z.array(IdSchema).min(1).max(50),
  coordinatingUnitIds: z.array(IdSchema).max(50),
  yearly: z.boolean(),
  timeFrom: year.optional(),
  timeTo: year.optional(),
  reason: multiLineText({ min: 3, max: 2000 }),
});

export const AddTaskSchema = TaskFieldsSchema.extend({
  phase: z.enum(PLAN_PHASES),
  section: z.enum(PLAN_SECTIONS),
});
export type AddTaskInput = z.infer<typeof AddTaskSchema>;
export const EditTaskSchema = TaskFieldsSchema.extend({ version: VersionSchema });
export type EditTaskInput = z.infer<typeof EditTaskSchema>;
type TaskFields = z.infer<typeof TaskFieldsSchema>;

function timeOf(input: TaskFields): {
  time: PlanTime;
  wording: Pick<TaskWording, 'timeText' | 'timeKind' | 'timeFrom' | 'timeTo'>;
} {
  if (input.yearly)
    return {
      time: { kind: 'yearly' },
      wording: { timeText: 'Hàng năm', timeKind: 'yearly', timeFrom: null, timeTo: null },
    };
  const from = input.timeFrom;
  const to = input.timeTo ?? from;
  if (from === undefined || to === undefined || to < from)
    throw new AppError('plan.task_time_invalid', 422, 'planwork.task.invalid.time');
  return from === to
    ? {
        time: { kind: 'year', year: from },
        wording: { timeText: String(from), timeKind: 'year', timeFrom: from, timeTo: to },
      }
    : {
        time: { kind: 'range', from, to },
        wording: { timeText: `${from} - ${to}`, timeKind: 'range', timeFrom: from, timeTo: to },
      };
}

async function checkUnits(deps: WorkDeps, db: WorkDeps['db'], ids: readonly string[]): Promise<void> {
  const open = new Set((await deps.repos.planTaskEdits.openUnits(db)).map((u) => u.id));
  if (!ids.every((id) => open.has(id)))
    throw new AppError('plan.task_unit_invalid', 422, 'planwork.task.invalid.units');
}

async function applyUnitsAndYears(
  deps: WorkDeps,
  tx: WorkDeps['db'],
  taskId: string,
  input: TaskFields,
  phase: (typeof PLAN_PHASES)[number],
  time: PlanTime,
): Promise<number[]> {
  const lead = [...new Set(input.leadUnitIds)];
  const coordinating = [...new Set(input.coordinatingUnitIds)].filter((id) => !lead.includes(id));
  await checkUnits(deps, tx, [...lead, ...coordinating]);
  await deps.repos.plan.syncTaskUnits(tx, taskId, 'lead', lead);
  await deps.repos.plan.syncTaskUnits(tx, taskId, 'coordinating', coordinating);
  const years = expandInstanceYears(phase, time);
  await deps.repos.plan.ensureInstances(tx, taskId, years);
  return deps.repos.planTaskEdits.pruneInstances(
    tx,
    taskId,
    years.map((y) => y.year),
  );
}

export async function addPlanTask(deps: WorkDeps, actor: Actor, input: AddTaskInput): Promise<string> {
  authorize(actor, 'plan.task.manage');
  const { time, wording } = timeOf(input);
  return deps.db.transaction(async (tx) => {
    await deps.repos.planTaskEdits.lockSection(tx, input.phase, input.section);
    const { id, number } = await deps.repos.planTaskEdits.insertAddedTask(tx, {
      ...wording,
      phase: input.phase,
      section: input.section,
      content: input.content,
      product: input.product,
    });
    await applyUnitsAndYears(deps, tx, id, input, input.phase, time);
    const after = {
      ...wording,
      phase: input.phase,
      section: input.section,
      number,
      content: input.content,
      product: input.product,
      leadUnitIds: input.leadUnitIds,
      coordinatingUnitIds: input.coordinatingUnitIds,
    };
    await deps.repos.planTaskEdits.insertEdit(tx, {
      taskId: id,
      reason: input.reason,
      before: null,
      after,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.task.create',
      entityType: 'plan_task',
      entityId: id,
      after: { ...after, reason: input.reason },
    });
    return id;
  });
}

export async function editPlanTask(
  deps: WorkDeps,
  actor: Actor,
  taskId: string,
  input: EditTaskInput,
): Promise<{ keptYears: number[] }> {
  authorize(actor, 'plan.task.manage');
  const { time, wording } = timeOf(input);
  return deps.db.transaction(async (tx) => {
    const task = await getPlanTask({ ...deps, db: tx }, actor, taskId);
    const before = {
      content: task.content,
      product: task.product,
      timeText: task.timeText,
      leadUnitIds: task.leadUnits.map((u) => u.id),
      coordinatingUnitIds: task.coordinatingUnits.map((u) => u.id),
    };
    const written = await deps.repos.planTaskEdits.updateWording(tx, taskId, input.version, {
      ...wording,
      content: input.content,
      product: input.product,
    });
    if (!written) throw staleVersion('plan.task');
    const keptYears = await applyUnitsAndYears(deps, tx, taskId, input, task.phase, time);
    const after = {
      content: input.content,
      product: input.product,
      timeText: wording.timeText,
      leadUnitIds: input.leadUnitIds,
      coordinatingUnitIds: input.coordinatingUnitIds,
      ...(keptYears.length ? { keptYears } : {}),
    };
    await deps.repos.planTaskEdits.insertEdit(tx, {
      taskId,
      reason: input.reason,
      before,
      after,
      ...actorRef(actor),
    });
    await deps.audit.record(tx, actor, {
      action: 'plan.task.update',
      entityType: 'plan_task',
      entityId: taskId,
      before,
      after: { ...after, reason: input.reason },
    });
    return { keptYears };
  });
}

export async function listTaskEdits(deps: WorkDeps, actor: Actor, taskId: string): Promise<TaskEdit[]> {
  await getPlanTask(deps, actor, taskId);
  return deps.repos.planTaskEdits.edits(deps.db, taskId);
}

export async function listOpenUnits(
  deps: WorkDeps,
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  authorize(actor, 'plan.task.manage');
  return deps.repos.planTaskEdits.openUnits(deps.db);
}
