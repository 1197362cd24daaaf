// The better-auth instance: database sessions in our own tables (Drizzle adapter over deps.db, both PGlite
// and PostgreSQL), argon2id passwords, TOTP second factor, password-reset mail through our mailer, and our
// database-backed limits on guessing secrets as request hooks (auth.hooks.ts; /api/auth/* and pages alike).
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import type { AppDeps } from '../../app/deps.types.ts';
import { loadActorAccess } from '../access/access.actor.ts';
import { CLIENT_IP_HEADER } from './auth.client-ip.server.ts';
import { createAuthHooks } from './auth.hooks.server.ts';
import { type AuthIdPrefix, newId } from './auth.ids.server.ts';
import { composeSetupMail, parseSetupCallback } from './auth.mail.server.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './auth.password.server.ts';
import { cookiePrefix } from './auth.session-cookie.server.ts';
import { authSchema } from './auth.table.server.ts';

export { CLIENT_IP_HEADER };
export const SESSION_DAYS = 7;
export const TOTP_ISSUER = 'Suốt Đời';

const ID_PREFIX: Record<string, AuthIdPrefix> = {
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
      // Checks the password with no limit on guesses, and we have no use for it.
      '/verify-password',
      // One-time codes by mail are not offered (two-step verification uses an authenticator app).
      '/two-factor/send-otp',
      '/two-factor/verify-otp',
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
      // A reset signs the account out everywhere, with no option to keep other sessions: a reset is how someone
      // regains an account whose password they lost — possibly to someone else, who may be signed in right now.
      // Keeping sessions open would leave that person in; the owner only has to sign in again.
      revokeSessionsOnPasswordReset: true,
      // Using one reset (or invitation) link ends every other link of the account, on the page and the API alike.
      async onPasswordReset({ user }) {
        await deps.repos.auth.deleteResetTokensOf(user.id);
      },
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
            const access = await loadActorAccess(deps, session.userId, { fresh: true });
            if (access.disabled) {
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'disabled' });
            }
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: TOTP_ISSUER,
        twoFactorTable: 'twoFactors',
        // Its lockout locks the account's second step after 10 failures from anywhere: anyone holding the
        // password could keep the owner out. Our limits per account and address apply instead (auth.hooks.ts).
        accountLockout: { enabled: false },
      }),
    ],
    hooks: createAuthHooks(deps),
  });
}

export type AuthInstance = ReturnType<typeof createAuth>;
