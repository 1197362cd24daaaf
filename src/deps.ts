// What use cases, routes and page loaders may use. Built once in the composition root (server.ts, or a test).
import type { Config } from './config.ts';
import type { Db, DbHandle } from './db/client.ts';
import type { Actor } from './lib/authz.ts';
import type { Logger } from './lib/logger.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { type AuditService, createAuditService } from './modules/audit/audit.service.ts';
import { createOutboxRepository } from './modules/mail/outbox.repository.ts';
import { createSettingsRepository } from './modules/settings/settings.repository.ts';

/** Resolves who is asking from the request headers (session cookie). Filled in by the auth module. */
export interface ActorResolver {
  resolve(headers: Headers): Promise<Actor>;
}

export function createRepos(dbh: DbHandle) {
  return {
    audit: createAuditRepository(),
    outbox: createOutboxRepository(dbh),
    settings: createSettingsRepository(dbh),
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
  now: () => Date;
}

export function buildDeps(config: Config, dbh: DbHandle, logger: Logger): AppDeps {
  const repos = createRepos(dbh);
  return {
    config,
    dbh,
    db: dbh.db,
    logger,
    repos,
    audit: createAuditService(repos.audit),
    mailer: createMailer(config, repos.outbox),
    actors: { resolve: async () => ({ kind: 'anonymous' }) },
    now: () => new Date(),
  };
}
