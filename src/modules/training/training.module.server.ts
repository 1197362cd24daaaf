// The training module: staff training courses, sessions, attendance, certificates (see src/app/module.ts).
import type { FeatureModule, IndicatorQuery, IndicatorRow } from '../../app/module.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { newUserShapedId } from '../auth/index.server.ts';
import { trainingLinksPort } from './index.server.ts';
import { mountTrainingRoutes } from './training.http.server.ts';
import { trainingIds } from './training.ids.server.ts';
import { trainingPermissions } from './training.policies.ts';
import { createTrainingRepository } from './training.repository.server.ts';
import { seedDemoTraining } from './training.seed.server.ts';

export const repositories = () => ({ training: createTrainingRepository() });

const totals =
  (what: 'people' | 'hours') =>
  async (
    deps: Parameters<NonNullable<FeatureModule['indicatorSources']>[number]['compute']>[0],
    q: IndicatorQuery,
  ) => {
    const rows: IndicatorRow[] = await deps.repos.training.totals(deps.db, {
      what,
      from: isoDateInVietnam(q.from),
      to: isoDateInVietnam(q.to),
      unitIds: q.unitIds,
      byUnit: q.breakdown === 'unit',
    });
    return q.breakdown === 'unit' ? rows : [{ value: rows[0]?.value ?? 0 }];
  };

export const feature: FeatureModule = {
  name: 'training',
  idPrefixes: trainingIds.prefixes,
  tables: ['training_courses', 'training_sessions', 'training_participants', 'training_attendance'],
  repositories,
  seedDemo: seedDemoTraining,
  permissions: trainingPermissions,
  http: [mountTrainingRoutes],
  nav: [{ path: '/admin/training', label: 'training.nav', action: 'training.course.read', group: 'work' }],
  indicatorSources: [
    {
      key: 'training.staff_trained',
      label: 'training.indicator.staff',
      measure: 'people',
      breakdowns: ['unit'],
      compute: totals('people'),
      // Trainees (their own learner profile, id = user id, names their commune) for the equity view.
      participants: (deps, q) =>
        deps.repos.training.attendees(deps.db, {
          from: isoDateInVietnam(q.from),
          to: isoDateInVietnam(q.to),
          unitIds: q.unitIds,
        }),
    },
    {
      key: 'training.hours',
      label: 'training.indicator.hours',
      measure: 'hours',
      breakdowns: ['unit'],
      compute: totals('hours'),
    },
  ],
  personalData: {
    inventory: [
      {
        table: 'training_participants',
        fields: ['user_id', 'unit_id', 'certificate_file_id', 'certificate_no'],
        purpose: 'training.privacy.purpose',
        retention: 'training.privacy.retention',
        visibleTo: 'training.privacy.visibleTo',
      },
      {
        table: 'training_attendance',
        fields: ['user_id'],
        purpose: 'training.privacy.purpose',
        retention: 'training.privacy.retention',
        visibleTo: 'training.privacy.visibleTo',
      },
    ],
    async export(deps, db, subject) {
      return {
        training_participants: subject.userId
          ? await deps.repos.training.participationOf(db, subject.userId)
          : [],
      };
    },
    async erase(deps, db, subject) {
      // The rows keep counting (staff trained, hours) under a pseudonym no one can link back.
      if (subject.userId)
        await deps.repos.training.pseudonymise(db, subject.userId, `erased_${newUserShapedId()}`);
    },
  },
  planEvidence: {
    heading: 'training.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await trainingLinksPort.forPlanInstances(deps, db, ids)).map((c) => ({
        id: c.id,
        href: `/admin/training/${c.id}`,
        text: c.title,
        note: { text: formatIsoDay(c.startsOn) },
      })),
  },
};
