// What use cases, routes and page loaders may use (types only). Built once by buildDeps (build-deps.server.ts).
import type { Config } from '../config.server.ts';
import type { Db, DbHandle } from '../db/client.server.ts';
import type { Actor } from '../lib/authz.ts';
import type { Logger } from '../lib/logger.server.ts';
import type { Mailer } from '../lib/mailer.server.ts';
import type { AuditService } from '../modules/audit/audit.service.server.ts';
import type { AuthInstance } from '../modules/auth/auth.server.ts';
import type { Repos } from './registries.server.ts';

export type { Repos };

/** Resolves who is asking from the request headers (session cookie). */
export interface ActorResolver {
  resolve(headers: Headers): Promise<Actor>;
}

export interface AppDeps {
  config: Config;
  dbh: DbHandle;
  db: Db;
  logger: Logger;
  repos: Repos;
  audit: AuditService;
  mailer: Mailer;
  actors: ActorResolver;
  /** The better-auth instance (src/modules/auth/auth.server.ts); pages reach it through use cases only. */
  auth: AuthInstance;
  now: () => Date;
}
