// The events module: what it contributes to the platform (see src/app/module.ts).

import type { FeatureModule } from '../../app/module.ts';
import { eventsIds } from './events.ids.server.ts';
import { eventsPersonalData } from './events.personal-data.repository.server.ts';
import { eventPermissions } from './events.policies.ts';
import { createEventsRepository } from './events.repository.server.ts';
import { eventsRetention } from './events.retention.repository.server.ts';
import { registerEventRoutes } from './events.routes.server.ts';
import { seedDemoEvents } from './events.seed.server.ts';
import { eventsSitemap } from './events.sitemap.repository.server.ts';
import { createEventAttendanceRepository } from './events-attendance.repository.server.ts';
import { FEEDBACK_INVITATIONS_JOB, runFeedbackInvitationsJob } from './events-attendance.usecases.server.ts';
import { createEventClaimsRepository } from './events-claims.repository.server.ts';
import { CONSENT_LEDGER_JOB, runConsentLedgerJob } from './events-consent-ledger.server.ts';
import { createEventConsentsRepository } from './events-consents.repository.server.ts';
import { eventIndicatorSources } from './events-indicators.queries.server.ts';
import { createEventRegistrationBatchRepository } from './events-registration-batch.repository.server.ts';
import { createEventRegistrationReadsRepository } from './events-registration-reads.repository.server.ts';
import { createEventRegistrationsRepository } from './events-registrations.repository.server.ts';
import { runTicketMailsJob, TICKET_MAILS_JOB } from './events-ticket-mail.server.ts';
import { createExternalEventsRepository } from './external-events.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  events: createEventsRepository(),
  eventRegistrations: createEventRegistrationsRepository(),
  eventRegistrationReads: createEventRegistrationReadsRepository(),
  eventRegistrationBatch: createEventRegistrationBatchRepository(),
  eventAttendance: createEventAttendanceRepository(),
  externalEvents: createExternalEventsRepository(),
  eventClaims: createEventClaimsRepository(),
  eventConsents: createEventConsentsRepository(),
});

export const feature: FeatureModule = {
  name: 'events',
  idPrefixes: eventsIds.prefixes,
  tables: ['events', 'event_sessions', 'event_registrations', 'event_attendance', 'event_feedback'],
  repositories,
  permissions: eventPermissions,
  api: [registerEventRoutes],
  jobLabels: {
    'events.feedback-invitations': 'portal.jobKind.eventsFeedbackInvitations',
    'events.ticket-mails': 'events.jobKind.ticketMails',
    'events.consent-ledger': 'events.jobKind.consentLedger',
  },
  jobs: {
    [FEEDBACK_INVITATIONS_JOB]: runFeedbackInvitationsJob,
    [TICKET_MAILS_JOB]: runTicketMailsJob,
    [CONSENT_LEDGER_JOB]: runConsentLedgerJob,
  },
  schedules: [
    { kind: FEEDBACK_INVITATIONS_JOB, everyMinutes: 60 },
    { kind: TICKET_MAILS_JOB, everyMinutes: 1 },
    { kind: CONSENT_LEDGER_JOB, everyMinutes: 1 },
  ],
  seedDemo: seedDemoEvents,
  indicatorSources: eventIndicatorSources,
  publicApi: [
    'GET /api/v1/events',
    'GET /api/v1/events/:eventId',
    'POST /api/v1/events/:eventId/registrations',
  ],
  sitemap: [eventsSitemap],
  publicNav: [{ path: '/events', label: 'portal.nav.events', group: 'main' }],
  publicPages: [
    'events/pages/list',
    'events/pages/detail',
    'events/pages/ticket',
    'events/pages/cancel',
    'events/pages/feedback',
  ],
  nav: [{ path: '/admin/events', label: 'events.nav', action: 'events.event.read', group: 'content' }],
  personalData: eventsPersonalData,
  retention: eventsRetention,
};
