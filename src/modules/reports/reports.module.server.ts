// The reports module: reporting periods, units' submissions, official documents (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { GENERATE_JOB, runGenerateJob } from './reports.generate.server.ts';
import { reportsIds } from './reports.ids.server.ts';
import { reportPermissions } from './reports.policies.ts';
import { REMINDERS_JOB, runReportReminders } from './reports.reminders.server.ts';
import { createReportsRepository } from './reports.repository.server.ts';
import { registerReportRoutes } from './reports.routes.server.ts';
import { seedReportPeriods } from './reports.seed.server.ts';

export const repositories = () => ({ reports: createReportsRepository() });

export const feature: FeatureModule = {
  name: 'reports',
  idPrefixes: reportsIds.prefixes,
  tables: [
    'report_periods',
    'report_submissions',
    'report_submission_events',
    'report_generations',
    'report_documents',
    'report_evidence_files',
  ],
  repositories,
  permissions: reportPermissions,
  api: [registerReportRoutes],
  jobLabels: {
    'reports.generate': 'portal.jobKind.reportsGenerate',
    'reports.reminders': 'reports.jobKind.reminders',
  },
  jobs: { [GENERATE_JOB]: runGenerateJob, [REMINDERS_JOB]: runReportReminders },
  schedules: [{ kind: REMINDERS_JOB, dailyAt: '08:00' }],
  seedReference: seedReportPeriods,
  nav: [{ path: '/admin/reports', label: 'reports.nav', action: 'reports.period.read', group: 'work' }],
};
