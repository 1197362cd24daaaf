// The event-feeds module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { createCommunityCalendarRepository } from './community.repository.server.ts';
import { COMMUNITY_REFRESH_JOB, runCommunityRefreshJob } from './community.usecases.server.ts';
import { eventFeedsIds } from './event-feeds.ids.server.ts';
import { eventFeedsPersonalData } from './event-feeds.personal-data.repository.server.ts';
import { eventFeedPermissions } from './event-feeds.policies.ts';
import { mountFeedRoutes } from './feeds.http.server.ts';
import { createFeedsRepository } from './feeds.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  eventFeeds: createFeedsRepository(),
  communityCalendar: createCommunityCalendarRepository(),
});

export const feature: FeatureModule = {
  name: 'event-feeds',
  idPrefixes: eventFeedsIds.prefixes,
  tables: ['calendar_feed_tokens', 'calendar_subscriptions'],
  repositories,
  permissions: eventFeedPermissions,
  http: [mountFeedRoutes],
  jobLabels: { 'eventFeeds.community.refresh': 'portal.jobKind.eventFeedsCommunityRefresh' },
  jobs: { [COMMUNITY_REFRESH_JOB]: runCommunityRefreshJob },
  schedules: [{ kind: COMMUNITY_REFRESH_JOB, everyMinutes: 60 }],
  // iCalendar feeds: public, and the private per-user feed authorised by the secret in its URL.
  publicApi: ['GET /feeds/*'],
  publicNav: [{ path: '/events/calendar', label: 'portal.nav.calendar', group: 'main' }],
  publicPages: ['event-feeds/pages/calendar'],
  nav: [
    {
      path: '/admin/events/commemorative',
      label: 'eventFeeds.commemorative.nav',
      action: 'eventFeeds.commemorative.read',
      group: 'content',
    },
    {
      path: '/admin/events/subscriptions',
      label: 'eventFeeds.subscriptions.nav',
      action: 'eventFeeds.subscription.manage',
      group: 'content',
    },
  ],
  personalData: eventFeedsPersonalData,
};
