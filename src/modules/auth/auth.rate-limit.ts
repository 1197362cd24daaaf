// Sign-in rate limit: at most MAX_FAILURES failed attempts per WINDOW per account and per client IP,
// counted in the database so every app instance sees the same numbers.
import type { AppDeps } from '../../deps.ts';
import { normalizeEmail } from './auth.email.ts';

export const SIGN_IN_WINDOW_MS = 5 * 60 * 1000;
export const MAX_FAILURES = 10;

export type SignInVerdict = { allowed: true } | { allowed: false; retryAt: Date };

type Deps = Pick<AppDeps, 'repos' | 'now'>;

export async function checkSignInAllowed(
  deps: Deps,
  email: string | null,
  ip: string | null,
  opts: { includingCurrent?: boolean } = {},
): Promise<SignInVerdict> {
  const since = new Date(deps.now().getTime() - SIGN_IN_WINDOW_MS);
  // With the current attempt already recorded, the limit is reached when it is the (MAX + 1)th.
  const n = opts.includingCurrent ? MAX_FAILURES + 1 : MAX_FAILURES;
  const limits = await Promise.all([
    email ? deps.repos.auth.nthRecentFailure('email', normalizeEmail(email), since, n) : null,
    ip ? deps.repos.auth.nthRecentFailure('ip', ip, since, n) : null,
  ]);
  const blocking = limits.filter((d): d is Date => d !== null);
  if (!blocking.length) return { allowed: true };
  const latest = Math.max(...blocking.map((d) => d.getTime()));
  return { allowed: false, retryAt: new Date(latest + SIGN_IN_WINDOW_MS) };
}

/** A successful sign-in takes back the attempt counted before it. */
export async function forgetSignInAttempt(deps: Deps, email: string | null, ip: string | null) {
  if (!email && !ip) return;
  await deps.repos.auth.forgetLatestFailure(email ? normalizeEmail(email) : null, ip);
}

export async function recordSignInFailure(deps: Deps, email: string | null, ip: string | null) {
  if (!email && !ip) return;
  await deps.repos.auth.recordFailure(
    email ? normalizeEmail(email) : null,
    ip,
    deps.now(),
    new Date(deps.now().getTime() - 2 * SIGN_IN_WINDOW_MS),
  );
}

export const RESET_WINDOW_MS = 60 * 60 * 1000;
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_IP = 10;

/**
 * Password-reset mail: at most 3 an hour per address and 10 an hour per client IP, so the form cannot be
 * used to flood someone's mailbox. Every request is counted, whether or not the account exists.
 */
export async function allowResetMail(deps: Deps, email: string, ip: string | null): Promise<boolean> {
  const now = deps.now();
  const since = new Date(now.getTime() - RESET_WINDOW_MS);
  const address = normalizeEmail(email);
  const [byEmail, byIp] = await Promise.all([
    deps.repos.auth.countResetRequests('email', address, since),
    ip ? deps.repos.auth.countResetRequests('ip', ip, since) : 0,
  ]);
  await deps.repos.auth.recordResetRequest(address, ip, now, new Date(now.getTime() - 2 * RESET_WINDOW_MS));
  return byEmail < MAX_RESETS_PER_EMAIL && byIp < MAX_RESETS_PER_IP;
}
