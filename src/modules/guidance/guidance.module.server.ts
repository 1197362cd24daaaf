// The guidance module: the library of official documents and their read receipts (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { guidanceIds } from './guidance.ids.server.ts';
import { guidancePermissions } from './guidance.policies.ts';
import { createGuidanceRepository } from './guidance.repository.server.ts';
import { guidanceLinksPort } from './index.server.ts';

export const repositories = () => ({ guidance: createGuidanceRepository() });

export const feature: FeatureModule = {
  name: 'guidance',
  idPrefixes: guidanceIds.prefixes,
  tables: ['guidance_documents', 'guidance_receipts'],
  repositories,
  permissions: guidancePermissions,
  nav: [{ path: '/admin/guidance', label: 'guidance.nav', action: 'guidance.document.read', group: 'work' }],
  indicatorSources: [
    {
      key: 'guidance.documents_issued',
      label: 'guidance.indicator.issued',
      measure: 'count',
      breakdowns: [],
      async compute(deps, q) {
        const n = await deps.repos.guidance.countIssued(deps.db, {
          from: isoDateInVietnam(q.from),
          to: isoDateInVietnam(q.to),
          unitIds: q.unitIds,
        });
        return [{ value: n }];
      },
    },
  ],
  personalData: {
    inventory: [
      {
        table: 'guidance_receipts',
        fields: ['user_id', 'read_at'],
        purpose: 'guidance.privacy.purpose',
        retention: 'guidance.privacy.retention',
        visibleTo: 'guidance.privacy.visibleTo',
      },
    ],
    async export(deps, db, subject) {
      return {
        guidance_receipts: subject.userId ? await deps.repos.guidance.receiptsOf(db, subject.userId) : [],
      };
    },
    async erase(deps, db, subject) {
      if (subject.userId) await deps.repos.guidance.forgetReader(db, subject.userId);
    },
  },
  planEvidence: {
    heading: 'guidance.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await guidanceLinksPort.forPlanInstances(deps, db, ids)).map((d) => ({
        id: d.id,
        href: `/admin/guidance/${d.id}`,
        text: `${d.numberSymbol} — ${d.title}`,
      })),
  },
};
