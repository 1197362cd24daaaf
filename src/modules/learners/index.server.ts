// The learners module's public surface. A learner is a person whose learning the platform records: an
// account holder (their learner id is their account's user id) or a family member the account manages (an id
// of its own, `lrn_…`). Other modules key their learner data by this id (`learner_id text`, no foreign key
// across modules) and ask this port who the current learner is and whether they may take part; they never read
// this module's tables.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { createLearnersRepository } from './learners.repository.server.ts';

const profilesRepository = createLearnersRepository();

import { type Participation, participation } from './learners.consent.server.ts';
import { selectedFor } from './learners.current.server.ts';

export type { ParticipationBlock } from './learners.age.ts';
export type { Participation } from './learners.consent.server.ts';

export interface CurrentLearner {
  /** The learner whose record is being used. */
  id: string;
  /** The account acting (the guardian when a family member is selected). */
  accountUserId: string;
  displayName: string;
}

/**
 * The learner a signed-in person acts as: themselves, unless they switched to a family member they manage (the
 * switch is a signed cookie checked against what the account manages on every request, see
 * learners.current.server.ts). Null for anonymous visitors.
 */
export async function currentLearner(actor: Actor, _request?: Request): Promise<CurrentLearner | null> {
  if (actor.kind !== 'user') return null;
  return selectedFor(actor) ?? { id: actor.userId, accountUserId: actor.userId, displayName: actor.name };
}

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

export interface LearnerProfileSummary {
  id: string;
  managerUserId: string;
  relation: 'self' | 'child' | 'parent' | 'other';
  displayName: string;
  birthYear: number | null;
  commune: string | null;
  preferredLanguage: 'vi' | 'en';
}

export const learnersPort = {
  /**
   * May this learner register for events, borrow, or appear anywhere public (leaderboards, lists)? False for
   * minors without the consents the rules ask for, for profiles with no year of birth, and for unknown ids.
   * Callers refuse with the blocks' messages (`learners.block.<block>`).
   */
  async canParticipate(deps: Deps, learnerId: string): Promise<Participation> {
    return (await participation(deps, [learnerId])).get(learnerId)!;
  },
  /** The same for a list (one query per table). */
  participation: (deps: Deps, learnerIds: readonly string[]) => participation(deps, learnerIds),
  /** Profiles by learner id (absent ids are left out). */
  async profiles(deps: Deps, ids: readonly string[]): Promise<LearnerProfileSummary[]> {
    const rows = await deps.repos.learners.profiles(deps.db, [...new Set(ids)]);
    return rows.map(summary);
  },
  /** The learners an account manages, its own profile first. */
  async managedBy(deps: Deps, userId: string): Promise<LearnerProfileSummary[]> {
    return (await deps.repos.learners.managedBy(deps.db, userId)).map(summary);
  },
  /** Verified mobile numbers (E.164) of these accounts, by user id (one query), for notices by SMS. */
  async verifiedPhones(deps: Deps, userIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await deps.repos.learners.contactsOf(deps.db, [...new Set(userIds)]);
    const out = new Map<string, string>();
    for (const r of rows)
      if (r.kind === 'phone' && r.verifiedAt && !out.has(r.userId)) out.set(r.userId, r.address);
    return out;
  },
  /** Whether this account manages this learner (its own id included): the guardian sees the child's record. */
  async manages(deps: Deps, userId: string, learnerId: string): Promise<boolean> {
    if (userId === learnerId) return true;
    const [p] = await deps.repos.learners.profiles(deps.db, [learnerId]);
    return p?.managerUserId === userId;
  },
};

function summary(r: {
  id: string;
  managerUserId: string;
  relation: LearnerProfileSummary['relation'];
  displayName: string;
  birthYear: number | null;
  commune: string | null;
  preferredLanguage: 'vi' | 'en';
}): LearnerProfileSummary {
  return {
    id: r.id,
    managerUserId: r.managerUserId,
    relation: r.relation,
    displayName: r.displayName,
    birthYear: r.birthYear,
    commune: r.commune,
    preferredLanguage: r.preferredLanguage,
  };
}

/** What aggregates may break learners down by (never shown per person). */
export interface LearnerDemographics {
  birthYear: number | null;
  sex: 'female' | 'male' | 'other' | null;
  /** The commune the person declared (a name from the places data), for the equity view's per-commune rows. */
  commune: string | null;
}

/**
 * Birth year and sex of these learners, by id (one query for the list), for per-unit aggregates by age band
 * and sex. Profiles record a year of birth; sex is not asked for (data minimisation), so it is always null and
 * the aggregates show it as "unknown".
 */
export async function learnerDemographics(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, LearnerDemographics>> {
  const rows = await profilesRepository.profiles(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { birthYear: r.birthYear, sex: null, commune: r.commune }]));
}

/** Display names of these learners, by id, read in the caller's transaction (absent ids left out). */
export async function learnerNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await profilesRepository.profiles(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Consents a guardian gave for a managed profile: withdrawn from the privacy page (recorded in the ledger). */
export { withdrawConsents } from './learners.consent.server.ts';

import { consumeCode, issueCode } from './learners.codes.server.ts';

/**
 * One-time codes to a contact (a Vietnamese mobile in E.164, or an e-mail address), for other modules that must
 * check a person controls it (the privacy module's request form for guests). Same store, hashing and rate
 * limits as sign-in codes; every address is treated alike, so answers reveal nothing about who is known.
 */
export const contactCodes = {
  issue: (
    deps: Pick<AppDeps, 'db' | 'repos' | 'config' | 'now'>,
    input: { address: string; ip: string | null },
  ) => issueCode(deps, { ...input, purpose: 'privacy-request' }),
  consume: (
    deps: Pick<AppDeps, 'db' | 'repos' | 'config' | 'now'>,
    input: { address: string; code: string; ip: string | null },
  ) => consumeCode(deps, { ...input, purpose: 'privacy-request' }),
};
export { nationalForm, toE164VietnameseMobile } from './learners.phone.ts';
