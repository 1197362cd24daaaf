import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import type { PlanTask, PlanTaskUnit } from './plan.repository.server.ts';
import type { PlanTaskQuery } from './plan.schemas.server.ts';

type ReadDeps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

/** undefined = every task; otherwise the grant roots whose subtrees must lead or coordinate the task. */
function readScope(actor: Actor): string[] | undefined {
  authorize(actor, 'plan.task.read');
  return can(actor, 'plan.task.read_all') ? undefined : scopeRoots(actor, 'plan.task.read');
}

export async function listPlanTasks(
  deps: ReadDeps,
  actor: Actor,
  filters: PlanTaskQuery,
): Promise<PlanTask[]> {
  const scope = readScope(actor);
  return deps.repos.plan.list(deps.db, {
    ...filters,
    today: isoDateInVietnam(deps.now()),
    scopeRoots: scope,
  });
}

/** A task outside the actor's units answers 404, like a missing one: ids of other units' tasks do not leak. */
export async function getPlanTask(deps: ReadDeps, actor: Actor, taskId: string): Promise<PlanTask> {
  const scope = readScope(actor);
  const task = await deps.repos.plan.get(deps.db, taskId, scope);
  if (!task) throw notFound('plan.task');
  return task;
}

/** Units offered in the task list's unit filter. */
export async function listPlanUnits(deps: ReadDeps, actor: Actor): Promise<PlanTaskUnit[]> {
  readScope(actor);
  return deps.repos.plan.unitsInPlan(deps.db);
}
