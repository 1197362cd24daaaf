// Reading challenges: staff create and publish them for their units; learners join a running one (with a
// group and a leaderboard opt-in), log what they read (marked self-logged, only for days inside the window
// and not after today), and see their progress; the public page shows only opted-in names.
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError, notFound, unauthenticated } from '../../lib/errors.ts';
import { checkVersion } from '../../lib/versions.server.ts';
import { authorizeAnywhere, visibleUnits } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { currentLearner } from '../learners/index.server.ts';
import { processingRestrictions } from '../privacy/index.server.ts';
import type { ChallengeRow } from './challenges.repository.server.ts';
import { newId } from './learning.ids.server.ts';
import { entryDayProblem, isRunning, progressPercent } from './learning.rules.ts';
import type { ChallengeInput, EntryInput, JoinInput } from './learning.schemas.server.ts';
import type { LearningDeps } from './learning.usecases.server.ts';
import type { PublishStatus } from './learning.vocab.ts';

const userId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
const today = (deps: LearningDeps) => isoDateInVietnam(deps.now());

export async function listManagedChallenges(deps: LearningDeps, actor: Actor): Promise<ChallengeRow[]> {
  authorize(actor, 'learning.challenge.list');
  const units = visibleUnits(actor, 'learning.challenge.update', await unitTree(deps));
  return deps.repos.challenges.listForUnits(deps.db, units, 200);
}

export async function challengeForEdit(deps: LearningDeps, actor: Actor, id: string): Promise<ChallengeRow> {
  authorizeAnywhere(actor, 'learning.challenge.update');
  const c = await deps.repos.challenges.get(deps.db, id);
  if (!c) throw notFound('learning.challenge');
  authorize(actor, 'learning.challenge.update', { unitId: c.unitId });
  return c;
}

async function requireUnit(deps: LearningDeps, db: Db, unitId: string) {
  if (!(await deps.repos.units.get(db, unitId)))
    throw new AppError('learning.unit_not_found', 422, 'learning.error.unit');
}

export async function createChallenge(
  deps: LearningDeps,
  actor: Actor,
  input: ChallengeInput,
): Promise<string> {
  authorize(actor, 'learning.challenge.create', { unitId: input.unitId });
  return deps.db.transaction(async (tx) => {
    await requireUnit(deps, tx, input.unitId);
    const values = { id: newId('rch'), ...input };
    await deps.repos.challenges.insert(tx, values, userId(actor));
    await deps.audit.record(tx, actor, {
      action: 'learning.challenge.create',
      entityType: 'reading_challenge',
      entityId: values.id,
      unitId: input.unitId,
      after: values,
    });
    return values.id;
  });
}

async function challengeForWrite(deps: LearningDeps, tx: Db, actor: Actor, id: string, version: number) {
  const c = await deps.repos.challenges.lock(tx, id);
  if (!c) throw notFound('learning.challenge');
  authorizeEdit(actor, 'learning.challenge.update', c.unitId, c.status === 'published', 'learning.challenge');
  checkVersion('learning.challenge', c.version, version);
  return c;
}

export async function updateChallenge(
  deps: LearningDeps,
  actor: Actor,
  id: string,
  input: ChallengeInput & { version: number },
) {
  authorizeAnywhere(actor, 'learning.challenge.update');
  const { version, ...values } = input;
  await deps.db.transaction(async (tx) => {
    const before = await challengeForWrite(deps, tx, actor, id, version);
    if (values.unitId !== before.unitId) {
      authorize(actor, 'learning.challenge.update', { unitId: values.unitId });
      await requireUnit(deps, tx, values.unitId);
    }
    await deps.repos.challenges.update(tx, { id, ...values });
    await deps.audit.record(tx, actor, {
      action: 'learning.challenge.update',
      entityType: 'reading_challenge',
      entityId: id,
      unitId: values.unitId,
      before,
      after: values,
    });
  });
}

export async function setChallengeStatus(
  deps: LearningDeps,
  actor: Actor,
  id: string,
  status: PublishStatus,
  version: number,
) {
  authorizeAnywhere(actor, 'learning.challenge.update');
  await deps.db.transaction(async (tx) => {
    const c = await challengeForWrite(deps, tx, actor, id, version);
    await deps.repos.challenges.setStatus(tx, id, status);
    await deps.audit.record(tx, actor, {
      action: status === 'published' ? 'learning.challenge.publish' : 'learning.challenge.unpublish',
      entityType: 'reading_challenge',
      entityId: id,
      unitId: c.unitId,
      before: { status: c.status },
      after: { status },
    });
  });
}

export async function runningChallenges(deps: LearningDeps, actor: Actor): Promise<ChallengeRow[]> {
  authorize(actor, 'learning.challenge.read');
  return deps.repos.challenges.running(deps.db, today(deps));
}

