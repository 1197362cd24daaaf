// Loads what a signed-in user may do: their role grants and a unit-subtree test.
// Owned by the access module (role_grants table); the auth module's actor resolver calls it once per request.
// Both come from memory: the unit tree (access.unit-tree.ts) and each user's grants (the repository's
// `actorGrantsCached`). Every grant or account write forgets that user's entry, and the use cases forget it
// again once their transaction commits (`invalidateActorAccess`), so a revoked role counts from the next
// request in this process; another process of a cluster sees it when the `actor_changed` notification
// arrives (migration 0198, auth.session-cache.server.ts, when the session cache is on), at worst within
// ACTOR_ACCESS_TTL_MS.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Grant } from '../../lib/authz.ts';
import { unitTree } from './access.unit-tree.ts';

export { ACTOR_ACCESS_TTL_MS } from './access.repository.server.ts';

/** Forget cached grants: one user's after their grants or account changed, or everyone's (no id). */
export function invalidateActorAccess(deps: Pick<AppDeps, 'repos'>, userId?: string): void {
  deps.repos.access.forgetActor(userId);
}

export interface ActorAccess {
  grants: Grant[];
  inSubtree: (rootId: string, unitId: string) => boolean;
  /** A disabled account: the resolver should treat the request as anonymous (and its grants are empty). */
  disabled: boolean;
}

/** A signed-in user with no active grants is a citizen: no grants, so nothing staff-only is allowed. */
export async function loadActorAccess(
  deps: AppDeps,
  userId: string,
  opts: { fresh?: boolean } = {},
): Promise<ActorAccess> {
  // Starting a session reads the database itself, never an entry another process may have made stale.
  if (opts.fresh) deps.repos.access.forgetActor(userId);
  const [state, tree] = await Promise.all([
    deps.repos.access.actorGrantsCached(deps.db, userId),
    unitTree(deps),
  ]);
  const inSubtree = (rootId: string, unitId: string) => tree.inSubtree(rootId, unitId);
  if (!state || state.disabled) return { grants: [], inSubtree, disabled: true };
  // A copy: a caller cannot change what this user's other requests will see.
  return { grants: state.grants.map((g) => ({ ...g })), inSubtree, disabled: false };
}
