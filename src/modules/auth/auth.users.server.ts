// Creating accounts and mailing password-setup links. Used by registration, user administration and
// tests; the checks here (password rules, normalised e-mail) are the same ones sign-in relies on.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.types.ts';
import { AppError, conflict } from '../../lib/errors.ts';
import type { Locale } from '../../lib/i18n.ts';
import { singleLineText } from '../../lib/text.server.ts';
import { normalizeEmail } from './auth.email.ts';
import { composeSetupMail, type SetupPurpose } from './auth.mail.server.ts';
import { checkPasswordRules, hashPassword, type PasswordProblem } from './auth.password.server.ts';

const NewUserSchema = z.strictObject({
  email: singleLineText({ max: 254 }).pipe(z.email()),
  name: singleLineText({ min: 1, max: 200 }),
  /** Omit to create an account whose owner sets the password through an invitation link. */
  password: z.string().max(1024).optional(),
});
export type NewUserInput = z.input<typeof NewUserSchema>;

const PROBLEM_KEYS = {
  tooShort: 'auth.error.passwordTooShort',
  tooLong: 'auth.error.passwordTooLong',
  common: 'auth.error.passwordCommon',
} as const;

export function passwordError(problem: PasswordProblem): AppError {
  return new AppError(`auth.password_${problem}`, 422, PROBLEM_KEYS[problem], {
    details: [{ path: 'password', message: problem }],
  });
}

/** Throws a 422 AppError naming the broken rule. */
export function assertPasswordAcceptable(password: string): void {
  const problem = checkPasswordRules(password);
  if (problem) throw passwordError(problem);
}

export async function createUserWithPassword(
  deps: Pick<AppDeps, 'auth' | 'repos'>,
  input: NewUserInput,
): Promise<{ id: string }> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('auth.user_invalid', 422, 'error.validation', {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const email = normalizeEmail(parsed.data.email);
  const name = parsed.data.name.normalize('NFC');
  const password = parsed.data.password;
  if (password !== undefined) assertPasswordAcceptable(password);
  if (await deps.repos.auth.findUserByEmail(email))
    throw conflict('auth.email_taken', 'auth.error.emailTaken');
  const hash = password === undefined ? null : await hashPassword(password);
  const ctx = await deps.auth.$context;
  let user: { id: string };
  try {
    user = await ctx.internalAdapter.createUser({ email, name, emailVerified: false }, { method: 'admin' });
  } catch (e) {
    // Two registrations racing for the same address: the unique index decides.
    if (await deps.repos.auth.findUserByEmail(email))
      throw conflict('auth.email_taken', 'auth.error.emailTaken');
    throw e;
  }
  if (hash) {
    await ctx.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: hash,
    });
  }
  return { id: user.id };
}

const SETUP_HOURS: Record<SetupPurpose, number> = { 'password-reset': 1, invitation: 72 };

/**
 * Mails a link to /reset-password?token=… when an account exists for `email`; silently does nothing
 * otherwise, so callers can answer the same way either way (no account enumeration).
 */
export async function sendPasswordSetupLink(
  deps: Pick<AppDeps, 'auth' | 'repos' | 'mailer' | 'config' | 'now'>,
  email: string,
  purpose: SetupPurpose,
  locale: Locale = 'vi',
): Promise<void> {
  const user = await deps.repos.auth.findUserByEmail(normalizeEmail(email));
  if (!user) return;
  const hours = SETUP_HOURS[purpose];
  const token = randomBytes(24).toString('base64url');
  const ctx = await deps.auth.$context;
  await ctx.internalAdapter.createVerificationValue({
    identifier: `reset-password:${token}`,
    value: user.id,
    expiresAt: new Date(deps.now().getTime() + hours * 60 * 60 * 1000),
  });
  const mail = composeSetupMail(deps.config.publicUrl, purpose, locale, token, hours);
  await deps.mailer.send({ to: user.email, ...mail, purpose });
}
