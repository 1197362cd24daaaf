// What the sign-in, password and account pages do. Each call goes through better-auth's server API with the
// browser's headers and hands back the Set-Cookie lines the page must forward.

import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, unauthenticated } from '../../lib/errors.ts';
import type { Locale } from '../../lib/i18n.ts';
import { singleLineText } from '../../lib/text.server.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { authorizeOnRoot } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import { settingsPort } from '../settings/index.server.ts';
import { normalizeEmail } from './auth.email.ts';
import { fromAuthError } from './auth.errors.server.ts';
import { allowResetMail } from './auth.rate-limit.server.ts';
import { REQUIRE_MFA_FOR_STAFF, type SessionRow } from './auth.repository.server.ts';
import { assertPasswordAcceptable, sendPasswordSetupLink } from './auth.users.server.ts';

export interface CookieResult {
  setCookies: string[];
}

type Deps = AppDeps;

async function call<T>(deps: Deps, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw fromAuthError(e, deps.now());
  }
}

function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

export const SignInSchema = z.strictObject({
  email: singleLineText({ min: 1, max: 254 }),
  // Secrets are compared exactly as typed: never normalised (ADR 0008).
  password: z.string().min(1).max(1024),
});

export async function signInWithPassword(
  deps: Deps,
  input: { email: string; password: string; headers: Headers },
): Promise<CookieResult & { twoFactor: boolean }> {
  const { headers: out, response } = await call(deps, () =>
    deps.auth.api.signInEmail({
      body: { email: normalizeEmail(input.email), password: input.password, rememberMe: true },
      headers: input.headers,
      returnHeaders: true,
    }),
  );
  const twoFactor = 'twoFactorRedirect' in response && response.twoFactorRedirect === true;
  return { setCookies: out.getSetCookie(), twoFactor };
}

export async function verifySignInCode(
  deps: Deps,
  input: { code: string; method: 'totp' | 'backup'; headers: Headers },
): Promise<CookieResult> {
  const code = input.code.replace(/\s+/g, '');
  const result = await call(deps, () =>
    input.method === 'totp'
      ? deps.auth.api.verifyTOTP({ body: { code }, headers: input.headers, returnHeaders: true })
      : deps.auth.api.verifyBackupCode({ body: { code }, headers: input.headers, returnHeaders: true }),
  );
  return { setCookies: result.headers.getSetCookie() };
}

export async function signOut(deps: Deps, headers: Headers): Promise<CookieResult> {
  try {
    const result = await deps.auth.api.signOut({ headers, returnHeaders: true });
    return { setCookies: result.headers.getSetCookie() };
  } catch {
    return { setCookies: [] }; // already signed out: nothing to do
  }
}

/** Sends a reset link unless the address or IP asked too often; the caller answers the same either way. */
export async function requestPasswordReset(
  deps: Deps,
  input: { email: string; locale: Locale; ip: string | null },
): Promise<void> {
  if (!(await allowResetMail(deps, input.email, input.ip))) {
    deps.logger.warn({ ip: input.ip }, 'password-reset mail throttled');
    return;
  }
  try {
    await sendPasswordSetupLink(deps, input.email, 'password-reset', input.locale);
  } catch (err) {
    // A failing mail server must not turn into an answer that differs for existing accounts.
    deps.logger.error({ err }, 'password-reset mail could not be sent');
  }
}

/**
 * Sets a new password from a mailed link. Every session of the account ends, and every other reset or
 * invitation link of the account dies with the one just used (both in auth.ts, so the API does the same).
 */
export async function resetPassword(deps: Deps, input: { token: string; newPassword: string }) {
  assertPasswordAcceptable(input.newPassword);
  await call(deps, () =>
    deps.auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } }),
  );
}

/**
 * The account page's password change: checks the current password (limited like sign-in), ends every
 * outstanding reset link and, when asked, signs out every other device while this one stays signed in
 * (auth.hooks.ts, so the API does the same).
 */
export async function changeMyPassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; signOutOthers: boolean; headers: Headers },
): Promise<CookieResult> {
  const me = requireUser(actor);
  assertPasswordAcceptable(input.newPassword);
  const result = await call(deps, () =>
    deps.auth.api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: input.signOutOthers,
      },
      headers: input.headers,
      returnHeaders: true,
    }),
  );
  await deps.db.transaction((tx) =>
    deps.audit.record(tx, me, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: me.userId,
      after: { signedOutOthers: input.signOutOthers },
    }),
  );
  return { setCookies: result.headers.getSetCookie() };
}

export interface SessionView {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export async function listMySessions(deps: Deps, actor: Actor): Promise<SessionView[]> {
  const me = requireUser(actor);
  const rows: SessionRow[] = await deps.repos.auth.listSessions(me.userId, deps.now());
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.user_agent,
    ipAddress: r.ip_address,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    current: r.id === me.sessionId,
  }));
}

/** Signs out one device. Revoking the current session is the same as signing out. */
export async function revokeMySession(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  const me = requireUser(actor);
  if (!(await deps.repos.auth.deleteSession(me.userId, sessionId))) {
    throw new AppError('auth.session_not_found', 404, 'error.notFound');
  }
}

