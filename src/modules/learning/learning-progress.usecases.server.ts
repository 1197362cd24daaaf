// A learner following a path: the public path and step views (drafts only for those who keep them), marking
// a step done, answering a quiz (graded here, attempt limit and double submits enforced by the database), and
// the path's completion — recorded once, then credited to the learner's running reading challenges.
import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound, unauthenticated } from '../../lib/errors.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { eventsPort } from '../events/index.server.ts';
import { exhibitionsPort } from '../exhibitions/index.server.ts';
import { currentLearner } from '../learners/index.server.ts';
import { creditVerifiedActivity } from './challenges.credit.server.ts';
import { newId } from './learning.ids.server.ts';
import {
  ForeignAnswerError,
  gradeQuiz,
  type PublicQuiz,
  publicQuiz,
  type QuizAnswers,
} from './learning.quiz.ts';
import type { PathRow, StepRow } from './learning.repository.server.ts';
import { isPathComplete } from './learning.rules.ts';
import { sanitizeRichText } from './learning.sanitize.server.ts';
import { type LearningDeps, pathVisible } from './learning.usecases.server.ts';
import { notifyLearning } from './learning-hooks.server.ts';

export interface PublicStep {
  id: string;
  position: number;
  kind: StepRow['kind'];
  title: string;
  /** Sanitised again on output. */
  body: string;
  fileId: string | null;
  alt: string | null;
  url: string | null;
  refId: string | null;
  /** Title of the referenced record, exhibition or event; null when it is gone or unpublished. */
  refTitle: string | null;
  /** Public page of the referenced item (locale-free path). */
  refPath: string | null;
  required: boolean;
  quiz: PublicQuiz | null;
}

async function publicSteps(deps: LearningDeps, db: Db, steps: readonly StepRow[]): Promise<PublicStep[]> {
  const ids = (kind: string) => steps.filter((s) => s.kind === kind && s.refId).map((s) => s.refId as string);
  const [records, exhibitions, events] = await Promise.all([
    catalogueRecordsPort.summaries(deps, db, ids('record')),
    exhibitionsPort.summaries(deps, db, ids('exhibition')),
    eventsPort.summaries(deps, db, ids('event')),
  ]);
  const refs = new Map<string, { title: string; path: string }>();
  for (const r of records)
    if (r.published) refs.set(r.id, { title: r.title, path: `/catalogue/records/${r.id}` });
  for (const x of exhibitions)
    if (x.status === 'published') refs.set(x.id, { title: x.titleVi, path: `/exhibitions/${x.slug}` });
  for (const e of events)
    if (e.status === 'published') refs.set(e.id, { title: e.title, path: `/events/${e.id}` });
  return steps.map((s) => ({
    id: s.id,
    position: s.position,
    kind: s.kind,
    title: s.title,
    body: s.kind === 'page' ? sanitizeRichText(s.body) : s.body,
    fileId: s.fileId,
    alt: s.alt,
    url: s.url,
    refId: s.refId,
    refTitle: s.refId ? (refs.get(s.refId)?.title ?? null) : null,
    refPath: s.refId ? (refs.get(s.refId)?.path ?? null) : null,
    required: s.required,
    quiz: s.quiz ? publicQuiz(s.quiz) : null,
  }));
}

export async function listPublishedPaths(deps: LearningDeps, actor: Actor) {
  authorize(actor, 'learning.path.read');
  const paths = await deps.repos.learningPaths.listPublished(deps.db, 100);
  const counts = await deps.repos.learningPaths.stepCounts(
    deps.db,
    paths.map((p) => p.id),
  );
  return paths.map((p) => ({ ...p, stepCount: counts.get(p.id) ?? 0 }));
}

async function visiblePath(deps: LearningDeps, actor: Actor, pathId: string): Promise<PathRow> {
  authorize(actor, 'learning.path.read');
  const path = await deps.repos.learningPaths.get(deps.db, pathId);
  if (!path || !pathVisible(actor, path)) throw notFound('learning.path');
  return path;
}

export async function viewPath(deps: LearningDeps, actor: Actor, pathId: string, request?: Request) {
  const path = await visiblePath(deps, actor, pathId);
  const steps = await publicSteps(deps, deps.db, await deps.repos.learningPaths.steps(deps.db, pathId));
  const learner = await currentLearner(actor, request);
  const done = learner
    ? await deps.repos.learningPaths.doneSteps(deps.db, learner.id, pathId)
    : new Set<string>();
  const completedAt = learner ? await deps.repos.learningPaths.completion(deps.db, learner.id, pathId) : null;
  return { path, steps, done: [...done], completedAt, signedIn: learner !== null };
}

export async function viewStep(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  stepId: string,
  request?: Request,
) {
  const view = await viewPath(deps, actor, pathId, request);
  const index = view.steps.findIndex((s) => s.id === stepId);
  const step = view.steps[index];
  if (!step) throw notFound('learning.step');
  const learner = await currentLearner(actor, request);
  const attempts =
    learner && step.kind === 'quiz'
      ? await deps.repos.learningPaths.attempts(deps.db, learner.id, stepId)
      : [];
  return {
    ...view,
    step,
    index,
    previous: view.steps[index - 1]?.id ?? null,
    next: view.steps[index + 1]?.id ?? null,
    attempts,
  };
}

