// Loads what a signed-in user may do: their role grants and a unit-subtree test.
// Owned by the access module (role_grants table); the auth module's actor resolver calls it once per request:
// one indexed query for the grants, and the unit tree from a short-lived in-memory cache.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Grant } from '../../lib/authz.ts';
import { unitTree } from './access.unit-tree.ts';

export interface ActorAccess {
  grants: Grant[];
  inSubtree: (rootId: string, unitId: string) => boolean;
  /** A disabled account: the resolver should treat the request as anonymous (and its grants are empty). */
  disabled: boolean;
}

/** A signed-in user with no active grants is a citizen: no grants, so nothing staff-only is allowed. */
export async function loadActorAccess(deps: AppDeps, userId: string): Promise<ActorAccess> {
  const [state, tree] = await Promise.all([deps.repos.access.actorGrants(deps.db, userId), unitTree(deps)]);
  const inSubtree = (rootId: string, unitId: string) => tree.inSubtree(rootId, unitId);
  if (!state || state.disabled) return { grants: [], inSubtree, disabled: true };
  return { grants: state.grants, inSubtree, disabled: false };
}
