// The platform's statements for learning paths: a step completed ("completed"), a quiz attempt ("passed" or
// "failed", with the score), a path completed ("completed"). lrs subscribes to the learning module's hook
// (learning never imports lrs); each statement is written in the learner's transaction, names the path's unit
// as context and the path as the parent of its steps, and identifies the learner only by account.
import type { LearningListener } from '../learning/index.server.ts';
import { lrsPort } from './index.server.ts';

const PATH_TYPE = 'http://adlnet.gov/expapi/activities/course';
const STEP_TYPE = 'http://adlnet.gov/expapi/activities/module';
const QUIZ_TYPE = 'http://adlnet.gov/expapi/activities/assessment';

export const recordLearning: LearningListener = async (deps, tx, p) => {
  const pathIri = `${deps.config.publicUrl}/learn/paths/${p.path.id}`;
  const parent = { id: pathIri, name: p.path.title, type: PATH_TYPE };
  const common = { learnerId: p.learnerId, at: p.at, unitId: p.path.unitId, category: 'path' as const };
  if (p.kind === 'path_completed') {
    await lrsPort.recordActivity(deps, tx, {
      ...common,
      sourceKey: `learning.path:${p.learnerId}:${p.path.id}`,
      verb: 'completed',
      activity: parent,
      result: { completion: true },
    });
    return;
  }
  const stepIri = `${pathIri}/steps/${p.step.id}`;
  if (p.kind === 'step_completed') {
    await lrsPort.recordActivity(deps, tx, {
      ...common,
      sourceKey: `learning.step:${p.learnerId}:${p.step.id}`,
      verb: 'completed',
      activity: { id: stepIri, name: p.step.title, type: STEP_TYPE },
      parent,
      result: { completion: true },
    });
    return;
  }
  await lrsPort.recordActivity(deps, tx, {
    ...common,
    sourceKey: `learning.quiz:${p.learnerId}:${p.step.id}:${p.attemptNo}`,
    verb: p.passed ? 'passed' : 'failed',
    activity: { id: stepIri, name: p.step.title, type: QUIZ_TYPE },
    parent,
    result: { success: p.passed, completion: true, scaled: Math.round(p.scorePercent) / 100 },
  });
};
