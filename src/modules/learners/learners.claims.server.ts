// Guest event registrations made with a phone number or e-mail address this account has VERIFIED can be moved
// into the account (through the events module's claim port). Unverified contacts claim nothing.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { registrationClaims } from '../events/index.server.ts';
import { nationalForm } from './learners.phone.ts';
import { requireUser } from './learners.profiles.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit'>;

async function verifiedContacts(deps: Deps, userId: string) {
  const rows = await deps.repos.learners.contactsOf(deps.db, [userId]);
  const verified = rows.filter((r) => r.verifiedAt !== null);
  return {
    phones: verified.filter((r) => r.kind === 'phone').flatMap((r) => [r.address, nationalForm(r.address)]),
    emails: verified.filter((r) => r.kind === 'email').map((r) => r.address),
  };
}

export async function claimableRegistrations(deps: Deps, actor: Actor): Promise<number> {
  const user = requireUser(actor);
  return (await registrationClaims.claimable(deps, deps.db, await verifiedContacts(deps, user.userId)))
    .length;
}

export async function claimRegistrations(deps: Deps, actor: Actor): Promise<number> {
  const user = requireUser(actor);
  const contacts = await verifiedContacts(deps, user.userId);
  return deps.db.transaction(async (tx) => {
    const ids = await registrationClaims.claim(deps, tx, user.userId, contacts);
    if (ids.length) {
      await deps.audit.record(tx, actor, {
        action: 'learners.registrations.claim',
        entityType: 'user',
        entityId: user.userId,
        after: { registrations: ids },
      });
    }
    return ids.length;
  });
}
