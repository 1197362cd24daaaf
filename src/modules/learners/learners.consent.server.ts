// Family members and the consents minors need (DOMAIN-FACTS, Law 91/2025/QH15): under the guardian threshold
// (setting, 16) a profile needs its guardian's verified consent before it can register, borrow or appear
// publicly; from the child threshold (setting, 7) the child's own consent too. The guardian is the managing
// account: an adult (by its own year of birth) with a verified phone or e-mail, recorded with the consent as
// proof, with the exact wording agreed to. Consents are never pre-ticked and never given by default.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { t } from '../../lib/i18n.server.ts';
import { consentLedger } from '../privacy/index.server.ts';
import {
  type ConsentThresholds,
  consentsNeeded,
  DEFAULT_THRESHOLDS,
  type ParticipationBlock,
  participationBlocks,
  possibleAges,
} from './learners.age.ts';
import { newId } from './learners.ids.server.ts';
import { invalid, myProfile, newLearnerId, profileValues, requireUser } from './learners.profiles.server.ts';
import { ConsentInputSchema, type FamilyMemberInput, FamilyMemberSchema } from './learners.schemas.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'audit'>;

export const GUARDIAN_UNDER_KEY = 'learners.consent.guardian_under';
export const CHILD_FROM_KEY = 'learners.consent.child_from';
/** A guardian must be at least this old (by the youngest year of birth on their own profile). */
export const GUARDIAN_MIN_AGE = 18;

export async function thresholds(deps: Pick<AppDeps, 'repos'>): Promise<ConsentThresholds> {
  const [g, c] = await Promise.all([
    deps.repos.settings.getCached<number>(GUARDIAN_UNDER_KEY),
    deps.repos.settings.getCached<number>(CHILD_FROM_KEY),
  ]);
  return {
    guardianUnder: typeof g === 'number' && g > 0 ? g : DEFAULT_THRESHOLDS.guardianUnder,
    childFrom: typeof c === 'number' && c > 0 ? c : DEFAULT_THRESHOLDS.childFrom,
  };
}

export interface Participation {
  learnerId: string;
  allowed: boolean;
  blocks: ParticipationBlock[];
  needs: { guardian: boolean; child: boolean };
}

/** For each id: may this learner register, borrow or appear publicly? Unknown ids are not allowed. */
export async function participation(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  ids: readonly string[],
): Promise<Map<string, Participation>> {
  const unique = [...new Set(ids)];
  const [rows, consents, limits] = await Promise.all([
    deps.repos.learners.profiles(deps.db, unique),
    deps.repos.learners.activeConsents(deps.db, unique),
    thresholds(deps),
  ]);
  const year = yearInVietnam(deps.now());
  const out = new Map<string, Participation>();
  for (const id of unique) {
    const p = rows.find((r) => r.id === id);
    if (!p) {
      out.set(id, {
        learnerId: id,
        allowed: false,
        blocks: ['birthYearMissing'],
        needs: { guardian: false, child: false },
      });
      continue;
    }
    const has = {
      guardian: consents.some((c) => c.learnerId === id && c.kind === 'guardian'),
      child: consents.some((c) => c.learnerId === id && c.kind === 'child'),
    };
    const blocks = participationBlocks(p.youngestBirthYear, year, limits, has);
    const need = consentsNeeded(p.youngestBirthYear, year, limits);
    out.set(id, {
      learnerId: id,
      allowed: blocks.length === 0,
      blocks,
      needs: { guardian: need.guardian, child: need.child },
    });
  }
  return out;
}

/** The verified contact that makes the actor's consent verifiable; refused when the actor cannot be a guardian. */
async function guardianProof(deps: Deps, actor: Actor): Promise<string> {
  const user = requireUser(actor);
  const [self] = await deps.repos.learners.profiles(deps.db, [user.userId]);
  const year = yearInVietnam(deps.now());
  if (!self?.youngestBirthYear || possibleAges(self.youngestBirthYear, year).min < GUARDIAN_MIN_AGE)
    throw new AppError('learners.guardian_not_adult', 403, 'learners.error.guardianNotAdult');
  const contacts = await deps.repos.learners.contactsOf(deps.db, [user.userId]);
  const verified = contacts.find((c) => c.verifiedAt !== null);
  if (!verified) throw new AppError('learners.guardian_unverified', 403, 'learners.error.guardianUnverified');
  return verified.address;
}

function consentMissing(which: 'guardianConsent' | 'childConsent'): AppError {
  return new AppError(
    `learners.${which === 'guardianConsent' ? 'guardian' : 'child'}_consent_required`,
    422,
    which === 'guardianConsent'
      ? 'learners.error.guardianConsentRequired'
      : 'learners.error.childConsentRequired',
    { details: [{ path: which, message: 'required' }] },
  );
}

