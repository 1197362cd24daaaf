// SQL for authentication data we read or change outside better-auth: the actor lookup, the session list,
// revocation, failed-attempt counting (and the addresses and notices that go with it), reset links and the
// staff-MFA setting.
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { readSetting } from '../settings/index.server.ts';

/** The settings key of "staff must use two-step verification" (the settings module keeps the value). */
export const REQUIRE_MFA_FOR_STAFF = 'auth.require_mfa_for_staff';

export interface SessionActorRow {
  session_id: string;
  user_id: string;
  email: string;
  name: string;
  two_factor_enabled: boolean;
  last_seen_at: Date;
  last_active_at: Date;
  /** When the session ends: a cached row is not used past it. */
  expires_at: Date;
  /** The user has no two-step sign-in and the deployment requires it of staff (read with the session). */
  staff_mfa_required: boolean;
}

export interface SessionRow {
  id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  two_factor_enabled: boolean;
  created_at: Date;
}

export function createAuthRepository(dbh: DbHandle) {
  return {
    /** Signs a user out everywhere (a disabled account): the auth module's write port (index.server.ts). */
    async deleteSessionsOf(db: Db, userId: string): Promise<void> {
      await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
    },

    /** The one query per request: a live session and its user, unless the account is disabled (at once, everywhere). */
    async findSessionActor(token: string, now: Date): Promise<SessionActorRow | undefined> {
      const rows = await dbh.query<SessionActorRow>(
        // The staff two-step setting rides along (issue 17): one statement instead of two, cached with the
        // session (a settings change forgets every cached session, migration 0198). It is read through the
        // settings module's published view (ADR 0014), not its table.
        `SELECT s.id AS session_id, u.id AS user_id, u.email, u.name, u.two_factor_enabled, s.last_seen_at,
                u.last_active_at, s.expires_at,
                (NOT u.two_factor_enabled AND coalesce((SELECT st.value = 'true'::jsonb FROM setting_directory st
                   WHERE st.key = 'auth.require_mfa_for_staff'), false)) AS staff_mfa_required
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
        [token, now],
      );
      return rows[0];
    },
    async touchSession(sessionId: string, now: Date): Promise<void> {
      await dbh.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [sessionId, now]);
    },
    /**
     * The accounts' last activity (migration 0144): moved forward to `at` only when it is more than a day
     * older, so an account is written at most once a day; ids that are not accounts match nothing.
     */
    async markActive(db: Db, ids: readonly string[], at: Date): Promise<void> {
      if (!ids.length) return;
      await db.execute(sql`UPDATE users SET last_active_at = ${at}
        WHERE id = ANY(${sql.param([...ids])}::text[]) AND last_active_at < ${at}::timestamptz - interval '1 day'`);
    },
    /** Account names by id, read in the caller's transaction. */
    async namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await queryRows<{ id: string; name: string }>(
        db,
        sql`SELECT id, name FROM users WHERE id = ANY(${sql.param([...ids])}::text[])`,
      );
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** Accounts not used since `before` and not erased yet, longest idle first (retention of inactive accounts). */
    async inactiveSince(
      db: Db,
      before: Date,
      limit: number,
    ): Promise<Array<{ userId: string; email: string; lastActiveAt: Date }>> {
      const rows = await queryRows<{ userId: string; email: string; lastActiveAt: Date | string }>(
        db,
        sql`SELECT id AS "userId", email, last_active_at AS "lastActiveAt" FROM users
            WHERE last_active_at < ${before} AND email NOT LIKE '%@erased.invalid'
            ORDER BY last_active_at, id LIMIT ${limit}`,
      );
      return rows.map((r) => ({ ...r, lastActiveAt: new Date(r.lastActiveAt) }));
    },
    async listSessions(userId: string, now: Date): Promise<SessionRow[]> {
      return dbh.query<SessionRow>(
        `SELECT id, user_agent, ip_address, created_at, last_seen_at, expires_at FROM sessions
          WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC`,
        [userId, now],
      );
    },
    /** Deletes one of the user's own sessions; returns false when there is no such session. */
    async deleteSession(userId: string, sessionId: string): Promise<boolean> {
      const rows = await dbh.query<{ id: string }>(
        'DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id',
        [sessionId, userId],
      );
      return rows.length > 0;
    },
    async deleteOtherSessions(userId: string, keepSessionId: string): Promise<number> {
      const rows = await dbh.query<{ id: string }>(
        'DELETE FROM sessions WHERE user_id = $1 AND id <> $2 RETURNING id',
        [userId, keepSessionId],
      );
      return rows.length;
    },
    async findUserByEmail(email: string): Promise<UserRow | undefined> {
      const rows = await dbh.query<UserRow>(
        'SELECT id, email, name, two_factor_enabled, created_at FROM users WHERE email = $1',
        [email],
      );
      return rows[0];
    },
    async findUserById(id: string): Promise<UserRow | undefined> {
      const rows = await dbh.query<UserRow>(
        'SELECT id, email, name, two_factor_enabled, created_at FROM users WHERE id = $1',
        [id],
      );
      return rows[0];
    },
    async hasPendingTwoFactor(userId: string): Promise<boolean> {
      const rows = await dbh.query<{ n: number }>(
        'SELECT 1 AS n FROM two_factors WHERE user_id = $1 AND verified = false',
        [userId],
      );
      return rows.length > 0;
    },
    /**
     * When the `n`-th most recent failure since `since` happened, or null when there are fewer: per account and
     * client address (`ip` null only where no address is known), or per address across accounts.
     */
    async nthRecentFailure(
      key: { email: string; ip: string | null } | { ip: string },
      since: Date,
      n: number,
    ): Promise<Date | null> {
      const rows =
        'email' in key
          ? await dbh.query<{ at: Date | string }>(
              `SELECT at FROM login_failures WHERE email = $1 AND ip IS NOT DISTINCT FROM $2 AND at > $3
                ORDER BY at DESC OFFSET $4 LIMIT 1`,
              [key.email, key.ip, since, n - 1],
            )
          : await dbh.query<{ at: Date | string }>(
              'SELECT at FROM login_failures WHERE ip = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1',
              [key.ip, since, n - 1],
            );
      const at = rows[0]?.at;
      return at ? new Date(at) : null;
    },
    /** Failures on one account since `since` from every address, other than the attempt `exceptId`. */
    async accountFailures(
      email: string,
      since: Date,
      exceptId: number,
    ): Promise<{ count: number; latest: Date | null }> {
      const rows = await dbh.query<{ n: number | string; latest: Date | string | null }>(
        `SELECT count(*) AS n, max(at) AS latest FROM login_failures
          WHERE email = $1 AND at > $2 AND id <> $3`,
        [email, since, exceptId],
      );
      const latest = rows[0]?.latest;
      return { count: Number(rows[0]?.n ?? 0), latest: latest ? new Date(latest) : null };
    },
    /** Counts an attempt as failed until proven otherwise; returns its id. Prunes rows past every window. */
    async recordFailure(
      email: string | null,
      ip: string | null,
      at: Date,
      pruneBefore: Date,
    ): Promise<number> {
      const rows = await dbh.query<{ id: number | string }>(
        'INSERT INTO login_failures (at, email, ip) VALUES ($1, $2, $3) RETURNING id',
        [at, email, ip],
      );
      await dbh.query('DELETE FROM login_failures WHERE at < $1', [pruneBefore]);
      return Number(rows[0]?.id);
    },
    /** Takes back an attempt that succeeded, or one refused before its secret was checked. */
    async forgetFailure(id: number): Promise<void> {
      await dbh.query('DELETE FROM login_failures WHERE id = $1', [id]);
    },
    async isKnownIp(email: string, ip: string, since: Date): Promise<boolean> {
      const rows = await dbh.query<{ n: number }>(
        'SELECT 1 AS n FROM login_known_ips WHERE email = $1 AND ip = $2 AND last_success_at > $3',
        [email, ip, since],
      );
      return rows.length > 0;
    },
    async rememberKnownIp(email: string, ip: string, at: Date): Promise<void> {
      await dbh.query(
        `INSERT INTO login_known_ips (email, ip, last_success_at) VALUES ($1, $2, $3)
         ON CONFLICT (email, ip) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
        [email, ip, at],
      );
    },
    /**
     * True for exactly one caller per account and period: records that a failed-attempts notice goes out now,
     * unless one went out after `notBefore`.
     */
    async claimFailureNotice(email: string, now: Date, notBefore: Date): Promise<boolean> {
      const rows = await dbh.query<{ email: string }>(
        `INSERT INTO login_failure_notices (email, sent_at) VALUES ($1, $2)
         ON CONFLICT (email) DO UPDATE SET sent_at = EXCLUDED.sent_at
           WHERE login_failure_notices.sent_at <= $3
         RETURNING email`,
        [email, now, notBefore],
      );
      return rows.length > 0;
    },
    async countResetRequests(by: 'email' | 'ip', value: string, since: Date): Promise<number> {
      const column = by === 'email' ? 'email' : 'ip';
      const rows = await dbh.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM password_reset_requests WHERE ${column} = $1 AND at > $2`,
        [value, since],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async recordResetRequest(email: string, ip: string | null, at: Date, pruneBefore: Date): Promise<void> {
      await dbh.query('INSERT INTO password_reset_requests (at, email, ip) VALUES ($1, $2, $3)', [
        at,
        email,
        ip,
      ]);
      await dbh.query('DELETE FROM password_reset_requests WHERE at < $1', [pruneBefore]);
    },
    async deleteResetTokensOf(userId: string): Promise<void> {
      await dbh.query("DELETE FROM verifications WHERE identifier LIKE 'reset-password:%' AND value = $1", [
        userId,
      ]);
    },
    /** Deletes expired sessions and verification tokens, and old rate-limit rows; returns counts. */
    async sweepExpired(
      now: Date,
      keepCountersAfter: Date,
      keepKnownIpsAfter: Date,
    ): Promise<{ sessions: number; tokens: number }> {
      const sessions = await dbh.query<{ id: string }>(
        'DELETE FROM sessions WHERE expires_at < $1 RETURNING id',
        [now],
      );
      const tokens = await dbh.query<{ id: string }>(
        'DELETE FROM verifications WHERE expires_at < $1 RETURNING id',
        [now],
      );
      await dbh.query('DELETE FROM login_failures WHERE at < $1', [keepCountersAfter]);
      await dbh.query('DELETE FROM password_reset_requests WHERE at < $1', [keepCountersAfter]);
      await dbh.query('DELETE FROM login_failure_notices WHERE sent_at < $1', [keepCountersAfter]);
      await dbh.query('DELETE FROM login_known_ips WHERE last_success_at < $1', [keepKnownIpsAfter]);
      return { sessions: sessions.length, tokens: tokens.length };
    },
    /** Whether staff must use two-step verification: the settings module's value, read at each request. */
    async readRequireMfaForStaff(): Promise<boolean> {
      return (await readSetting<unknown>(dbh, REQUIRE_MFA_FOR_STAFF)) === true;
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