/** "Sign out everywhere else": every session of the user except the one making the request. */
export async function revokeMyOtherSessions(deps: Deps, actor: Actor): Promise<number> {
  const me = requireUser(actor);
  const n = await deps.repos.auth.deleteOtherSessions(me.userId, me.sessionId);
  await deps.db.transaction((tx) =>
    deps.audit.record(tx, me, {
      action: 'auth.sessions.revoke_others',
      entityType: 'user',
      entityId: me.userId,
      after: { revoked: n },
    }),
  );
  return n;
}

export interface TwoFactorSetup {
  totpURI: string;
  secret: string;
  qrSvg: string;
  backupCodes: string[];
}

export async function totpSetupView(totpURI: string): Promise<Omit<TwoFactorSetup, 'backupCodes'>> {
  let secret = '';
  try {
    secret = new URL(totpURI).searchParams.get('secret') ?? '';
  } catch {
    throw new AppError('auth.two_factor_missing', 409, 'auth.error.twoFactorNotStarted');
  }
  const qrSvg = await QRCode.toString(totpURI, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { totpURI, secret, qrSvg };
}

/** Step 1: password re-check, then a fresh (unconfirmed) TOTP secret to scan. */
export async function startTwoFactorSetup(
  deps: Deps,
  actor: Actor,
  input: { password: string; headers: Headers },
): Promise<TwoFactorSetup> {
  requireUser(actor);
  const res = await call(deps, () =>
    deps.auth.api.enableTwoFactor({ body: { password: input.password }, headers: input.headers }),
  );
  if (!('totpURI' in res) || !res.totpURI) {
    throw new AppError('auth.two_factor_missing', 409, 'auth.error.twoFactorNotStarted');
  }
  return { ...(await totpSetupView(res.totpURI)), backupCodes: res.backupCodes ?? [] };
}

/** Step 2: the first code from the app turns two-step verification on; the session is renewed. */
export async function confirmTwoFactorSetup(
  deps: Deps,
  actor: Actor,
  input: { code: string; headers: Headers },
): Promise<CookieResult & { backupCodes: string[] }> {
  const me = requireUser(actor);
  const code = input.code.replace(/\s+/g, '');
  const result = await call(deps, () =>
    deps.auth.api.verifyTOTP({ body: { code }, headers: input.headers, returnHeaders: true }),
  );
  const codes = await deps.auth.api.viewBackupCodes({ body: { userId: me.userId } });
  await deps.db.transaction((tx) =>
    deps.audit.record(tx, me, { action: 'auth.two_factor.enable', entityType: 'user', entityId: me.userId }),
  );
  return { setCookies: result.headers.getSetCookie(), backupCodes: codes.backupCodes ?? [] };
}

export async function disableTwoFactor(
  deps: Deps,
  actor: Actor,
  input: { password: string; headers: Headers },
): Promise<CookieResult> {
  const me = requireUser(actor);
  const result = await call(deps, () =>
    deps.auth.api.disableTwoFactor({
      body: { password: input.password },
      headers: input.headers,
      returnHeaders: true,
    }),
  );
  await deps.db.transaction((tx) =>
    deps.audit.record(tx, me, { action: 'auth.two_factor.disable', entityType: 'user', entityId: me.userId }),
  );
  return { setCookies: result.headers.getSetCookie() };
}

/** Site-wide settings belong to administrators of the whole tree (a grant on a root unit). */
export async function authorizeSiteSettings(deps: Deps, actor: Actor): Promise<void> {
  authorizeOnRoot(actor, 'auth.settings.update', await unitTree(deps));
}

export async function getRequireMfaForStaff(deps: Pick<Deps, 'repos'>): Promise<boolean> {
  return deps.repos.auth.readRequireMfaForStaff();
}

/** Administrators switch "staff must use two-step verification" on or off. Audited. */
/** The version the security settings form carries. */
export async function requireMfaForStaffVersion(deps: Deps, actor: Actor): Promise<number> {
  await authorizeSiteSettings(deps, actor);
  return settingsPort.version(deps, deps.db, REQUIRE_MFA_FOR_STAFF);
}

export async function setRequireMfaForStaff(
  deps: Deps,
  actor: Actor,
  value: boolean,
  /** The version the settings page was loaded with; a stale one → 409, nothing written. */
  version?: number,
): Promise<void> {
  await authorizeSiteSettings(deps, actor);
  const parsed = z.boolean().parse(value);
  await deps.db.transaction(async (tx) => {
    const written = await settingsPort.writeVersioned(deps, tx, REQUIRE_MFA_FOR_STAFF, parsed, version);
    if (!written) throw staleVersion('auth.settings');
    const before = written.before === true;
    await deps.audit.record(tx, actor, {
      action: 'auth.settings.update',
      entityType: 'setting',
      entityId: 'auth.require_mfa_for_staff',
      before: { value: before },
      after: { value: parsed },
    });
  });
}
