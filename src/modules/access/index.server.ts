// The access module's public surface: what other modules may use (read ports, batched by id list).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import type { Role } from '../../lib/authz.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const accessPort = {
  /** Staff and managers granted on exactly these units (active grants), for notices to a unit. */
  staffOfUnits: (deps: Repos, db: Db, unitIds: readonly string[]) =>
    deps.repos.access.staffOfUnits(db, unitIds),
  /** Active accounts holding an active grant of one of these roles (any unit): id, name, e-mail, for reminders. */
  holdersOfRoles: async (deps: Repos, db: Db, roles: readonly Role[]) => {
    const seen = new Map<string, { userId: string; name: string; email: string }>();
    for (const role of roles) {
      const { users } = await deps.repos.access.listUsers(db, {
        role,
        visibleUnitIds: null,
        status: 'active',
        limit: 500,
        offset: 0,
      });
      for (const u of users) seen.set(u.id, { userId: u.id, name: u.name, email: u.email });
    }
    return [...seen.values()];
  },
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
