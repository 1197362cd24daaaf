// The cooperation module: international partners, activities and their documents (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { mountCooperationRoutes } from './cooperation.http.server.ts';
import { cooperationIds } from './cooperation.ids.server.ts';
import { cooperationPermissions } from './cooperation.policies.ts';
import { createCooperationRepository } from './cooperation.repository.server.ts';
import { seedDemoCooperation } from './cooperation.seed.server.ts';
import { cooperationLinksPort } from './index.server.ts';

export const repositories = () => ({ cooperation: createCooperationRepository() });

export const feature: FeatureModule = {
  name: 'cooperation',
  idPrefixes: cooperationIds.prefixes,
  tables: ['coop_partners', 'coop_activities', 'coop_documents'],
  repositories,
  seedDemo: seedDemoCooperation,
  permissions: cooperationPermissions,
  http: [mountCooperationRoutes],
  nav: [
    {
      path: '/admin/cooperation',
      label: 'cooperation.nav',
      action: 'cooperation.activity.read',
      group: 'work',
    },
  ],
  indicatorSources: [
    {
      key: 'cooperation.activities',
      label: 'cooperation.indicator.activities',
      measure: 'count',
      breakdowns: ['unit', 'category'],
      async compute(deps, q) {
        const by = q.breakdown === 'unit' ? 'unit' : q.breakdown === 'category' ? 'kind' : undefined;
        const rows = await deps.repos.cooperation.countActivities(deps.db, {
          from: isoDateInVietnam(q.from),
          to: isoDateInVietnam(q.to),
          unitIds: q.unitIds,
          ...(by ? { by } : {}),
        });
        return by ? rows : [{ value: rows.reduce((s, r) => s + r.value, 0) }];
      },
    },
  ],
  personalData: {
    inventory: [
      {
        table: 'coop_activities',
        fields: ['staff_user_ids', 'external_names', 'created_by'],
        purpose: 'cooperation.privacy.purpose',
        retention: 'cooperation.privacy.retention',
        visibleTo: 'cooperation.privacy.visibleTo',
      },
    ],
    async export(deps, db, subject) {
      return {
        coop_activities: subject.userId
          ? await deps.repos.cooperation.activitiesOfStaff(db, subject.userId)
          : [],
      };
    },
    async erase(deps, db, subject) {
      if (subject.userId) await deps.repos.cooperation.forgetStaff(db, subject.userId);
    },
  },
  planEvidence: {
    heading: 'cooperation.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await cooperationLinksPort.forPlanInstances(deps, db, ids)).map((a) => ({
        id: a.id,
        href: `/admin/cooperation/${a.id}`,
        text: a.title,
        note: { key: `cooperation.kind.${a.kind}` as MessageKey },
      })),
  },
};
