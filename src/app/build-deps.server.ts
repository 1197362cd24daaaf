// One-phase composition of everything use cases, routes and pages may use: the database, every module's
// repositories, audit, mail, authentication and actor resolution. Nothing is filled in later.
import type { Config } from '../config.server.ts';
import type { DbHandle } from '../db/client.server.ts';
import type { Logger } from '../lib/logger.server.ts';
import { createMailer } from '../lib/mailer.server.ts';
import { createAuditService } from '../modules/audit/audit.service.server.ts';
import { type AuthInstance, createAuth } from '../modules/auth/auth.server.ts';
import { createActorResolver } from '../modules/auth/auth.wiring.server.ts';
import type { ActorResolver, AppDeps } from './deps.types.ts';
import { createRepos } from './registries.server.ts';

export function buildDeps(config: Config, dbh: DbHandle, logger: Logger): AppDeps {
  const repos = createRepos(dbh);
  let auth: AuthInstance | undefined;
  let actors: ActorResolver | undefined;
  // better-auth and the actor resolver read `deps` when they are called, not when they are made (a test that
  // swaps `deps.now` is seen by the sign-in limiter), so they are created on first use from the finished deps.
  const deps: AppDeps = {
    config,
    dbh,
    db: dbh.db,
    logger,
    repos,
    audit: createAuditService(repos.audit),
    mailer: createMailer(config, repos.outbox),
    now: () => new Date(),
    get auth() {
      auth ??= createAuth(deps);
      return auth;
    },
    set auth(instance) {
      auth = instance;
    },
    get actors() {
      actors ??= createActorResolver(deps);
      return actors;
    },
    // Tests sign people in by replacing the resolver.
    set actors(resolver) {
      actors = resolver;
    },
  };
  return deps;
}
