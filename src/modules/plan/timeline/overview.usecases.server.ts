// The unit overview: for one unit and one year, every instance of the tasks it leads or coordinates, its
// report state and budget. Unit staff reach only units in their grant subtrees; other ids answer 404.
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { notFound } from '../../../lib/errors.ts';
import type { PlanTask, PlanTaskUnit } from '../plan.repository.server.ts';
import type { PlanTaskQuery } from '../plan.schemas.server.ts';
import { listPlanTasks } from '../plan.usecases.server.ts';
import type { UnitInstanceRow } from './overview.repository.server.ts';
import { type MilestoneCode, PLAN_MILESTONES } from './timeline.ts';

type ReadDeps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

function canReadUnit(actor: Actor, unitId: string): boolean {
  if (can(actor, 'plan.task.read_all')) return true;
  return actor.kind === 'user' && scopeRoots(actor, 'plan.task.read').some((r) => actor.inSubtree(r, unitId));
}

export async function getUnitOverview(
  deps: ReadDeps,
  actor: Actor,
  unitId: string,
  year: number,
): Promise<{
  unit: { id: string; code: string; name: string };
  instances: UnitInstanceRow[];
  /** Units of the plan the actor may open an overview of (for switching). */
  units: PlanTaskUnit[];
}> {
  authorize(actor, 'plan.task.read');
  if (!canReadUnit(actor, unitId)) throw notFound('plan.unit');
  const unit = await deps.repos.planOverview.unit(deps.db, unitId);
  if (!unit) throw notFound('plan.unit');
  const [instances, all] = await Promise.all([
    deps.repos.planOverview.unitInstances(deps.db, unitId, year),
    deps.repos.plan.unitsInPlan(deps.db),
  ]);
  return { unit, instances, units: all.filter((u) => canReadUnit(actor, u.id)) };
}

/** The tasks for the timeline (the reader's scope and filters) and the days of the three milestones. */
export async function getPlanTimeline(
  deps: ReadDeps,
  actor: Actor,
  filters: PlanTaskQuery,
): Promise<{ tasks: PlanTask[]; milestoneDays: Partial<Record<MilestoneCode, string | null>> }> {
  const tasks = await listPlanTasks(deps, actor, filters);
  const milestoneDays: Partial<Record<MilestoneCode, string | null>> = {};
  // The milestones belong to the whole programme: their days come from the report tasks even when the
  // filters (or the reader's units) leave those tasks out of the chart.
  for (const m of PLAN_MILESTONES) {
    const task = await deps.repos.plan.getBySourceKey(deps.db, m.sourceKey);
    milestoneDays[m.code] = task?.instances.find((i) => i.year === m.year)?.dueDate ?? null;
  }
  return { tasks, milestoneDays };
}

/** The unit an overview opens on: the first unit of the plan the reader holds a grant on, else the first readable. */
export async function defaultOverviewUnit(deps: ReadDeps, actor: Actor): Promise<string | null> {
  authorize(actor, 'plan.task.read');
  const units = (await deps.repos.plan.unitsInPlan(deps.db)).filter((u) => canReadUnit(actor, u.id));
  const own =
    actor.kind === 'user' ? units.find((u) => actor.grants.some((g) => g.unitId === u.id)) : undefined;
  return (own ?? units[0])?.id ?? null;
}
