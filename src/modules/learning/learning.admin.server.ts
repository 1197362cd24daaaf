// Reads for the back-office forms: the units an actor may make paths or challenges for, in tree order.
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { authorizeAnywhere, visibleUnits } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import type { LearningDeps } from './learning.usecases.server.ts';

export interface UnitOption {
  id: string;
  name: string;
  depth: number;
}

export async function unitOptions(deps: LearningDeps, actor: Actor, action: string): Promise<UnitOption[]> {
  authorizeAnywhere(actor, action);
  const allowed = visibleUnits(actor, action, await unitTree(deps));
  const tree = await deps.repos.units.listTree(deps.db, { today: isoDateInVietnam(deps.now()) });
  const set = allowed ? new Set(allowed) : null;
  return tree.filter((u) => !set || set.has(u.id)).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
}
