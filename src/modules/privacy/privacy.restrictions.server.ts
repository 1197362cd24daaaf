// Restriction and objection requests (Law 91/2025/QH15, issue 14): accepting one ("done" in the staff queue)
// puts a restriction in force at once: other modules ask `processingRestrictions` (index.server.ts) and skip
// non-essential processing of the person (pre-due loan reminders, followed-place notifications, feedback
// invitations) until an administrator lifts it. Both steps are audited.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { accountById } from '../auth/index.server.ts';
import { contactHash } from './index.server.ts';
import type { PrivacyRequest } from './privacy.repository.server.ts';
import type { Restriction } from './privacy.restrictions.repository.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config'>;

/** The contacts a restriction covers: the account's e-mail, or the guest's verified contact (read before the
 * completion transaction: the account is read through the auth module's port, outside it). */
export async function restrictionContacts(deps: Deps, r: PrivacyRequest): Promise<string[]> {
  if (r.kind !== 'restriction' && r.kind !== 'objection') return [];
  if (r.userId) {
    const account = await accountById(deps, r.userId);
    return account ? [account.email] : [];
  }
  return r.contact && r.contact !== '[erased]' ? [r.contact] : [];
}

/** In the request's completion transaction: the restriction or objection comes into force. */
export async function startRestriction(
  deps: Deps,
  tx: Db,
  actor: Actor,
  r: PrivacyRequest,
  contacts: readonly string[],
): Promise<void> {
  if (r.kind !== 'restriction' && r.kind !== 'objection') return;
  const id = await deps.repos.restrictions.start(tx, {
    requestId: r.id,
    kind: r.kind,
    userId: r.userId,
    contactHashes: contacts.map((c) => contactHash(deps, c)),
    startedAt: deps.now(),
  });
  await deps.audit.record(tx, actor, {
    action: 'privacy.restriction.start',
    entityType: 'privacy_restriction',
    entityId: id,
    after: { requestId: r.id, kind: r.kind },
  });
}

export async function activeRestrictions(deps: Deps, actor: Actor): Promise<Restriction[]> {
  authorize(actor, 'privacy.request.handle');
  return deps.repos.restrictions.active(deps.db);
}

/** Lifts a restriction or objection: processing resumes. */
export async function liftRestriction(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'privacy.request.handle');
  await deps.db.transaction(async (tx) => {
    const lifted = await deps.repos.restrictions.lift(
      tx,
      id,
      deps.now(),
      actor.kind === 'user' ? actor.userId : null,
    );
    if (!lifted) throw new AppError('privacy.restriction.not_found', 404, 'error.notFound');
    await deps.audit.record(tx, actor, {
      action: 'privacy.restriction.lift',
      entityType: 'privacy_restriction',
      entityId: id,
      after: { requestId: lifted.requestId, kind: lifted.kind },
    });
  });
}
