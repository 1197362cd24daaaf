import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';
import { accessAdmin } from './access/routes.ts';
import { auditAdmin } from './audit/routes.ts';
import { authPages } from './auth/routes.ts';
import { catalogueAdmin, cataloguePages } from './catalogue/routes.ts';
import { circulationAdmin, circulationPages } from './circulation/routes.ts';
import { citizenAdmin, citizenPages } from './citizen/routes.ts';
import { commendationsAdmin, commendationsPages } from './commendations/routes.ts';
import { cooperationAdmin } from './cooperation/routes.ts';
import { credentialsAdmin, credentialsPages } from './credentials/routes.ts';
import { eventFeedsAdmin, eventFeedsPages } from './event-feeds/routes.ts';
import { eventsAdmin, eventsPages } from './events/routes.ts';
import { exhibitionsAdmin, exhibitionsPages } from './exhibitions/routes.ts';
import { followsPages } from './follows/routes.ts';
import { guidanceAdmin } from './guidance/routes.ts';
import { indicatorsAdmin } from './indicators/routes.ts';
import { inspectionsAdmin } from './inspections/routes.ts';
import { jobsAdmin } from './jobs/routes.ts';
import { learnersPages } from './learners/routes.ts';
import { learningAdmin, learningPages } from './learning/routes.ts';
import { learningRecordAdmin, learningRecordPages } from './learning-record/routes.ts';
import { mailAdmin } from './mail/routes.ts';
import { newsAdmin, newsPages } from './news/routes.ts';
import { notificationsPages } from './notifications/routes.ts';
import { placesAdmin, placesPages } from './places/routes.ts';
import { planAdmin } from './plan/routes.ts';
import { privacyAdmin, privacyPages } from './privacy/routes.ts';
import { reportsAdmin } from './reports/routes.ts';
import { sponsorshipAdmin, sponsorshipPages } from './sponsorship/routes.ts';
import { trainingAdmin } from './training/routes.ts';
import { unitsAdmin } from './units/routes.ts';

// Every page lives under an optional language segment: `/…` is Vietnamese, `/en/…` English. Each feature lists
// its own pages in src/web/<feature>/routes.ts; back-office pages sit under admin/layout.tsx (staff only).
export default [
  route(':lang?', 'site/locale.tsx', [
    index('site/home.tsx'),
    route('contact', 'site/contact.tsx'),
    route('accessibility', 'site/accessibility.tsx'),
    route('privacy', 'site/privacy.tsx'),
    ...authPages,
    ...notificationsPages,
    ...followsPages,
    ...placesPages,
    ...cataloguePages,
    ...exhibitionsPages,
    ...eventFeedsPages,
    ...eventsPages,
    ...learnersPages,
    ...circulationPages,
    ...learningRecordPages,
    ...learningPages,
    ...newsPages,
    ...sponsorshipPages,
    ...commendationsPages,
    ...credentialsPages,
    ...privacyPages,
    ...citizenPages,
    layout('admin/layout.tsx', [
      route('admin', 'admin/index.tsx'),
      ...placesAdmin,
      ...catalogueAdmin,
      ...exhibitionsAdmin,
      ...eventFeedsAdmin,
      ...eventsAdmin,
      ...circulationAdmin,
      ...learningRecordAdmin,
      ...learningAdmin,
      ...newsAdmin,
      ...guidanceAdmin,
      ...trainingAdmin,
      ...sponsorshipAdmin,
      ...cooperationAdmin,
      ...inspectionsAdmin,
      ...commendationsAdmin,
      ...credentialsAdmin,
      ...privacyAdmin,
      ...citizenAdmin,
      ...planAdmin,
      ...indicatorsAdmin,
      ...reportsAdmin,
      ...unitsAdmin,
      ...auditAdmin,
      ...mailAdmin,
      ...jobsAdmin,
      ...accessAdmin,
    ]),
    route('*', 'site/not-found.tsx'),
  ]),
] satisfies RouteConfig;
