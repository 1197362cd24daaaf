// THE list of feature modules. Every registry (repositories, permissions, API, HTTP routes, jobs, schedules,
// seeds, public paths, back-office menu) derives from it (registries.server.ts). Order matters where one
// module's seed needs another's data (units before the plan, demo accounts before demo content) and for the
// order of the back-office menu within a group. Adding a module: its folders, one line here, messages, a migration.

import * as access from '../modules/access/access.module.server.ts';
import * as audit from '../modules/audit/audit.module.server.ts';
import * as auth from '../modules/auth/auth.module.server.ts';
import * as catalogue from '../modules/catalogue/catalogue.module.server.ts';
import * as circulation from '../modules/circulation/circulation.module.server.ts';
import * as citizen from '../modules/citizen/citizen.module.server.ts';
// international cooperation, inspections, commendations (issue 16)
import * as commendations from '../modules/commendations/commendations.module.server.ts';
import * as cooperation from '../modules/cooperation/cooperation.module.server.ts';
import * as credentials from '../modules/credentials/credentials.module.server.ts';
import * as eventFeeds from '../modules/event-feeds/event-feeds.module.server.ts';
import * as events from '../modules/events/events.module.server.ts';
import * as exhibitions from '../modules/exhibitions/exhibitions.module.server.ts';
import * as files from '../modules/files/files.module.server.ts';
import * as follows from '../modules/follows/follows.module.server.ts';
import * as guidance from '../modules/guidance/guidance.module.server.ts';
import * as idempotency from '../modules/idempotency/idempotency.module.server.ts';
import * as indicators from '../modules/indicators/indicators.module.server.ts';
import * as inspections from '../modules/inspections/inspections.module.server.ts';
import * as jobs from '../modules/jobs/jobs.module.server.ts';
import * as learners from '../modules/learners/learners.module.server.ts';
import * as learning from '../modules/learning/learning.module.server.ts';
import * as lrs from '../modules/lrs/lrs.module.server.ts';
import * as mail from '../modules/mail/mail.module.server.ts';
import * as news from '../modules/news/news.module.server.ts';
import * as notifications from '../modules/notifications/notifications.module.server.ts';
import * as outbound from '../modules/outbound/outbound.module.server.ts';
import * as places from '../modules/places/places.module.server.ts';
import * as plan from '../modules/plan/plan.module.server.ts';
import * as privacy from '../modules/privacy/privacy.module.server.ts';
import * as reports from '../modules/reports/reports.module.server.ts';
import * as settings from '../modules/settings/settings.module.server.ts';
import * as sponsorship from '../modules/sponsorship/sponsorship.module.server.ts';
import * as training from '../modules/training/training.module.server.ts';
import * as units from '../modules/units/units.module.server.ts';
import type { FeatureModule } from './module.ts';

const features = [
  settings,
  units,
  access,
  auth,
  audit,
  mail,
  notifications,
  files,
  jobs,
  outbound,
  plan,
  catalogue,
  exhibitions,
  places,
  events,
  eventFeeds,
  follows,
  credentials,
  privacy,
  idempotency,
  learners,
  circulation,
  lrs,
  learning,
  citizen,
  indicators,
  reports,
  news,
  guidance,
  training,
  sponsorship,
  cooperation,
  inspections,
  commendations,
] as const;

export const modules: readonly FeatureModule[] = features.map((f) => f.feature);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** `deps.repos`: every module's repositories under their own names. */
export type Repos = UnionToIntersection<ReturnType<(typeof features)[number]['repositories']>>;