async function recordConsents(
  deps: Deps,
  tx: Deps['db'],
  actor: Actor,
  learnerId: string,
  kinds: ReadonlyArray<'guardian' | 'child'>,
  contact: string,
): Promise<void> {
  const user = requireUser(actor);
  const now = deps.now();
  for (const kind of kinds) {
    const wording = t(
      'vi',
      kind === 'guardian' ? 'learners.consent.guardianText' : 'learners.consent.childText',
    );
    const id = newId('cns');
    await deps.repos.learners.insertConsent(tx, {
      id,
      learnerId,
      kind,
      givenByUserId: user.userId,
      verifiedContact: contact,
      wording,
      givenAt: now,
    });
    await consentLedger.record(deps, tx, {
      purpose: `learners.${kind}`,
      action: 'given',
      learnerId,
      actorUserId: user.userId,
      noticeText: wording,
      channel: 'account',
    });
    await deps.audit.record(tx, actor, {
      action: 'learners.consent.give',
      entityType: 'learner_consent',
      entityId: id,
      after: { learnerId, kind, verifiedContact: contact },
    });
  }
}

/**
 * Adds a family member the account will manage. A minor is added only with the consents the rules ask for, from
 * an adult guardian with a verified contact; anyone else is added as given.
 */
export async function addFamilyMember(
  deps: Deps,
  actor: Actor,
  input: FamilyMemberInput,
  /** The creating form's one-time token: the same token always makes the same learner id (double submits). */
  formToken: string | null = null,
): Promise<string> {
  const user = requireUser(actor);
  const parsed = FamilyMemberSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { relation, guardianConsent, childConsent, ...profile } = parsed.data;
  const values = await profileValues(deps, profile, null);
  const need = consentsNeeded(values.youngestBirthYear, yearInVietnam(deps.now()), await thresholds(deps));
  let contact: string | null = null;
  if (need.guardian) {
    const missing: AppError[] = [];
    if (!guardianConsent) missing.push(consentMissing('guardianConsent'));
    if (need.child && !childConsent) missing.push(consentMissing('childConsent'));
    if (missing.length === 1) throw missing[0];
    if (missing.length > 1)
      throw new AppError('learners.consents_required', 422, 'learners.error.guardianConsentRequired', {
        details: missing.flatMap((m) => m.details ?? []),
      });
    contact = await guardianProof(deps, actor);
  }
  const id = newLearnerId(formToken ? `${user.userId}\u0000${formToken}` : null);
  await deps.db.transaction(async (tx) => {
    const inserted = await deps.repos.learners.insertProfile(tx, {
      id,
      managerUserId: user.userId,
      relation,
      ...values,
    });
    if (inserted && contact) {
      const kinds: Array<'guardian' | 'child'> = need.child ? ['guardian', 'child'] : ['guardian'];
      await recordConsents(deps, tx, actor, id, kinds, contact);
    }
  });
  return id;
}

/** Gives the consents a managed profile still lacks (e.g. after its year of birth was corrected). */
export async function giveConsents(
  deps: Deps,
  actor: Actor,
  learnerId: string,
  input: { guardianConsent?: boolean; childConsent?: boolean },
): Promise<Participation> {
  const profile = await myProfile(deps, actor, learnerId);
  const parsed = ConsentInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const state = (await participation(deps, [learnerId])).get(learnerId)!;
  const wanted: Array<'guardian' | 'child'> = [];
  if (state.blocks.includes('guardianConsentMissing')) {
    if (!parsed.data.guardianConsent) throw consentMissing('guardianConsent');
    wanted.push('guardian');
  }
  if (state.blocks.includes('childConsentMissing')) {
    if (!parsed.data.childConsent) throw consentMissing('childConsent');
    wanted.push('child');
  }
  if (wanted.length === 0) return state;
  // The account holder's own profile cannot consent for itself: a guardian must manage the child.
  if (profile.relation === 'self')
    throw new AppError('learners.self_consent', 403, 'learners.error.selfConsent');
  const contact = await guardianProof(deps, actor);
  await deps.db.transaction((tx) => recordConsents(deps, tx, actor, learnerId, wanted, contact));
  return (await participation(deps, [learnerId])).get(learnerId)!;
}

/** Withdraws every consent given for a managed profile: it can no longer take part until given again. */
export async function withdrawConsents(deps: Deps, actor: Actor, learnerId: string): Promise<number> {
  await myProfile(deps, actor, learnerId);
  return deps.db.transaction(async (tx) => {
    const active = await deps.repos.learners.activeConsents(tx, [learnerId]);
    const n = await deps.repos.learners.withdrawConsents(tx, learnerId, deps.now());
    for (const c of active) {
      await consentLedger.record(deps, tx, {
        purpose: `learners.${c.kind}`,
        action: 'withdrawn',
        learnerId,
        actorUserId: requireUser(actor).userId,
        noticeText: c.wording,
        channel: 'account',
      });
    }
    if (n) {
      await deps.audit.record(tx, actor, {
        action: 'learners.consent.withdraw',
        entityType: 'learner_profile',
        entityId: learnerId,
      });
    }
    return n;
  });
}
