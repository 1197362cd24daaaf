// Badges from a completed path (issue 14): the learning module tells its listeners when a learner completes a
// path, inside the learner's transaction; every active achievement whose automatic rule is `path_completed`
// for that path is issued at once, once per learner (period `once`), named as the learner's profile (else the
// account). The daily rule evaluation has no input for this kind: the award happens here, when it is earned.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { accountsPort } from '../auth/index.server.ts';
import { learnerNames } from '../learners/index.server.ts';
import type { LearningProgress } from '../learning/index.server.ts';
import { issueAward } from './credentials.usecases.server.ts';

export async function awardOnPathCompletion(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  p: LearningProgress,
): Promise<void> {
  if (p.kind !== 'path_completed') return;
  const achievements = (await deps.repos.credentials.withRule(tx, 'path_completed')).filter(
    (a) => a.awardRule?.kind === 'path_completed' && a.awardRule.ref === p.path.id,
  );
  if (!achievements.length) return;
  const name =
    (await learnerNames(tx, [p.learnerId])).get(p.learnerId) ??
    (await accountsPort.namesOf(deps, tx, [p.learnerId])).get(p.learnerId);
  if (!name) return;
  for (const a of achievements)
    await issueAward(
      deps,
      tx,
      a,
      { learnerId: p.learnerId, recipientName: name, source: 'rule', reason: null, periodKey: 'once' },
      null,
    );
}
