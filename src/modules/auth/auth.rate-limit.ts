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
): Promise<SignInVerdict> {
  const since = new Date(deps.now().getTime() - SIGN_IN_WINDOW_MS);
  const limits = await Promise.all([
    email ? deps.repos.auth.nthRecentFailure('email', normalizeEmail(email), since, MAX_FAILURES) : null,
    ip ? deps.repos.auth.nthRecentFailure('ip', ip, since, MAX_FAILURES) : null,
  ]);
  const blocking = limits.filter((d): d is Date => d !== null);
  if (!blocking.length) return { allowed: true };
  const latest = Math.max(...blocking.map((d) => d.getTime()));
  return { allowed: false, retryAt: new Date(latest + SIGN_IN_WINDOW_MS) };
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
