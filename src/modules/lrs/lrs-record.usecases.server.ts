// The learner's record (their own, or a family member's they manage, through `currentLearner`), its export,
// goals, and staff aggregates per unit (counts, hours, learners by age band and sex; never a person).

import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { type CurrentLearner, learnerDemographics } from '../learners/index.server.ts';
import {
  consentLedger,
  LEARNING_ANALYTICS,
  learningAnalyticsAllowed,
  processingRestrictions,
} from '../privacy/index.server.ts';
import { XAPI_VERSION } from './lrs.vocab.ts';
import { AGE_BAND_OF, hoursTable, streaks } from './lrs-record.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>;

export async function learnerRecord(deps: Deps, learner: CurrentLearner) {
  const repo = deps.repos.lrsRecord;
  // Learning analytics (streaks, the goal's progress) stop under a restriction or objection and once the
  // person withdraws that consent; the record itself (timeline, hours) stays theirs to see.
  const analytics = await learningAnalyticsAllowed(deps, learner.id);
  const [timeline, hours, days, goals] = await Promise.all([
    repo.timeline(deps.db, learner.id, 100),
    repo.hoursByCategoryYear(deps.db, learner.id),
    analytics.allowed ? repo.activeDays(deps.db, learner.id) : Promise.resolve([]),
    analytics.allowed ? repo.goals(deps.db, learner.id) : Promise.resolve([]),
  ]);
  const today = isoDateInVietnam(deps.now());
  const table = hoursTable(hours);
  const year = Number(today.slice(0, 4));
  const goal = goals.find((g) => g.year === year) ?? null;
  const doneThisYear = table.totals.find((t) => t.year === year)?.hours ?? 0;
  return {
    timeline,
    table,
    analyticsOff: analytics.reason,
    streak: analytics.allowed ? { ...streaks(days, today), activeDays: days.length } : null,
    goal: goal ? { year, hours: goal.hours, done: doneThisYear } : null,
    year,
  };
}

/** The learner turns learning analytics off (a `withdrawn` ledger entry) or back on (`given`). */
export async function setLearningAnalytics(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  learner: CurrentLearner,
  on: boolean,
  noticeText: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await consentLedger.record(deps, tx, {
      purpose: LEARNING_ANALYTICS,
      action: on ? 'given' : 'withdrawn',
      learnerId: learner.id,
      actorUserId: learner.accountUserId,
      noticeText,
      channel: 'account',
    });
  });
}

export async function setLearningGoal(
  deps: Deps,
  learner: CurrentLearner,
  input: { year: number; hours: number },
) {
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 2000)
    throw new AppError('lrs.goal.hours', 422, 'lrs.error.goalHours');
  const year = Number(isoDateInVietnam(deps.now()).slice(0, 4));
  if (input.year !== year && input.year !== year + 1)
    throw new AppError('lrs.goal.year', 422, 'lrs.error.goalYear');
  await deps.repos.lrsRecord.setGoal(deps.db, learner.id, input.year, input.hours);
}

/** Every statement about the learner, as the xAPI statement result a client would get. */
export async function exportRecord(deps: Deps, learner: CurrentLearner) {
  const statements = await deps.repos.lrsRecord.statementsOf(deps.db, [learner.id]);
  return { version: XAPI_VERSION, statements, more: '' };
}

export interface UnitAggregate {
  unitId: string;
  unitName: string;
  statements: number;
  hours: number;
  learners: number;
  byAgeBand: Record<string, number>;
  bySex: Record<string, number>;
}

/** Per-unit aggregates for a calendar year, for the units in the actor's scope. */
export async function unitAggregates(deps: Deps, actor: Actor, year: number): Promise<UnitAggregate[]> {
  authorize(actor, 'lrs.aggregate.read');
  if (actor.kind !== 'user') return [];
  const from = new Date(`${year}-01-01T00:00:00+07:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  // People under a restriction or objection are left out of the staff aggregates (learning analytics).
  const restricted = await processingRestrictions.learnerIds(deps);
  const rows = (await deps.repos.lrsRecord.byUnitAndLearner(deps.db, from, to, null)).filter(
    (r) => !restricted.has(r.learnerId),
  );
  const roots = actor.grants.filter((g) => g.role !== 'citizen').map((g) => g.unitId);
  const visible = rows.filter((r) => roots.some((root) => actor.inSubtree(root, r.unitId)));
  const demographics = await learnerDemographics(deps.db, [...new Set(visible.map((r) => r.learnerId))]);
  const tree = await deps.repos.units.listTree(deps.db, { today: isoDateInVietnam(deps.now()) });
  const names = new Map(tree.map((u) => [u.id, u.name]));
  const byUnit = new Map<string, UnitAggregate>();
  for (const r of visible) {
    const a =
      byUnit.get(r.unitId) ??
      ({
        unitId: r.unitId,
        unitName: names.get(r.unitId) ?? r.unitId,
        statements: 0,
        hours: 0,
        learners: 0,
        byAgeBand: {},
        bySex: {},
      } as UnitAggregate);
    const d = demographics.get(r.learnerId);
    const band = AGE_BAND_OF(d?.birthYear ?? null, year);
    const sex = d?.sex ?? 'unknown';
    a.statements += r.count;
    a.hours += r.seconds / 3600;
    a.learners += 1;
    a.byAgeBand[band] = (a.byAgeBand[band] ?? 0) + 1;
    a.bySex[sex] = (a.bySex[sex] ?? 0) + 1;
    byUnit.set(r.unitId, a);
  }
  return [...byUnit.values()]
    .map((a) => ({ ...a, hours: Math.round(a.hours * 10) / 10 }))
    .sort((x, y) => x.unitName.localeCompare(y.unitName, 'vi'));
}
