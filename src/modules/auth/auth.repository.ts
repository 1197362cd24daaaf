// SQL for authentication data we read or change outside better-auth: the actor lookup, the session list,
// revocation, failed-attempt counting and the staff-MFA setting.
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.ts';

export interface SessionActorRow {
  session_id: string;
  user_id: string;
  email: string;
  name: string;
  two_factor_enabled: boolean;
  last_seen_at: Date;
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
    /** The one query per request: a live session and its user. */
    async findSessionActor(token: string, now: Date): Promise<SessionActorRow | undefined> {
      const rows = await dbh.query<SessionActorRow>(
        `SELECT s.id AS session_id, u.id AS user_id, u.email, u.name, u.two_factor_enabled, s.last_seen_at
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token = $1 AND s.expires_at > $2`,
        [token, now],
      );
      return rows[0];
    },
    async touchSession(sessionId: string, now: Date): Promise<void> {
      await dbh.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [sessionId, now]);
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
    /** When the `n`-th most recent failure since `since` happened, or null when there are fewer. */
    async nthRecentFailure(by: 'email' | 'ip', value: string, since: Date, n: number): Promise<Date | null> {
      const column = by === 'email' ? 'email' : 'ip';
      const rows = await dbh.query<{ at: Date | string }>(
        `SELECT at FROM login_failures WHERE ${column} = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1`,
        [value, since, n - 1],
      );
      const at = rows[0]?.at;
      return at ? new Date(at) : null;
    },
    async recordFailure(email: string | null, ip: string | null, at: Date, pruneBefore: Date): Promise<void> {
      await dbh.query('INSERT INTO login_failures (at, email, ip) VALUES ($1, $2, $3)', [at, email, ip]);
      await dbh.query('DELETE FROM login_failures WHERE at < $1', [pruneBefore]);
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
    async forgetLatestFailure(email: string | null, ip: string | null): Promise<void> {
      await dbh.query(
        `DELETE FROM login_failures WHERE id = (
           SELECT id FROM login_failures
           WHERE email IS NOT DISTINCT FROM $1 AND ip IS NOT DISTINCT FROM $2
           ORDER BY at DESC, id DESC LIMIT 1)`,
        [email, ip],
      );
    },
    async userOfResetToken(token: string): Promise<string | null> {
      const rows = await dbh.query<{ value: string }>(
        'SELECT value FROM verifications WHERE identifier = $1 AND expires_at > now()',
        [`reset-password:${token}`],
      );
      return rows[0]?.value ?? null;
    },
    async deleteResetTokensOf(userId: string): Promise<void> {
      await dbh.query("DELETE FROM verifications WHERE identifier LIKE 'reset-password:%' AND value = $1", [
        userId,
      ]);
    },
    /** Deletes expired sessions and verification tokens, and old rate-limit rows; returns counts. */
    async sweepExpired(now: Date, keepCountersAfter: Date): Promise<{ sessions: number; tokens: number }> {
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
      return { sessions: sessions.length, tokens: tokens.length };
    },
    async readRequireMfaForStaff(): Promise<boolean> {
      const rows = await dbh.query<{ value: unknown }>(
        "SELECT value FROM settings WHERE key = 'auth.require_mfa_for_staff'",
      );
      return rows[0]?.value === true;
    },
    /** Inside the caller's transaction, so the audit entry commits with it. Returns the previous value. */
    async writeRequireMfaForStaff(tx: Db, value: boolean): Promise<boolean> {
      const before = await tx.execute(
        sql`SELECT value FROM settings WHERE key = 'auth.require_mfa_for_staff' FOR UPDATE`,
      );
      await tx.execute(
        sql`INSERT INTO settings (key, value) VALUES ('auth.require_mfa_for_staff', ${JSON.stringify(value)}::jsonb)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      );
      return rowsOf<{ value: unknown }>(before)[0]?.value === true;
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;

/** node-postgres returns `{ rows }`, PGlite's Drizzle driver the same shape; keep the difference here. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
