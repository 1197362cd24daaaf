// The commendations module: nominations, review, decisions and the public honour roll (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { mountCommendationsRoutes } from './commendations.http.server.ts';
import { commendationsIds } from './commendations.ids.server.ts';
import { commendationsPermissions } from './commendations.policies.ts';
import { createCommendationsRepository } from './commendations.repository.server.ts';
import { seedDemoCommendations } from './commendations.seed.server.ts';
import { honourRollSitemap } from './commendations.sitemap.repository.server.ts';
import { awaitingDecisionFor } from './commendations.usecases.server.ts';
import { commendationsLinksPort } from './index.server.ts';

export const repositories = () => ({ commendations: createCommendationsRepository() });

export const feature: FeatureModule = {
  name: 'commendations',
  idPrefixes: commendationsIds.prefixes,
  tables: ['comm_nominations', 'comm_evidence'],
  repositories,
  seedDemo: seedDemoCommendations,
  permissions: commendationsPermissions,
  http: [mountCommendationsRoutes],
  publicPages: ['commendations/pages/honour-roll'],
  nav: [
    {
      path: '/admin/commendations',
      label: 'commendations.nav',
      action: 'commendations.nomination.read',
      group: 'work',
    },
  ],
  sitemap: [honourRollSitemap],
  publicNav: [{ path: '/honour-roll', label: 'commendations.publicNav', group: 'footer' }],
  indicatorSources: [
    {
      key: 'commendations.decided',
      label: 'commendations.indicator.decided',
      measure: 'count',
      breakdowns: ['unit', 'category'],
      async compute(deps, q) {
        const by = q.breakdown === 'unit' ? 'unit' : q.breakdown === 'category' ? 'level' : undefined;
        const rows = await deps.repos.commendations.countDecided(deps.db, {
          from: isoDateInVietnam(q.from),
          to: isoDateInVietnam(q.to),
          unitIds: q.unitIds,
          ...(by ? { by } : {}),
        });
        return by ? rows : [{ value: rows.reduce((s, r) => s + r.value, 0) }];
      },
    },
  ],
  async workItems(deps, actor) {
    return (await awaitingDecisionFor(deps, actor)).map((n) => ({
      key: `commendations:${n.id}`,
      label: n.status === 'review' ? 'commendations.work.decide' : 'commendations.work.review',
      params: { name: n.nomineeName.slice(0, 120) },
      href: `/admin/commendations/${n.id}`,
      dueDate: null,
      overdue: false,
    }));
  },
  personalData: {
    inventory: [
      {
        table: 'comm_nominations',
        fields: ['nominee_name', 'achievements', 'created_by'],
        purpose: 'commendations.privacy.purpose',
        retention: 'commendations.privacy.retention',
        visibleTo: 'commendations.privacy.visibleTo',
      },
      {
        table: 'comm_evidence',
        fields: ['file_id', 'file_name', 'caption', 'added_by'],
        purpose: 'commendations.privacy.purpose',
        retention: 'commendations.privacy.retention',
        visibleTo: 'commendations.privacy.visibleTo',
      },
    ],
    async export(deps, db, subject) {
      return {
        comm_nominations: subject.userId ? await deps.repos.commendations.createdBy(db, subject.userId) : [],
      };
    },
    async erase(deps, db, subject) {
      if (subject.userId) await deps.repos.commendations.forgetCreator(db, subject.userId);
    },
  },
  planEvidence: {
    heading: 'commendations.plan.heading',
    forPlanInstances: async (deps, db, ids) =>
      (await commendationsLinksPort.forPlanInstances(deps, db, ids)).map((n) => ({
        id: n.id,
        href: `/admin/commendations/${n.id}`,
        text: `${n.nomineeName} — ${n.title}`,
        note: { key: `commendations.status.${n.status}` as MessageKey },
      })),
  },
};
