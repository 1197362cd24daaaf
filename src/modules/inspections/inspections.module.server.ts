// The inspections module: inspection plans, visits and follow-up actions (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { inspectionsLinksPort } from './index.server.ts';
import { mountInspectionsRoutes } from './inspections.http.server.ts';
import { inspectionsIds } from './inspections.ids.server.ts';
import { inspectionsPermissions } from './inspections.policies.ts';
import { createInspectionsRepository } from './inspections.repository.server.ts';
import { seedDemoInspections } from './inspections.seed.server.ts';
import { overdueFollowUpsFor } from './inspections.usecases.server.ts';

export const repositories = () => ({ inspections: createInspectionsRepository() });

export const feature: FeatureModule = {
  name: 'inspections',
  idPrefixes: inspectionsIds.prefixes,
  tables: ['insp_plans', 'insp_visits', 'insp_followups'],
  repositories,
  seedDemo: seedDemoInspections,
  permissions: inspectionsPermissions,
  http: [mountInspectionsRoutes],
  nav: [
    { path: '/admin/inspections', label: 'inspections.nav', action: 'inspections.plan.read', group: 'work' },
  ],
  indicatorSources: [
    {
      key: 'inspections.visits_done',
      label: 'inspections.indicator.visits',
      measure: 'count',
      breakdowns: ['unit'],
      async compute(deps, q) {
        const rows = await deps.repos.inspections.countVisits(deps.db, {
          from: isoDateInVietnam(q.from),
          to: isoDateInVietnam(q.to),
          unitIds: q.unitIds,
          byUnit: q.breakdown === 'unit',
        });
        return q.breakdown === 'unit' ? rows : [{ value: rows.reduce((s, r) => s + r.value, 0) }];
      },
    },
    {
      key: 'inspections.followups_closed_on_time',
      label: 'inspections.indicator.onTime',
      measure: 'count',
      breakdowns: ['unit'],
      async compute(deps, q) {
        const rows = await deps.repos.inspections.countClosedOnTime(deps.db, {
          from: isoDateInVietnam(q.from),
          to: isoDateInVietnam(q.to),
          unitIds: q.unitIds,
          byUnit: q.breakdown === 'unit',
        });
        return q.breakdown === 'unit' ? rows : [{ value: rows.reduce((s, r) => s + r.value, 0) }];
      },
    },
  ],
  async workItems(deps, actor) {
    return (await overdueFollowUpsFor(deps, actor)).map((f) => ({
      key: `inspections:${f.id}`,
      label: 'inspections.work.overdue',
      params: { action: f.action.slice(0, 120) },
      href: `/admin/inspections/${f.planId}#f-${f.id}`,
      dueDate: f.dueOn,
      overdue: true,
    }));
  },
  personalData: {
    inventory: [
      {
        table: 'insp_followups',
        fields: ['owner_id', 'created_by'],
        purpose: 'inspections.privacy.purpose',
        retention: 'inspections.privacy.retention',
        visibleTo: 'inspections.privacy.visibleTo',
      },
    ],
    async export(deps, db, subject) {
      return {
        insp_followups: subject.userId
          ? await deps.repos.inspections.followUpsOwnedBy(db, subject.userId)
          : [],
      };
    },
    async erase(deps, db, subject) {
      if (subject.userId) await deps.repos.inspections.forgetOwner(db, subject.userId);
    },
  },
  planEvidence: {
    heading: 'inspections.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await inspectionsLinksPort.forPlanInstances(deps, db, ids)).map((p) => ({
        id: p.id,
        href: `/admin/inspections/${p.id}`,
        text: p.title,
        note: { key: `inspections.status.${p.status}` as MessageKey },
      })),
  },
};
