// The actor a demo seed acts as: a seeded demo account with its real grants, so demo data goes through the
// same use cases (and policies) as a person would.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { loadActorAccess } from '../access/access.actor.ts';

export async function demoActor(deps: AppDeps, email: string): Promise<(Actor & { kind: 'user' }) | null> {
  const user = await deps.repos.access.findUserByEmail(deps.db, email);
  if (!user) return null;
  const access = await loadActorAccess(deps, user.id);
  return {
    kind: 'user',
    userId: user.id,
    email,
    name: user.name,
    grants: access.grants,
    inSubtree: access.inSubtree,
    twoFactorEnabled: false,
    sessionId: 'ses_demoseeddemoseed',
  };
}
