// The learners module's public surface. A learner is a person whose learning the platform records: an
// account holder (their learner id is their account's user id) or, later, a family member the account
// manages (an id of its own). Other modules key their learner data by this id (`learner_id text`, no
// foreign key across modules) and ask this port who the current learner is; they never read its tables.
import type { Actor } from '../../lib/authz.ts';

export interface CurrentLearner {
  /** The learner whose record is being used. */
  id: string;
  /** The account acting (the guardian when a family member is selected). */
  accountUserId: string;
  displayName: string;
}

/**
 * The learner a signed-in person acts as: themselves, unless they switched to a family member they manage
 * (the learners module adds that switch). Null for anonymous visitors.
 */
export async function currentLearner(actor: Actor, _request?: Request): Promise<CurrentLearner | null> {
  if (actor.kind !== 'user') return null;
  return { id: actor.userId, accountUserId: actor.userId, displayName: actor.name };
}

/** What aggregates may break learners down by (never shown per person). */
export interface LearnerDemographics {
  birthYear: number | null;
  sex: 'female' | 'male' | 'other' | null;
}

/**
 * Birth year and sex of these learners, by id (one query for the list), for per-unit aggregates by age band
 * and sex. The learners module's profiles (accounts, issue 12) answer it; until they land nothing is known
 * and every learner counts as "unknown".
 */
export async function learnerDemographics(
  _db: unknown,
  _ids: readonly string[],
): Promise<Map<string, LearnerDemographics>> {
  return new Map();
}
