// better-auth request hooks. Every endpoint that checks a secret — password, two-step code, backup code — goes
// through the attempt limits of auth.rate-limit.ts, keyed by the account it is aimed at and the client address;
// new passwords must pass our rules; a password change ends every outstanding reset link and, when asked, every
// other session. They run for
// /api/auth/* and for the pages alike (the pages call better-auth's server API).
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import type { AppDeps } from '../../app/deps.types.ts';
import { CLIENT_IP_HEADER } from './auth.client-ip.server.ts';
import { checkPasswordRules } from './auth.password.server.ts';
import {
  type Attempt,
  attemptFailed,
  attemptSucceeded,
  beginAttempt,
  type Refusal,
} from './auth.rate-limit.server.ts';

const SIGN_IN_PATHS = new Set(['/sign-in/email']);
const SECOND_FACTOR_PATHS = new Set(['/two-factor/verify-totp', '/two-factor/verify-backup-code']);
// Endpoints a signed-in person reaches with their current password: someone holding a stolen session must not
// be able to guess it there either.
const PASSWORD_CHECK_PATHS = new Set([
  '/change-password',
  '/two-factor/enable',
  '/two-factor/disable',
  '/two-factor/get-totp-uri',
  '/two-factor/generate-backup-codes',
]);
const NEW_PASSWORD_PATHS = new Set([
  '/reset-password',
  '/change-password',
  '/set-password',
  '/sign-up/email',
]);
/** better-auth's pending-second-step cookie (its name before our prefix). */
const TWO_FACTOR_COOKIE = 'two_factor';

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The attempt counted by the before hook, for the after hook of the same request. */
const attempts = new WeakMap<object, Attempt>();
/** The session to keep when a password change signs out every other one. */
const keepSessions = new WeakMap<object, string>();

export function createAuthHooks(deps: AppDeps) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      const target = await targetAccount(deps, ctx);
      if (target !== undefined) {
        const ip = ctx.headers?.get(CLIENT_IP_HEADER) ?? null;
        const started = await beginAttempt(deps, target, ip);
        if ('refusal' in started) throw refusalError(started.refusal);
        attempts.set(ctx.context, started.attempt);
      }
      if (NEW_PASSWORD_PATHS.has(ctx.path)) {
        const pw = ctx.body?.newPassword ?? ctx.body?.password;
        const problem = typeof pw === 'string' ? checkPasswordRules(pw) : 'tooShort';
        if (problem) {
          throw new APIError('BAD_REQUEST', { code: `PASSWORD_${problem.toUpperCase()}`, message: problem });
        }
      }
      if (ctx.path === '/change-password' && ctx.body?.revokeOtherSessions === true) {
        // better-auth would end every session and open a new one inside its transaction, where the account
        // check of a new session (auth.ts) cannot reach the database on PGlite's single connection. We keep the
        // current session and end the others ourselves once the change succeeded.
        const actor = ctx.headers ? await deps.actors.resolve(ctx.headers) : null;
        if (actor?.kind === 'user') keepSessions.set(ctx.context, actor.sessionId);
        return { context: { body: { ...ctx.body, revokeOtherSessions: false } } };
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      const returned: unknown = ctx.context.returned;
      const attempt = attempts.get(ctx.context);
      if (attempt) {
        if (isAPIError(returned)) await attemptFailed(deps, attempt);
        else await attemptSucceeded(deps, attempt, { signedIn: completesSignIn(ctx.path, returned) });
      }
      // A reset link is for someone who no longer knows the password; once it is changed, none may stay usable.
      // (A reset itself ends the others in emailAndPassword.onPasswordReset, auth.ts.)
      if (ctx.path === '/change-password' && !isAPIError(returned)) {
        const userId = (returned as { user?: { id?: unknown } } | null)?.user?.id;
        if (typeof userId !== 'string') return;
        await deps.repos.auth.deleteResetTokensOf(userId);
        const keep = keepSessions.get(ctx.context);
        if (keep) await deps.repos.auth.deleteOtherSessions(userId, keep);
      }
    }),
  };
}

/**
 * The account a secret-checking request is aimed at (null when it names none), or undefined when the request
 * checks no secret.
 */
async function targetAccount(deps: AppDeps, ctx: Ctx): Promise<string | null | undefined> {
  if (SIGN_IN_PATHS.has(ctx.path)) return typeof ctx.body?.email === 'string' ? ctx.body.email : null;
  if (PASSWORD_CHECK_PATHS.has(ctx.path)) return signedInEmail(deps, ctx.headers);
  if (!SECOND_FACTOR_PATHS.has(ctx.path)) return undefined;
  // The second step of a sign-in belongs to the account of its pending challenge; confirming a new
  // authenticator belongs to the signed-in account.
  const signedIn = await signedInEmail(deps, ctx.headers);
  if (signedIn) return signedIn;
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
  const challenge = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!challenge) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
  if (!pending) return null;
  return (await deps.repos.auth.findUserById(pending.value))?.email ?? null;
}

async function signedInEmail(deps: AppDeps, headers: Headers | undefined): Promise<string | null> {
  if (!headers) return null;
  const actor = await deps.actors.resolve(headers);
  return actor.kind === 'user' ? actor.email : null;
}

/** A password accepted without a second step to follow, or a second step passed. */
function completesSignIn(path: string, returned: unknown): boolean {
  if (SECOND_FACTOR_PATHS.has(path)) return true;
  if (!SIGN_IN_PATHS.has(path)) return false;
  return !(typeof returned === 'object' && returned !== null && 'twoFactorRedirect' in returned);
}

function refusalError(r: Refusal): APIError {
  return new APIError('TOO_MANY_REQUESTS', {
    code: r.kind === 'slowed' ? 'SIGN_IN_SLOWED' : 'SIGN_IN_RATE_LIMITED',
    message: `${r.kind === 'slowed' ? 'slow-down' : 'retry-after'}:${r.retryAt.toISOString()}`,
  });
}
