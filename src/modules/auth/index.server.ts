// The auth module's public surface: what other modules may use (write ports).
import { createHmac } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { CLIENT_IP_HEADER } from './auth.client-ip.server.ts';
import { normalizeEmail } from './auth.email.ts';
import { newId } from './auth.ids.server.ts';
import { hashPassword } from './auth.password.server.ts';
import { SESSION_DAYS } from './auth.server.ts';
import { sessionCookieName } from './auth.session-cookie.server.ts';
import { assertPasswordAcceptable, createUserWithPassword, type NewUserInput } from './auth.users.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export { normalizeEmail };

/** A fresh id shaped like a user id (`usr_…`): the pseudonym that stands in for an erased person. */
export const newUserShapedId = (): string => newId('usr');

export const sessionsPort = {
  /** Signs the user out everywhere, in the caller's transaction (an account being disabled). */
  endAllOf: (deps: Repos, db: Db, userId: string): Promise<void> =>
    deps.repos.auth.deleteSessionsOf(db, userId),
  /**
   * Starts a session for an account whose owner another module has just verified (a one-time code sent to their
   * verified phone or address); returns the Set-Cookie line. A disabled account is refused as at any sign-in
   * (better-auth's session hook, auth.server.ts). Accounts with two-step verification never sign in this way:
   * the caller must refuse them (`findUser(...).two_factor_enabled`).
   */
  async startFor(deps: Pick<AppDeps, 'auth' | 'config'>, userId: string, headers: Headers): Promise<string> {
    const ctx = await deps.auth.$context;
    const session = await ctx.internalAdapter.createSession(userId, false, {
      ipAddress: headers.get(CLIENT_IP_HEADER) ?? '',
      userAgent: headers.get('user-agent') ?? '',
    });
    const signature = createHmac('sha256', deps.config.sessionSecret).update(session.token).digest('base64');
    const value = encodeURIComponent(`${session.token}.${signature}`);
    const secure = deps.config.secureCookies ? '; Secure' : '';
    return `${sessionCookieName(deps.config.secureCookies)}=${value}; Max-Age=${SESSION_DAYS * 86400}; Path=/; HttpOnly; SameSite=Lax${secure}`;
  },
};

/** Accounts for other modules: citizens' sign-up (learners), a badge's recipient by e-mail (credentials). */
export const accountsPort = {
  /** The account with this e-mail (compared case-insensitively), or null. */
  byEmail: async (deps: Repos, email: string): Promise<{ userId: string; name: string } | null> => {
    const u = await deps.repos.auth.findUserByEmail(normalizeEmail(email));
    return u ? { userId: u.id, name: u.name } : null;
  },
  findByEmail: (deps: Repos, email: string) => deps.repos.auth.findUserByEmail(normalizeEmail(email)),
  findById: (deps: Repos, id: string) => deps.repos.auth.findUserById(id),
  /** Throws the 422 of the broken password rule (the same rules as every other password). */
  assertPasswordAcceptable: (password: string): void => assertPasswordAcceptable(password),
  /** Hashes and forgets a password: a refusal takes as long as an account creation (no timing oracle). */
  equaliseTiming: async (password: string): Promise<void> => {
    await hashPassword(password.slice(0, 1024));
  },
  /** An account with a password (e-mail sign-up); 409 `auth.email_taken` when the address has one. */
  createWithPassword: (deps: Pick<AppDeps, 'auth' | 'repos'>, input: NewUserInput) =>
    createUserWithPassword(deps, input),
  /**
   * Records that these accounts were active at `at` (a learning activity recorded for them), at most one write
   * a day per account, in the caller's transaction; ids that are not accounts (family members) are ignored.
   */
  markActive: (deps: Repos, db: Db, ids: readonly string[], at: Date): Promise<void> =>
    deps.repos.auth.markActive(db, ids, at),
  /** Account names by id, in the caller's transaction (a credential's recipient name). */
  namesOf: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.auth.namesOf(db, ids),
  /** Accounts unused since `before`, not erased yet, longest idle first (retention of inactive accounts). */
  inactiveSince: (deps: Repos, db: Db, before: Date, limit: number) =>
    deps.repos.auth.inactiveSince(db, before, limit),
  /** An account with no password (phone sign-up); its e-mail is the caller's placeholder. */
  async createWithoutPassword(
    deps: Pick<AppDeps, 'auth'>,
    input: { email: string; name: string },
  ): Promise<{ id: string }> {
    const ctx = await deps.auth.$context;
    const user = await ctx.internalAdapter.createUser(
      { email: normalizeEmail(input.email), name: input.name.normalize('NFC'), emailVerified: false },
      { method: 'admin' },
    );
    return { id: user.id };
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
