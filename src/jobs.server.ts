// All background job kinds and schedules of all modules. Add a module's handler and schedule here.

import { sweepExpiredAuth } from './modules/auth/auth.sweep.server.ts';
import { tabularImportJob } from './modules/catalogue/catalogue-csv.import.server.ts';
import {
  createHarvestJobHandler,
  HARVEST_JOB,
  HARVEST_SCHEDULE_JOB,
  harvestScheduleHandler,
} from './modules/catalogue/catalogue-harvest.job.server.ts';
import {
  COMMUNITY_REFRESH_JOB,
  runCommunityRefreshJob,
} from './modules/event-feeds/community.usecases.server.ts';
import {
  FEEDBACK_INVITATIONS_JOB,
  runFeedbackInvitationsJob,
} from './modules/events/events-attendance.usecases.server.ts';
import {
  FOLLOWS_NOTIFY_JOB,
  FOLLOWS_SCAN_JOB,
  runFollowsNotifyJob,
  runFollowsScanJob,
} from './modules/follows/follows.usecases.server.ts';
import { pruneJobs } from './modules/jobs/jobs.prune.server.ts';
import type { JobHandler, Schedule } from './modules/jobs/jobs.types.ts';
import {
  REMINDER_SEND_JOB,
  REMINDERS_JOB,
  runReminderScan,
  sendReminder,
} from './modules/plan/plan-reminders.server.ts';

export const jobHandlers: Record<string, JobHandler> = {
  'auth.sweep': sweepExpiredAuth,
  'jobs.prune': pruneJobs,
  'catalogue.tabular.import': tabularImportJob,
  [HARVEST_JOB]: createHarvestJobHandler(),
  [HARVEST_SCHEDULE_JOB]: harvestScheduleHandler,
  [COMMUNITY_REFRESH_JOB]: runCommunityRefreshJob,
  [FEEDBACK_INVITATIONS_JOB]: runFeedbackInvitationsJob,
  [FOLLOWS_SCAN_JOB]: runFollowsScanJob,
  [FOLLOWS_NOTIFY_JOB]: runFollowsNotifyJob,
  [REMINDERS_JOB]: runReminderScan,
  [REMINDER_SEND_JOB]: sendReminder,
};

export const schedules: Schedule[] = [
  { kind: 'auth.sweep', dailyAt: '02:30' },
  { kind: 'jobs.prune', dailyAt: '03:00' },
  { kind: HARVEST_SCHEDULE_JOB, dailyAt: '01:30' },
  { kind: COMMUNITY_REFRESH_JOB, everyMinutes: 60 },
  { kind: FEEDBACK_INVITATIONS_JOB, everyMinutes: 60 },
  { kind: FOLLOWS_SCAN_JOB, everyMinutes: 5 },
  { kind: REMINDERS_JOB, dailyAt: '07:00' },
];
