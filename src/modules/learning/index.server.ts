// The learning module's public surface: what other modules may use. The LRS reads path completions and
// challenge progress to write statements; credentials award on path completion; events (check-ins) and, later,
// circulation (loans) credit running reading challenges with verified activity.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { creditVerifiedActivity, type VerifiedActivity } from './challenges.credit.server.ts';

export type { VerifiedActivity } from './challenges.credit.server.ts';
export { DEMO_PATH_ID, STEP_KINDS } from './learning.vocab.ts';
export type { LearningListener, LearningProgress } from './learning-hooks.server.ts';

type Repos = Pick<AppDeps, 'repos' | 'db'>;

/** Paths these learners completed, oldest first: path id and title, the path's unit, when. */
export const pathCompletions = (deps: Repos, learnerIds: readonly string[], db: Db = deps.db) =>
  deps.repos.learningQueries.completionsOf(db, learnerIds);

/** Learning paths of these units (id, unit, title, status), for choosing one elsewhere (a badge's award rule). */
export const pathsOfUnits = async (deps: Repos, unitIds: readonly string[], db: Db = deps.db) =>
  (await deps.repos.learningPaths.listForUnits(db, unitIds, 500)).map((p) => ({
    id: p.id,
    unitId: p.unitId,
    title: p.title,
    status: p.status,
  }));

/** One learning path's unit and title, or null. */
export const pathById = async (deps: Repos, id: string, db: Db = deps.db) => {
  const p = await deps.repos.learningPaths.get(db, id);
  return p ? { id: p.id, unitId: p.unitId, title: p.title, status: p.status } : null;
};

/** The reading challenges these learners joined, with their books and minutes so far and the goal. */
export const challengeProgress = (deps: Repos, learnerIds: readonly string[], db: Db = deps.db) =>
  deps.repos.learningQueries.challengeProgressOf(db, learnerIds);

/**
 * Credits verified activity (an event check-in, a loan) to every running challenge the learner joined, once
 * per `sourceRef`, on the day it happened. Call it inside the caller's transaction. Returns the challenge ids
 * credited by this call.
 */
export const creditChallenges = (deps: Pick<AppDeps, 'repos'>, tx: Db, activity: VerifiedActivity) =>
  creditVerifiedActivity(deps, tx, activity);
