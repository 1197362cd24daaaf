import type { Actor } from './authz.ts';

/** Staff = anyone holding a role other than citizen; they see the back office link. */
export function isStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => g.role !== 'citizen');
}