async function visibleChallenge(deps: LearningDeps, db: Db, actor: Actor, id: string): Promise<ChallengeRow> {
  authorize(actor, 'learning.challenge.read');
  const c = await deps.repos.challenges.get(db, id);
  if (!c || (c.status !== 'published' && !can(actor, 'learning.challenge.update', { unitId: c.unitId })))
    throw notFound('learning.challenge');
  return c;
}

export async function viewChallenge(deps: LearningDeps, actor: Actor, id: string, request?: Request) {
  const challenge = await visibleChallenge(deps, deps.db, actor, id);
  const learner = await currentLearner(actor, request);
  // A person under a restriction or objection does not appear on the public leaderboard.
  const hidden = await processingRestrictions.learnerIds(deps);
  const [participants, leaderboard, groups] = await Promise.all([
    deps.repos.challenges.participantCount(deps.db, id),
    deps.repos.challenges.leaderboard(deps.db, id, 20, [...hidden]),
    deps.repos.challenges.groupTotals(deps.db, id),
  ]);
  let me = null;
  if (learner) {
    const participant = await deps.repos.challenges.participant(deps.db, id, learner.id);
    if (participant) {
      const total = (await deps.repos.challenges.totals(deps.db, id, [learner.id])).get(learner.id) ?? 0;
      me = {
        ...participant,
        total,
        percent: progressPercent(total, challenge.goal),
        entries: await deps.repos.challenges.entries(deps.db, id, learner.id),
      };
    }
  }
  return {
    challenge,
    running: challenge.status === 'published' && isRunning(challenge, today(deps)),
    today: today(deps),
    participants,
    leaderboard,
    groups,
    signedIn: learner !== null,
    learnerName: learner?.displayName ?? null,
    me,
  };
}

async function runningForLearner(deps: LearningDeps, db: Db, actor: Actor, id: string, request?: Request) {
  authorize(actor, 'learning.challenge.join');
  const learner = await currentLearner(actor, request);
  if (!learner) throw unauthenticated();
  const c = await deps.repos.challenges.get(db, id);
  if (c?.status !== 'published') throw notFound('learning.challenge');
  if (!isRunning(c, today(deps)))
    throw new AppError('learning.challenge_closed', 409, 'learning.error.notRunning');
  return { c, learner };
}

export async function joinChallenge(
  deps: LearningDeps,
  actor: Actor,
  id: string,
  input: JoinInput,
  request?: Request,
) {
  const { c, learner } = await runningForLearner(deps, deps.db, actor, id, request);
  if (c.groupKind && !input.groupName)
    throw new AppError('learning.group_required', 422, 'learning.error.groupRequired');
  await deps.repos.challenges.upsertParticipant(
    deps.db,
    id,
    {
      learnerId: learner.id,
      displayName: learner.displayName.slice(0, 120) || '—',
      groupName: c.groupKind ? (input.groupName ?? null) : null,
      leaderboardOptIn: input.leaderboardOptIn,
    },
    deps.now(),
  );
}

/** A self-logged entry: marked as such; its day must lie in the window and not after today. */
export async function logReading(
  deps: LearningDeps,
  actor: Actor,
  id: string,
  input: EntryInput,
  request?: Request,
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const { c, learner } = await runningForLearner(deps, tx, actor, id, request);
    if (!(await deps.repos.challenges.participant(tx, id, learner.id)))
      throw new AppError('learning.not_joined', 409, 'learning.error.notJoined');
    const problem = entryDayProblem(c, today(deps), input.readOn);
    if (problem)
      throw new AppError('learning.entry_day', 422, `learning.error.entryDay.${problem}`, {
        details: [{ path: 'readOn', message: problem }],
      });
    if (c.goalKind === 'minutes' && input.minutes === 0)
      throw new AppError('learning.entry_minutes', 422, 'learning.error.minutesRequired', {
        details: [{ path: 'minutes', message: 'required' }],
      });
    let title = input.title ?? '';
    let recordId: string | null = null;
    if (input.recordId) {
      const [r] = await catalogueRecordsPort.summaries(deps, tx, [input.recordId]);
      if (!r?.published) throw new AppError('learning.record_unknown', 422, 'learning.error.recordUnknown');
      recordId = r.id;
      title = r.title;
    }
    const entryId = newId('rce');
    await deps.repos.challenges.insertEntry(tx, {
      id: entryId,
      challengeId: id,
      learnerId: learner.id,
      source: 'self',
      sourceRef: null,
      recordId,
      title,
      books: 1,
      minutes: input.minutes,
      readOn: input.readOn,
    });
    return entryId;
  });
}
