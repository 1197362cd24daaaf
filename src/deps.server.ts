// What use cases, routes and page loaders may use. Built once in the composition root (server.ts, or a test).
import type { Config } from './config.server.ts';
import type { Db, DbHandle } from './db/client.server.ts';
import type { Actor } from './lib/authz.ts';
import type { Logger } from './lib/logger.server.ts';
import { createMailer, type Mailer } from './lib/mailer.server.ts';
import { createAccessRepository } from './modules/access/access.repository.server.ts';
import { createAuditRepository } from './modules/audit/audit.repository.server.ts';
import { type AuditService, createAuditService } from './modules/audit/audit.service.server.ts';
import { createAuthRepository } from './modules/auth/auth.repository.server.ts';
import { type AuthInstance, createAuth } from './modules/auth/auth.server.ts';
import { createCatalogueRepository } from './modules/catalogue/catalogue.repository.server.ts';
import { createPostgresSearchIndex } from './modules/catalogue/catalogue.search.server.ts';
import { createCatalogueTabularRepository } from './modules/catalogue/catalogue-csv.repository.server.ts';
import { createCatalogueHarvestRepository } from './modules/catalogue/catalogue-harvest.repository.server.ts';
import { createCatalogueImportRepository } from './modules/catalogue/catalogue-import.repository.server.ts';
import { createCatalogueMediaRepository } from './modules/catalogue/catalogue-media.repository.server.ts';
import { createCatalogueOaiRepository } from './modules/catalogue/catalogue-oai.repository.server.ts';
import { createCommunityCalendarRepository } from './modules/event-feeds/community.repository.server.ts';
import { createFeedsRepository } from './modules/event-feeds/feeds.repository.server.ts';
import { createEventsRepository } from './modules/events/events.repository.server.ts';
import { createEventRegistrationsRepository } from './modules/events/events-registrations.repository.server.ts';
import { createExhibitionsRepository } from './modules/exhibitions/exhibitions.repository.server.ts';
import { createFilesRepository } from './modules/files/files.repository.server.ts';
import { createFollowsRepository } from './modules/follows/follows.repository.server.ts';
import { createIdempotencyRepository } from './modules/idempotency/idempotency.repository.server.ts';
import { createJobsRepository } from './modules/jobs/jobs.repository.server.ts';
import { createOutboxRepository } from './modules/mail/outbox.repository.server.ts';
import { createNotificationsRepository } from './modules/notifications/notifications.repository.server.ts';
import { createPlacesRepository } from './modules/places/places.repository.server.ts';
import { createPlanRepository } from './modules/plan/plan.repository.server.ts';
import { createPlanBudgetRepository } from './modules/plan/plan-budget.repository.server.ts';
import { createPlanOverviewRepository } from './modules/plan/plan-overview.repository.server.ts';
import { createPlanTaskEditRepository } from './modules/plan/plan-task-edit.repository.server.ts';
import { createPlanWorkRepository } from './modules/plan/plan-work.repository.server.ts';
import { createPlanWorkQueries } from './modules/plan/plan-work-queries.repository.server.ts';
import { createSettingsRepository } from './modules/settings/settings.repository.server.ts';
import { createUnitsRepository } from './modules/units/units.repository.server.ts';

/** Resolves who is asking from the request headers (session cookie). Filled in by the auth module. */
export interface ActorResolver {
  resolve(headers: Headers): Promise<Actor>;
}

export function createRepos(dbh: DbHandle) {
  return {
    access: createAccessRepository(),
    audit: createAuditRepository(),
    auth: createAuthRepository(dbh),
    catalogue: createCatalogueRepository(),
    catalogueImports: createCatalogueImportRepository(),
    catalogueTabular: createCatalogueTabularRepository(),
    catalogueHarvest: createCatalogueHarvestRepository(),
    catalogueOai: createCatalogueOaiRepository(),
    catalogueSearch: createPostgresSearchIndex(),
    eventRegistrations: createEventRegistrationsRepository(),
    events: createEventsRepository(),
    eventFeeds: createFeedsRepository(),
    communityCalendar: createCommunityCalendarRepository(),
    follows: createFollowsRepository(),
    idempotency: createIdempotencyRepository(),
    catalogueMedia: createCatalogueMediaRepository(),
    exhibitions: createExhibitionsRepository(),
    files: createFilesRepository(),
    jobs: createJobsRepository(),
    notifications: createNotificationsRepository(),
    outbox: createOutboxRepository(dbh),
    places: createPlacesRepository(),
    plan: createPlanRepository(),
    planWork: createPlanWorkRepository(),
    planWorkQueries: createPlanWorkQueries(),
    planTaskEdits: createPlanTaskEditRepository(),
    planBudget: createPlanBudgetRepository(),
    planOverview: createPlanOverviewRepository(),
    settings: createSettingsRepository(dbh),
    units: createUnitsRepository(),
  };
}
export type Repos = ReturnType<typeof createRepos>;

export interface AppDeps {
  config: Config;
  dbh: DbHandle;
  db: Db;
  logger: Logger;
  repos: Repos;
  audit: AuditService;
  mailer: Mailer;
  actors: ActorResolver;
  /** The better-auth instance (src/modules/auth/auth.ts); pages reach it through use cases, never directly. */
  auth: AuthInstance;
  now: () => Date;
}

export function buildDeps(config: Config, dbh: DbHandle, logger: Logger): AppDeps {
  const repos = createRepos(dbh);
  const deps: AppDeps = {
    config,
    dbh,
    db: dbh.db,
    logger,
    repos,
    audit: createAuditService(repos.audit),
    mailer: createMailer(config, repos.outbox),
    now: () => new Date(),
    actors: { resolve: async () => ({ kind: 'anonymous' }) },
    auth: undefined as unknown as AuthInstance, // set just below: better-auth needs the other deps
  };
  // better-auth's hooks read `deps` at call time, so a test that swaps `deps.now` is seen by the limiter.
  deps.auth = createAuth(deps);
  return deps;
}