async function learnerOf(actor: Actor, request?: Request) {
  authorize(actor, 'learning.progress.write');
  const learner = await currentLearner(actor, request);
  if (!learner) throw unauthenticated();
  return learner;
}

/** A published path's step, for a learner's write (drafts cannot be followed, even by their makers). */
async function stepForLearner(deps: LearningDeps, db: Db, pathId: string, stepId: string) {
  const path = await deps.repos.learningPaths.get(db, pathId);
  if (path?.status !== 'published') throw notFound('learning.path');
  const steps = await deps.repos.learningPaths.steps(db, pathId);
  const step = steps.find((s) => s.id === stepId);
  if (!step) throw notFound('learning.step');
  return { path, steps, step };
}

const pathRef = (p: PathRow) => ({ id: p.id, title: p.title, unitId: p.unitId });

/** Marks a step done; the first time, tells the listeners (the LRS writes "completed"). */
async function markStepDone(deps: LearningDeps, tx: Db, learnerId: string, path: PathRow, step: StepRow) {
  if (!(await deps.repos.learningPaths.markDone(tx, learnerId, path.id, step.id))) return;
  await notifyLearning(deps, tx, {
    kind: 'step_completed',
    learnerId,
    path: pathRef(path),
    step: { id: step.id, title: step.title },
    at: deps.now(),
  });
}

/** Records the path's completion when its rule is now met; credits running challenges the first time. */
async function completeIfDone(
  deps: LearningDeps,
  tx: Db,
  learnerId: string,
  path: PathRow,
  steps: StepRow[],
) {
  const done = await deps.repos.learningPaths.doneSteps(tx, learnerId, path.id);
  if (!isPathComplete(path.completionRule, steps, done)) return false;
  if (!(await deps.repos.learningPaths.complete(tx, learnerId, path.id, path.unitId, deps.now())))
    return false;
  await notifyLearning(deps, tx, { kind: 'path_completed', learnerId, path: pathRef(path), at: deps.now() });
  await creditVerifiedActivity(deps, tx, {
    learnerId,
    source: 'path',
    sourceRef: path.id,
    title: path.title,
    at: deps.now(),
    books: steps.filter((s) => s.kind === 'record').length,
    minutes: 0,
  });
  return true;
}

export async function completeStep(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  stepId: string,
  request?: Request,
): Promise<{ pathCompleted: boolean }> {
  const learner = await learnerOf(actor, request);
  return deps.db.transaction(async (tx) => {
    const { path, steps, step } = await stepForLearner(deps, tx, pathId, stepId);
    if (step.kind === 'quiz')
      throw new AppError('learning.quiz_not_passed', 409, 'learning.error.quizNotPassed');
    await markStepDone(deps, tx, learner.id, path, step);
    return { pathCompleted: await completeIfDone(deps, tx, learner.id, path, steps) };
  });
}

export interface QuizOutcome {
  attemptNo: number;
  scorePercent: number;
  passed: boolean;
  results: Record<string, boolean>;
  attemptsLeft: number;
  pathCompleted: boolean;
}

export async function answerQuiz(
  deps: LearningDeps,
  actor: Actor,
  pathId: string,
  stepId: string,
  answers: QuizAnswers,
  request?: Request,
): Promise<QuizOutcome> {
  const learner = await learnerOf(actor, request);
  return deps.db.transaction(async (tx) => {
    const { path, steps, step } = await stepForLearner(deps, tx, pathId, stepId);
    if (step.kind !== 'quiz' || !step.quiz) throw notFound('learning.quiz');
    const previous = await deps.repos.learningPaths.attempts(tx, learner.id, stepId);
    if (previous.some((a) => a.passed))
      throw new AppError('learning.quiz_passed', 409, 'learning.error.alreadyPassed');
    if (previous.length >= step.quiz.maxAttempts)
      throw new AppError('learning.attempts_used', 409, 'learning.error.attemptsUsed', {
        params: { max: step.quiz.maxAttempts },
      });
    let grade: ReturnType<typeof gradeQuiz>;
    try {
      grade = gradeQuiz(step.quiz, answers);
    } catch (e) {
      if (e instanceof ForeignAnswerError)
        throw new AppError('learning.answer_invalid', 422, 'learning.error.foreignAnswer');
      throw e;
    }
    const attemptNo = previous.length + 1;
    const inserted = await deps.repos.learningPaths.insertAttempt(tx, {
      id: newId('qatt'),
      learnerId: learner.id,
      pathId,
      stepId,
      attemptNo,
      scorePercent: grade.scorePercent,
      passed: grade.passed,
      answers,
    });
    // Another submission of this attempt got in first (a double click racing itself).
    if (!inserted) throw new AppError('learning.attempt_conflict', 409, 'learning.error.attemptConflict');
    await notifyLearning(deps, tx, {
      kind: 'quiz_attempted',
      learnerId: learner.id,
      path: pathRef(path),
      step: { id: step.id, title: step.title },
      attemptNo,
      scorePercent: grade.scorePercent,
      passed: grade.passed,
      at: deps.now(),
    });
    let pathCompleted = false;
    if (grade.passed) {
      await markStepDone(deps, tx, learner.id, path, step);
      pathCompleted = await completeIfDone(deps, tx, learner.id, path, steps);
    }
    return {
      attemptNo,
      scorePercent: grade.scorePercent,
      passed: grade.passed,
      results: grade.results,
      attemptsLeft: step.quiz.maxAttempts - attemptNo,
      pathCompleted,
    };
  });
}
