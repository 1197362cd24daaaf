// The auth module's public surface: what other modules may use (write ports).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const sessionsPort = {
  /** Signs the user out everywhere, in the caller's transaction (an account being disabled). */
  endAllOf: (deps: Repos, db: Db, userId: string): Promise<void> =>
    deps.repos.auth.deleteSessionsOf(db, userId),
};

/** Read port for accounts (the credentials module finds a badge's recipient by e-mail). */
export const accountsPort = {
  /** The active account with this e-mail (compared case-insensitively), or null. */
  byEmail: async (deps: Repos, email: string): Promise<{ userId: string; name: string } | null> => {
    const u = await deps.repos.auth.findUserByEmail(email.trim().toLowerCase());
    return u ? { userId: u.id, name: u.name } : null;
  },
};

/** The account's e-mail and name by id (data-subject requests identify the account holder). */
export async function accountById(
  deps: Repos,
  userId: string,
): Promise<{ userId: string; name: string; email: string } | null> {
  const u = await deps.repos.auth.findUserById(userId);
  return u ? { userId: u.id, name: u.name, email: u.email } : null;
}
