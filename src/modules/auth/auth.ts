// The better-auth instance: database sessions in our own tables (Drizzle adapter over deps.db, both PGlite
// and PostgreSQL), argon2id passwords, TOTP second factor, password-reset mail through our mailer, and our
// database-backed sign-in rate limit as request hooks (so it covers /api/auth/* and the pages alike).
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import type { AppDeps } from '../../deps.ts';
import { type IdPrefix, newId } from '../../lib/ids.ts';
import { loadActorAccess } from '../access/access.actor.ts';
import { composeSetupMail, parseSetupCallback } from './auth.mail.ts';
import { checkPasswordRules, hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './auth.password.ts';
import { checkSignInAllowed, forgetSignInAttempt, recordSignInFailure } from './auth.rate-limit.ts';
import { cookiePrefix } from './auth.session-cookie.ts';
import { authSchema } from './auth.table.ts';

/** Set by our own middleware from the socket (or a trusted proxy); any incoming value is discarded. */
export const CLIENT_IP_HEADER = 'x-suotdoi-client-ip';
export const SESSION_DAYS = 7;
export const TOTP_ISSUER = 'Suốt Đời';

const ID_PREFIX: Record<string, IdPrefix> = {
  user: 'usr',
  users: 'usr',
  session: 'ses',
  sessions: 'ses',
  account: 'acc',
  accounts: 'acc',
  verification: 'ver',
  verifications: 'ver',
  twoFactor: 'tfa',
  twoFactors: 'tfa',
};

const SIGN_IN_PATHS = new Set(['/sign-in/email']);
const SECOND_FACTOR_PATHS = new Set(['/two-factor/verify-totp', '/two-factor/verify-backup-code']);
// Endpoints a signed-in person reaches with their current password: someone holding a stolen session must not
// be able to guess it there either. Counted like sign-in, per account and per client IP.
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

export function createAuth(deps: AppDeps) {
  const { config } = deps;
  return betterAuth({
    appName: TOTP_ISSUER,
    secret: config.sessionSecret,
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    trustedOrigins: [config.publicUrl],
    telemetry: { enabled: false },
    database: drizzleAdapter(deps.db, { provider: 'pg', schema: authSchema, transaction: true }),
    user: { modelName: 'users' },
    session: {
      modelName: 'sessions',
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
    },
    account: { modelName: 'accounts' },
    verification: { modelName: 'verifications' },
    // Our own DB-backed limiter replaces better-auth's in-memory one (see auth.rate-limit.ts).
    rateLimit: { enabled: false },
    disabledPaths: [
      '/sign-up/email',
      '/update-user',
      '/change-email',
      '/delete-user',
      '/sign-in/social',
      '/link-social',
      '/unlink-account',
      '/get-access-token',
      '/refresh-token',
      // Reset mails go only through our own page and use case, which throttles them (auth.rate-limit.ts).
      '/request-password-reset',
      '/forget-password',
      // Redirects to a caller-supplied callbackURL (an open redirect); we verify no e-mail addresses this way.
      // GET /reset-password/<token> does the same and is refused in auth.wiring.ts (exact paths only here).
      '/verify-email',
    ],
    advanced: {
      database: { generateId: ({ model }) => newId(ID_PREFIX[model] ?? 'ver') },
      // better-auth would add `__Secure-`; we name cookies ourselves to get the stricter `__Host-` prefix.
      useSecureCookies: false,
      cookiePrefix: cookiePrefix(config.secureCookies),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: 8,
      // NFD input is longer than its NFC form; the real limit is checked on NFC in the before hook.
      maxPasswordLength: MAX_PASSWORD_LENGTH * 4,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      password: { hash: hashPassword, verify: verifyPassword },
      async sendResetPassword({ user, token, url }) {
        const { locale } = parseSetupCallback(url);
        const mail = composeSetupMail(config.publicUrl, 'password-reset', locale, token);
        await deps.mailer.send({ to: user.email, ...mail, purpose: 'password-reset' });
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account (access module) cannot start a session, whatever the password.
          async before(session) {
            const access = await loadActorAccess(deps, session.userId);
            if (access.disabled) {
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'disabled' });
            }
          },
        },
      },
    },
    plugins: [twoFactor({ issuer: TOTP_ISSUER, twoFactorTable: 'twoFactors' })],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const ip = ctx.headers?.get(CLIENT_IP_HEADER) ?? null;
        if (SIGN_IN_PATHS.has(ctx.path)) {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email : null;
          await countAttemptOrRefuse(deps, email, ip);
        } else if (SECOND_FACTOR_PATHS.has(ctx.path)) {
          await countAttemptOrRefuse(deps, null, ip);
        }
        if (PASSWORD_CHECK_PATHS.has(ctx.path)) {
          await countAttemptOrRefuse(deps, await signedInEmail(deps, ctx.headers), ip);
        }
        if (NEW_PASSWORD_PATHS.has(ctx.path)) {
          const pw = ctx.body?.newPassword ?? ctx.body?.password;
          const problem = typeof pw === 'string' ? checkPasswordRules(pw) : 'tooShort';
          if (problem) {
            throw new APIError('BAD_REQUEST', {
              code: `PASSWORD_${problem.toUpperCase()}`,
              message: problem,
            });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        // Every attempt was counted as a failure before the password check; a success takes it back.
        if (isAPIError(ctx.context.returned)) return;
        const ip = ctx.headers?.get(CLIENT_IP_HEADER) ?? null;
        if (SIGN_IN_PATHS.has(ctx.path)) {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email : null;
          await forgetSignInAttempt(deps, email, ip);
        } else if (SECOND_FACTOR_PATHS.has(ctx.path)) {
          await forgetSignInAttempt(deps, null, ip);
        } else if (PASSWORD_CHECK_PATHS.has(ctx.path)) {
          await forgetSignInAttempt(deps, await signedInEmail(deps, ctx.headers), ip);
        }
      }),
    },
  });
}

async function signedInEmail(deps: AppDeps, headers: Headers | undefined): Promise<string | null> {
  if (!headers) return null;
  const actor = await deps.actors.resolve(headers);
  return actor.kind === 'user' ? actor.email : null;
}

/**
 * Counts this attempt first, then checks: parallel attempts each see the others, so a burst cannot slip past
 * the limit while the (slow) password hashes are being checked.
 */
async function countAttemptOrRefuse(deps: AppDeps, email: string | null, ip: string | null) {
  await recordSignInFailure(deps, email, ip);
  const verdict = await checkSignInAllowed(deps, email, ip, { includingCurrent: true });
  if (!verdict.allowed) {
    throw new APIError('TOO_MANY_REQUESTS', {
      code: 'SIGN_IN_RATE_LIMITED',
      message: `retry-after:${verdict.retryAt.toISOString()}`,
    });
  }
}

export type AuthInstance = ReturnType<typeof createAuth>;
