// Scope helpers shared by the access use cases. A user "belongs" to the units of their active grants; a user
// without grants (a citizen) belongs to the root of the unit tree.

import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { UnitTree } from './access.unit-tree.ts';

/** Throws 401/403 unless the actor holds `action` somewhere: checked before any lookup by id. */
export function authorizeAnywhere(actor: Actor, ...actions: string[]): void {
  if (actions.some((a) => scopeRoots(actor, a).length > 0)) return;
  authorize(actor, actions[0] ?? 'access.none');
}

/** Throws 401/403 unless the actor may perform `action` on the root of the unit tree (site-wide things). */
export function authorizeOnRoot(actor: Actor, action: string, tree: UnitTree): void {
  const roots = tree.roots();
  if (roots.some((unitId) => can(actor, action, { unitId }))) return;
  authorize(actor, action, { unitId: roots[0] ?? null });
}

/** The units a user belongs to, for deciding who may see or change the account. */
export function unitsOfUser(activeGrantUnits: readonly string[], tree: UnitTree): string[] {
  return activeGrantUnits.length ? [...new Set(activeGrantUnits)] : tree.roots();
}

/** `null` when the actor's scope for `action` covers a root (everyone is visible), else the unit ids. */
export function visibleUnits(actor: Actor, action: string, tree: UnitTree): string[] | null {
  if (tree.roots().some((unitId) => can(actor, action, { unitId }))) return null;
  return [...new Set(scopeRoots(actor, action).flatMap((r) => tree.subtree(r)))];
}

/** unit_staff grants are the ones a unit manager may also give and take; everything else is administrators'. */
export function grantAction(role: string, verb: 'create' | 'revoke'): string {
  return role === 'unit_staff' ? `access.staff_grant.${verb}` : `access.grant.${verb}`;
}
