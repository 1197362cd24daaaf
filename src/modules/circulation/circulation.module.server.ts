// The circulation module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule, IndicatorQuery, IndicatorRow } from '../../app/module.ts';
import type { Db } from '../../db/client.server.ts';
import { mountCirculationHttp } from './circulation.http.server.ts';
import { circulationIds } from './circulation.ids.server.ts';
import { circulationJobs } from './circulation.jobs.server.ts';
import { circulationBorrowers } from './circulation.participants.server.ts';
import { circulationPersonalData } from './circulation.personal-data.server.ts';
import { circulationPermissions } from './circulation.policies.ts';
import { createCirculationRepository } from './circulation.repository.server.ts';
import { registerCirculationRoutes } from './circulation.routes.server.ts';
import { seedDemoCirculation } from './circulation.seed.server.ts';
import { createCirculationDeskRepository } from './circulation-desk.repository.server.ts';
import { createCirculationLoansRepository } from './circulation-loans.repository.server.ts';
import { createCirculationOfflineRepository } from './circulation-offline.repository.server.ts';
import { createCirculationStatsRepository } from './circulation-stats.repository.server.ts';

export const repositories = () => ({
  circulation: createCirculationRepository(),
  circulationLoans: createCirculationLoansRepository(),
  circulationDesk: createCirculationDeskRepository(),
  circulationStats: createCirculationStatsRepository(),
  circulationOffline: createCirculationOfflineRepository(),
});

const rows = (r: Array<{ key: string | null; value: number }>): IndicatorRow[] =>
  r.map((x) => (x.key === null ? { value: x.value } : { value: x.value, key: x.key }));
const byUnit = (q: IndicatorQuery) => (q.breakdown === 'unit' ? ('unit' as const) : undefined);

export const feature: FeatureModule = {
  name: 'circulation',
  idPrefixes: circulationIds.prefixes,
  tables: [
    'circulation_readers',
    'circulation_items',
    'circulation_loan_rules',
    'circulation_loans',
    'circulation_holds',
    'circulation_offline_txns',
    'circulation_offline_cards',
    'circulation_ils_imports',
    'circulation_ils_stats',
  ],
  repositories,
  permissions: circulationPermissions,
  api: [registerCirculationRoutes],
  http: [mountCirculationHttp],
  jobLabels: {
    'circulation.reminders': 'portal.jobKind.circulationReminders',
    'circulation.holdShelf.expire': 'portal.jobKind.circulationHoldShelfExpire',
  },
  jobs: circulationJobs,
  seedDemo: seedDemoCirculation,
  schedules: [
    { kind: 'circulation.reminders', dailyAt: '08:00' },
    { kind: 'circulation.holdShelf.expire', everyMinutes: 60 },
  ],
  nav: [
    {
      path: '/admin/circulation',
      label: 'circulation.nav.desk',
      action: 'circulation.desk.open',
      group: 'work',
    },
  ],
  publicNav: [
    { path: '/my/library', label: 'circulation.nav.myLibrary', group: 'main', audience: 'signed-in' },
  ],
  indicatorSources: [
    {
      key: 'circulation.loans',
      label: 'circulation.indicator.loans',
      measure: 'times',
      breakdowns: ['unit', 'category'],
      compute: async (deps, q) =>
        rows(
          await deps.repos.circulationStats.loans(
            deps.db as Db,
            q.from,
            q.to,
            q.unitIds,
            q.breakdown === 'category' ? 'category' : byUnit(q),
          ),
        ),
    },
    {
      key: 'circulation.activeReaders',
      label: 'circulation.indicator.activeReaders',
      measure: 'people',
      breakdowns: ['unit'],
      compute: async (deps, q) =>
        rows(await deps.repos.circulationStats.activeReaders(deps.db, q.from, q.to, q.unitIds, byUnit(q))),
      participants: (deps, q) => circulationBorrowers(deps.db, q),
    },
    {
      key: 'circulation.visits',
      label: 'circulation.indicator.visits',
      measure: 'times',
      breakdowns: ['unit'],
      compute: async (deps, q) =>
        rows(await deps.repos.circulationStats.visits(deps.db, q.from, q.to, q.unitIds, byUnit(q))),
    },
  ],
  personalData: circulationPersonalData,
};
