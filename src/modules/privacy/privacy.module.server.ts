// The privacy module: data-subject requests, public holidays for legal deadlines (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { createBreachesRepository } from './privacy.breaches.server.ts';
import { createConsentsRepository } from './privacy.consents.repository.server.ts';
import { mountPrivacyRoutes } from './privacy.http.server.ts';
import { privacyIds } from './privacy.ids.server.ts';
import { inactiveAccountsRule } from './privacy.inactive-accounts.server.ts';
import { privacyPersonalData } from './privacy.personal-data.server.ts';
import { privacyPermissions } from './privacy.policies.ts';
import { PRIVACY_REMINDERS_JOB, runDeadlineRemindersJob } from './privacy.reminders.server.ts';
import { createPrivacyRepository } from './privacy.repository.server.ts';
import { createRestrictionsRepository } from './privacy.restrictions.repository.server.ts';
import { privacyRetention } from './privacy.retention.repository.server.ts';
import { RETENTION_PURGE_JOB, runRetentionPurgeJob } from './privacy.retention.server.ts';
import { seedHolidays } from './privacy.seed.server.ts';
import { requestDeadlineItems } from './privacy.work.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  privacy: createPrivacyRepository(),
  consents: createConsentsRepository(),
  breaches: createBreachesRepository(),
  restrictions: createRestrictionsRepository(),
});

export const feature: FeatureModule = {
  name: 'privacy',
  idPrefixes: privacyIds.prefixes,
  tables: [
    'public_holidays',
    'privacy_requests',
    'consent_ledger',
    'consent_notices',
    'privacy_breaches',
    'privacy_restrictions',
    'privacy_inactivity_notices',
    'privacy_request_reminders',
    'privacy_export_tries',
  ],
  repositories,
  permissions: privacyPermissions,
  seedReference: seedHolidays,
  jobLabels: {
    'privacy.retention-purge': 'privacy.jobKind.retentionPurge',
    'privacy.deadline-reminders': 'privacy.jobKind.deadlineReminders',
  },
  jobs: { [RETENTION_PURGE_JOB]: runRetentionPurgeJob, [PRIVACY_REMINDERS_JOB]: runDeadlineRemindersJob },
  schedules: [
    { kind: RETENTION_PURGE_JOB, dailyAt: '02:30' },
    { kind: PRIVACY_REMINDERS_JOB, dailyAt: '07:30' },
  ],
  retention: [...privacyRetention, inactiveAccountsRule],
  workItems: requestDeadlineItems,
  http: [mountPrivacyRoutes],
  personalData: privacyPersonalData,
  publicApi: ['GET /privacy/export/:token/:file'],
  publicPages: ['privacy/pages/guest-request', 'privacy/pages/guest-export'],
  publicNav: [
    { path: '/privacy/request', label: 'privacy.guest.nav', group: 'footer', audience: 'anonymous' },
  ],
  nav: [
    { path: '/admin/privacy', label: 'privacy.nav', action: 'privacy.request.handle', group: 'admin' },
    {
      path: '/admin/privacy/breaches',
      label: 'privacy.breaches.nav',
      action: 'privacy.breach.manage',
      group: 'admin',
    },
    {
      path: '/admin/privacy/retention',
      label: 'privacy.retention.nav',
      action: 'privacy.retention.manage',
      group: 'admin',
    },
  ],
};
