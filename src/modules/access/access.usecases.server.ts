// User administration: list and view users with their grants, invite a person, disable or re-enable an
// account. Grants themselves are in access.grants.ts.

import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { normalizeEmail } from '../auth/auth.email.ts';
import { createUserWithPassword, sendPasswordSetupLink } from '../auth/auth.users.server.ts';
import { sessionsPort } from '../auth/index.server.ts';
import { invalidateActorAccess } from './access.actor.ts';
import {
  assertGrantable,
  type GrantOptions,
  grantOptions,
  insertGrantAudited,
} from './access.grants.server.ts';
import type { GrantRow, UserSummary } from './access.repository.server.ts';
import type { InviteInput, UserListQuery } from './access.schemas.server.ts';
import {
  authorizeAnywhere,
  authorizeOnRoot,
  grantAction,
  unitsOfUser,
  visibleUnits,
} from './access.scope.ts';
import { unitTree } from './access.unit-tree.ts';

export interface UserWithGrants extends UserSummary {
  grants: GrantRow[];
}

export interface UserPage {
  users: UserWithGrants[];
  total: number;
  page: number;
  limit: number;
}

const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export async function listUsers(deps: AppDeps, actor: Actor, q: UserListQuery): Promise<UserPage> {
  authorizeAnywhere(actor, 'access.user.read');
  const tree = await unitTree(deps);
  const { users, total } = await deps.repos.access.listUsers(deps.db, {
    q: q.q || undefined,
    role: q.role,
    grantUnitIds: q.unit ? tree.subtree(q.unit) : undefined,
    visibleUnitIds: visibleUnits(actor, 'access.user.read', tree),
    status: q.status,
    limit: q.limit,
    offset: (q.page - 1) * q.limit,
  });
  const grants = await deps.repos.access.grantsOf(
    deps.db,
    users.map((u) => u.id),
  );
  return {
    users: users.map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) })),
    total,
    page: q.page,
    limit: q.limit,
  };
}

export interface UserDetail {
  user: UserSummary;
  /** Active grants first, then revoked ones (history); `canRevoke` says whether this actor may revoke it. */
  grants: Array<GrantRow & { canRevoke: boolean }>;
  canDisable: boolean;
}

/** One user with all grants, active and revoked. Users outside the actor's scope are "not found". */
export async function getUser(deps: AppDeps, actor: Actor, userId: string): Promise<UserDetail> {
  authorizeAnywhere(actor, 'access.user.read');
  const user = await deps.repos.access.findUser(deps.db, userId);
  if (!user) throw notFound('access.user');
  const [grants, tree] = await Promise.all([
    deps.repos.access.grantsOf(deps.db, [userId], true),
    unitTree(deps),
  ]);
  const units = unitsOfUser(
    grants.filter((g) => !g.revokedAt).map((g) => g.unitId),
    tree,
  );
  if (!units.some((unitId) => can(actor, 'access.user.read', { unitId }))) throw notFound('access.user');
  const canDisable =
    actor.kind === 'user' &&
    actor.userId !== userId &&
    units.every((unitId) => can(actor, 'access.user.disable', { unitId }));
  const canRevoke = (g: GrantRow) =>
    !g.revokedAt &&
    can(actor, grantAction(g.role, 'revoke'), { unitId: g.unitId }) &&
    !(actor.kind === 'user' && actor.userId === g.userId && g.role === 'administrator');
  return { user, grants: grants.map((g) => ({ ...g, canRevoke: canRevoke(g) })), canDisable };
}

/** What the invite form may offer: roles and units the actor may grant, and whether "no role" is allowed. */
export async function inviteOptions(
  deps: AppDeps,
  actor: Actor,
): Promise<GrantOptions & { allowNoRole: boolean }> {
  authorizeAnywhere(actor, 'access.user.read');
  const [options, tree] = await Promise.all([grantOptions(deps, actor), unitTree(deps)]);
  const allowNoRole = tree.roots().some((unitId) => can(actor, 'access.citizen.invite', { unitId }));
  return { ...options, allowNoRole };
}

/**
 * Creates an account without a password and mails an invitation link (valid 72 hours) to set one. With a
 * first grant, whoever may give that grant may invite; without one (a citizen account) only an
 * administrator of the root may.
 */
export async function inviteUser(deps: AppDeps, actor: Actor, input: InviteInput): Promise<{ id: string }> {
  const tree = await unitTree(deps);
  if (input.grant) {
    authorizeAnywhere(actor, 'access.user.invite');
    await assertGrantable(deps, actor, input.grant);
    authorize(actor, 'access.user.invite', { unitId: input.grant.unitId });
  } else {
    authorizeOnRoot(actor, 'access.citizen.invite', tree);
  }
  const email = normalizeEmail(input.email);
  if (await deps.repos.access.findUserByEmail(deps.db, email)) {
    throw conflict('access.user.email_taken', 'access.error.emailTaken');
  }
  const { id } = await createUserWithPassword(deps, { email, name: input.name });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await deps.repos.access.markInvited(tx, id, actorId(actor), now);
    await deps.audit.record(tx, actor, {
      action: 'access.user.invite',
      entityType: 'user',
      entityId: id,
      unitId: input.grant?.unitId ?? null,
      after: { email, name: input.name.normalize('NFC'), grant: input.grant ?? null },
    });
    if (input.grant) await insertGrantAudited(deps, tx, actor, { userId: id, ...input.grant }, now);
  });
  invalidateActorAccess(deps, id);
  await sendPasswordSetupLink(deps, email, 'invitation', input.locale);
  return { id };
}

/** Disabling signs the user out everywhere and stops their grants counting; re-enabling restores both. */
export async function setUserDisabled(
  deps: AppDeps,
  actor: Actor,
  input: { userId: string; disabled: boolean },
): Promise<void> {
  authorizeAnywhere(actor, 'access.user.disable');
  if (actor.kind === 'user' && actor.userId === input.userId) {
    throw new AppError('access.user.self_disable', 422, 'access.error.selfDisable');
  }
  const tree = await unitTree(deps);
  await deps.db.transaction(async (tx) => {
    const user = await deps.repos.access.findUser(tx, input.userId);
    if (!user) throw notFound('access.user');
    const grants = await deps.repos.access.grantsOf(tx, [input.userId]);
    const units = unitsOfUser(
      grants.map((g) => g.unitId),
      tree,
    );
    if (!units.every((unitId) => can(actor, 'access.user.disable', { unitId }))) throw forbidden();
    if ((user.disabledAt !== null) === input.disabled) return;
    const now = deps.now();
    await deps.repos.access.setDisabled(
      tx,
      input.userId,
      input.disabled ? { at: now, by: actorId(actor) } : null,
    );
    if (input.disabled) await sessionsPort.endAllOf(deps, tx, input.userId);
    await deps.audit.record(tx, actor, {
      action: input.disabled ? 'access.user.disable' : 'access.user.enable',
      entityType: 'user',
      entityId: input.userId,
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: input.disabled ? now.toISOString() : null },
    });
  });
  invalidateActorAccess(deps, input.userId);
}
