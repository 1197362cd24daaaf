// Role grants: give a user a role on a unit subtree, take it back, and what the actor may offer in a form.

import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { AppError, conflict, notFound } from '../../lib/errors.ts';
import { vnCollator } from '../../lib/vn-text.ts';
import { invalidateActorAccess } from './access.actor.ts';
import type { UnitOption } from './access.repository.server.ts';
import { GRANTABLE_ROLES, type GrantableRole, type GrantInput } from './access.schemas.server.ts';
import { authorizeAnywhere, grantAction } from './access.scope.ts';
import { unitTreeKnowing } from './access.unit-tree.ts';

const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** Throws unless the actor may give `role` on `unitId` (401/403), or when the unit does not exist (422). */
export async function assertGrantable(deps: AppDeps, actor: Actor, g: GrantInput): Promise<void> {
  const action = grantAction(g.role, 'create');
  // Callers without the right anywhere learn nothing about which units exist.
  authorizeAnywhere(actor, action);
  const tree = await unitTreeKnowing(deps, g.unitId);
  if (!tree.has(g.unitId)) {
    throw new AppError('access.unit.unknown', 422, 'access.error.unknownUnit', {
      details: [{ path: 'unitId', message: 'unknown unit' }],
    });
  }
  authorize(actor, action, { unitId: g.unitId });
}

/** Inserts the grant and its audit entry in `tx`; a second identical active grant is a clear 409. */
export async function insertGrantAudited(
  deps: AppDeps,
  tx: Db,
  actor: Actor,
  g: { userId: string; role: GrantableRole; unitId: string },
  now: Date,
): Promise<{ id: string }> {
  const row = await deps.repos.access.insertGrant(tx, { ...g, grantedBy: actorId(actor), at: now });
  if (!row) throw conflict('access.grant.duplicate', 'access.error.grantDuplicate');
  await deps.audit.record(tx, actor, {
    action: 'access.grant.create',
    entityType: 'role_grant',
    entityId: row.id,
    unitId: g.unitId,
    after: { userId: g.userId, role: g.role, unitId: g.unitId },
  });
  return row;
}

export async function grantRole(
  deps: AppDeps,
  actor: Actor,
  input: { userId: string } & GrantInput,
): Promise<{ id: string }> {
  await assertGrantable(deps, actor, input);
  const row = await deps.db.transaction(async (tx) => {
    const user = await deps.repos.access.findUser(tx, input.userId);
    if (!user) throw notFound('access.user');
    if (user.disabledAt) throw conflict('access.user.disabled', 'access.error.userDisabled');
    return insertGrantAudited(deps, tx, actor, input, deps.now());
  });
  invalidateActorAccess(deps, input.userId);
  return row;
}

export async function revokeGrant(deps: AppDeps, actor: Actor, grantId: string): Promise<void> {
  authorizeAnywhere(actor, 'access.staff_grant.revoke', 'access.grant.revoke');
  const userId = await deps.db.transaction(async (tx) => {
    const grant = await deps.repos.access.findGrantForUpdate(tx, grantId);
    if (!grant) throw notFound('access.grant');
    authorize(actor, grantAction(grant.role, 'revoke'), { unitId: grant.unitId });
    if (grant.revokedAt) throw conflict('access.grant.already_revoked', 'access.error.grantAlreadyRevoked');
    // An administrator cannot remove their own administrator grant: another administrator must, so the
    // system is never left without one by accident.
    if (actor.kind === 'user' && grant.userId === actor.userId && grant.role === 'administrator') {
      throw new AppError('access.grant.self_revoke', 422, 'access.error.selfRevoke');
    }
    const now = deps.now();
    await deps.repos.access.revokeGrant(tx, grantId, actorId(actor), now);
    await deps.audit.record(tx, actor, {
      action: 'access.grant.revoke',
      entityType: 'role_grant',
      entityId: grantId,
      unitId: grant.unitId,
      before: { userId: grant.userId, role: grant.role, unitId: grant.unitId, revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return grant.userId;
  });
  // Committed: this user's next request in this process sees the grant gone.
  invalidateActorAccess(deps, userId);
}

export interface GrantOptions {
  roles: GrantableRole[];
  /** Units the actor may grant at least one role on, in tree order with their depth for indentation. */
  units: Array<UnitOption & { depth: number }>;
}

/** What the add-grant and invite forms may offer this actor. Every submission is still checked in full. */
export async function grantOptions(deps: AppDeps, actor: Actor): Promise<GrantOptions> {
  const mayGrantOn = (unitId: string, role: string) => can(actor, grantAction(role, 'create'), { unitId });
  const all = await deps.repos.access.openUnits(deps.db);
  const units = treeOrder(all).filter((u) => GRANTABLE_ROLES.some((r) => mayGrantOn(u.id, r)));
  const roles = GRANTABLE_ROLES.filter((r) => units.some((u) => mayGrantOn(u.id, r)));
  return { roles, units };
}

/** Depth-first, siblings by Vietnamese name; units whose parent is not listed start a new top level. */
export function treeOrder(units: readonly UnitOption[]): Array<UnitOption & { depth: number }> {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, UnitOption[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  for (const list of children.values()) list.sort((a, b) => vnCollator.compare(a.name, b.name));
  const out: Array<UnitOption & { depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ ...u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Seeding and first-administrator setup only: grants without an acting user (audited as "system").
 * Returns undefined when the same active grant already exists.
 */
export async function grantRoleAsSystem(
  deps: AppDeps,
  input: { userId: string; role: GrantableRole; unitId: string },
): Promise<{ id: string } | undefined> {
  const created = await deps.db.transaction(async (tx) => {
    const row = await deps.repos.access.insertGrant(tx, { ...input, grantedBy: null, at: deps.now() });
    if (!row) return undefined;
    await deps.audit.record(tx, ANONYMOUS, {
      action: 'access.grant.create',
      entityType: 'role_grant',
      entityId: row.id,
      unitId: input.unitId,
      after: input,
    });
    return row;
  });
  invalidateActorAccess(deps, input.userId);
  return created;
}
