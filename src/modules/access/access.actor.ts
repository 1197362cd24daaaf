// Loads what a signed-in user may do: their role grants and a unit-subtree test.
// Owned by the access module (role_grants table); the auth module's actor resolver calls it.
import type { AppDeps } from '../../deps.ts';
import type { Grant } from '../../lib/authz.ts';

export interface ActorAccess {
  grants: Grant[];
  inSubtree: (rootId: string, unitId: string) => boolean;
}

// PLACEHOLDER until the access module lands: no grants at all (everything staff-only is denied).
export async function loadActorAccess(_deps: AppDeps, _userId: string): Promise<ActorAccess> {
  return { grants: [], inSubtree: (rootId, unitId) => rootId === unitId };
}
