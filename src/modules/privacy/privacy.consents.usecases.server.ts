// The citizen's consents, from the ledger: what they (or, for a child, they as guardian) agreed to, under which
// notice version, when and how; withdrawing is one button, as easy as giving, and takes effect at once.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { learnersPort, withdrawConsents } from '../learners/index.server.ts';
import { type ConsentEntry, consentLedger, currentConsents } from './index.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config'>;

export interface ConsentView extends ConsentEntry {
  learnerName: string;
}

/** The account's learners (itself and the family members it manages): id → display name. */
async function myLearners(deps: Deps, actor: Actor): Promise<Map<string, string>> {
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'error.unauthenticated');
  const managed = await learnersPort.managedBy(deps, actor.userId);
  const out = new Map(managed.map((p) => [p.id, p.displayName]));
  if (!out.has(actor.userId)) out.set(actor.userId, actor.name);
  return out;
}

export async function myConsents(
  deps: Deps,
  actor: Actor,
): Promise<{ current: ConsentView[]; history: ConsentView[] }> {
  const learners = await myLearners(deps, actor);
  const history = (await consentLedger.history(deps, [...learners.keys()])).map((e) => ({
    ...e,
    learnerName: learners.get(e.learnerId ?? '') ?? '',
  }));
  return {
    current: currentConsents(history).filter((e) => e.action === 'given'),
    history: history.reverse(),
  };
}

/** Withdraws a consent the account holds (for itself or a child it manages); effective immediately. */
export async function withdrawConsent(
  deps: Deps,
  actor: Actor,
  input: { learnerId: string; purpose: string },
): Promise<void> {
  const learners = await myLearners(deps, actor);
  if (!learners.has(input.learnerId) || actor.kind !== 'user')
    throw new AppError('privacy.consent_not_found', 404, 'error.notFound');
  const history = await consentLedger.history(deps, [input.learnerId]);
  const live = currentConsents(history).find(
    (e) => e.learnerId === input.learnerId && e.purpose === input.purpose && e.action === 'given',
  );
  if (!live) throw new AppError('privacy.consent_not_found', 404, 'error.notFound');
  if (input.purpose.startsWith('learners.')) {
    // The learners module withdraws its consents (the child can no longer take part or appear publicly) and
    // writes the ledger entries.
    await withdrawConsents(deps, actor, input.learnerId);
    return;
  }
  const notice =
    (await deps.repos.consents.notice(deps.db, live.purpose, live.noticeVersion)) ?? live.noticeVersion;
  await deps.db.transaction(async (tx) => {
    await consentLedger.record(deps, tx, {
      purpose: live.purpose,
      action: 'withdrawn',
      learnerId: input.learnerId,
      actorUserId: actor.userId,
      subjectRef: live.subjectRef,
      noticeText: notice,
      channel: 'account',
    });
    await deps.audit.record(
      tx,
      { ...actor, email: `user:${actor.userId}` },
      {
        action: 'privacy.consent.withdraw',
        entityType: 'consent',
        entityId: live.id,
        after: { purpose: live.purpose },
      },
    );
  });
}
