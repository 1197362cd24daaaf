// All background job kinds and schedules of all modules. Add a module's handler and schedule here.
import { pruneJobs } from './modules/jobs/jobs.prune.ts';
import type { JobHandler, Schedule } from './modules/jobs/jobs.types.ts';

export const jobHandlers: Record<string, JobHandler> = {
  'jobs.prune': pruneJobs,
};

export const schedules: Schedule[] = [{ kind: 'jobs.prune', dailyAt: '03:00' }];
