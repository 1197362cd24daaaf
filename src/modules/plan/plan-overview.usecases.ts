// The unit overview: for one unit and one year, every instance of the tasks it leads or coordinates, its
// report state and budget. Unit staff reach only units in their grant subtrees; other ids answer 404.
import type { AppDeps } from '../../deps.ts';
import type { Actor } from '../../lib/authz.ts';
import { notFound } from '../../lib/errors.ts';
import { authorize, can, scopeRoots } from '../../policies.ts';
import type { UnitInstanceRow } from './plan-overview.repository.ts';
import type { PlanTaskUnit } from './plan.repository.ts';

type ReadDeps = Pick<AppDeps, 'db' | 'repos'>;

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
