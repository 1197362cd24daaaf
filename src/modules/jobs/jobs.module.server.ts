// The jobs module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { jobsIds } from './jobs.ids.server.ts';
import { jobPermissions } from './jobs.policies.ts';
import { pruneJobs } from './jobs.prune.server.ts';
import { createJobsRepository } from './jobs.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ jobs: createJobsRepository() });

export const feature: FeatureModule = {
  name: 'jobs',
  idPrefixes: jobsIds.prefixes,
  tables: ['jobs'],
  repositories,
  permissions: jobPermissions,
  jobLabels: { 'jobs.prune': 'portal.jobKind.jobsPrune' },
  jobs: { 'jobs.prune': pruneJobs },
  schedules: [{ kind: 'jobs.prune', dailyAt: '03:00' }],
  nav: [{ path: '/admin/jobs', label: 'jobs.nav', action: 'jobs.read', group: 'admin' }],
};
