// The access module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const accessPort = {
  /** Staff and managers granted on exactly these units (active grants), for notices to a unit. */
  staffOfUnits: (deps: Repos, db: Db, unitIds: readonly string[]) =>
    deps.repos.access.staffOfUnits(db, unitIds),
  /** Account e-mail addresses of these users, active accounts only (batched), for notices by e-mail. */
  activeEmails: (deps: Repos, db: Db, userIds: readonly string[]) =>
    deps.repos.access.activeEmails(db, userIds),
  /**
   * Of these users, the staff accounts (ever granted a role, revoked or not): rules meant for citizens' accounts
   * (retention of inactive learner accounts) leave them out.
   */
  staffAccounts: (deps: Repos, db: Db, userIds: readonly string[]) =>
    deps.repos.access.everGranted(db, userIds),
};
