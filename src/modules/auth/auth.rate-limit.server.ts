// Limits on guessing secrets (passwords, two-step codes, backup codes), after OWASP ASVS 2.2.1. Failures count
// per account *and* client address, and per address across accounts; either limit, once spent, refuses that
// address for a while. An account on its own is never locked — that would let anyone lock its owner out with
// one wrong try now and then (issue 10, item 5). Past a few failures it is only slowed: an attempt from an
// address its owner has not signed in from must wait a few seconds after the previous failure (doubling, capped),
// and the owner is mailed about it at most once a day. Counted in the database so every instance sees the
// same numbers.
//
// The wait is a refusal with Retry-After rather than a response held open: holding connections for seconds
// would hand an attacker a cheap way to tie up the server.
import type { AppDeps } from '../../app/deps.types.ts';
import { normalizeEmail } from './auth.email.ts';
import { composeFailureNotice } from './auth.mail.server.ts';

export const SIGN_IN_WINDOW_MS = 5 * 60 * 1000;
/** Failures per account from one address within SIGN_IN_WINDOW_MS; the next attempt there is refused. */
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 10;
/** Failures from one address across all accounts within SIGN_IN_WINDOW_MS (credential stuffing). */
export const MAX_FAILURES_PER_IP = 20;
/** The account's own count, from every address, looks back this far. */
export const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;
/** Failures on an account before attempts on it from unfamiliar addresses start to wait. */
export const ACCOUNT_FREE_FAILURES = 5;
/** The longest an attempt waits: 1, 2, 4, 8, 16, then 30 seconds after the previous failure. */
export const MAX_ACCOUNT_DELAY_S = 30;
/** An address counts as the owner's for this long after a sign-in from it. */
export const KNOWN_IP_MS = 90 * 24 * 3600_000;
export const NOTICE_EVERY_MS = 24 * 3600_000;

type Deps = Pick<AppDeps, 'repos' | 'now' | 'mailer' | 'config' | 'logger'>;

export interface Attempt {
  id: number | null;
  email: string | null;
  ip: string | null;
}

/** `limited`: this address is refused for minutes. `slowed`: the account asks for a few seconds' pause. */
export interface Refusal {
  kind: 'limited' | 'slowed';
  retryAt: Date;
}

/**
 * Counts the attempt as a failure first, then decides: parallel attempts each see the others, so a burst
 * cannot slip past the limits while the (slow) password hashes are checked. A refused attempt is taken back —
 * it checked no secret — so hammering a refused address does not prolong anyone else's wait.
 */
export async function beginAttempt(
  deps: Deps,
  rawEmail: string | null,
  ip: string | null,
): Promise<{ attempt: Attempt } | { refusal: Refusal }> {
  const email = rawEmail ? normalizeEmail(rawEmail) : null;
  if (!email && !ip) return { attempt: { id: null, email, ip } };
  const now = deps.now();
  const pruneBefore = new Date(now.getTime() - 2 * ACCOUNT_WINDOW_MS);
  const id = await deps.repos.auth.recordFailure(email, ip, now, pruneBefore);
  const refusal = await refusalFor(deps, { id, email, ip }, now);
  if (!refusal) return { attempt: { id, email, ip } };
  await deps.repos.auth.forgetFailure(id);
  return { refusal };
}

async function refusalFor(deps: Deps, a: Attempt & { id: number }, now: Date): Promise<Refusal | null> {
  const repo = deps.repos.auth;
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const known =
    a.email && a.ip ? await repo.isKnownIp(a.email, a.ip, new Date(now.getTime() - KNOWN_IP_MS)) : false;
  // The current attempt is already recorded: a limit is reached when it is the (MAX + 1)th.
  const [pair, byIp, account] = await Promise.all([
    a.email
      ? repo.nthRecentFailure({ email: a.email, ip: a.ip }, since, MAX_FAILURES_PER_ACCOUNT_AND_IP + 1)
      : null,
    // An address the owner signs in from (a shared library network, say) keeps working for that account.
    a.ip && !known ? repo.nthRecentFailure({ ip: a.ip }, since, MAX_FAILURES_PER_IP + 1) : null,
    a.email && !known
      ? repo.accountFailures(a.email, new Date(now.getTime() - ACCOUNT_WINDOW_MS), a.id)
      : null,
  ]);
  const spent = [pair, byIp].filter((d): d is Date => d !== null);
  if (spent.length) {
    const latest = Math.max(...spent.map((d) => d.getTime()));
    return { kind: 'limited', retryAt: new Date(latest + SIGN_IN_WINDOW_MS) };
  }
  if (account?.latest && account.count >= ACCOUNT_FREE_FAILURES) {
    const delay = Math.min(2 ** (account.count - ACCOUNT_FREE_FAILURES), MAX_ACCOUNT_DELAY_S) * 1000;
    const retryAt = new Date(account.latest.getTime() + delay);
    if (retryAt > now) return { kind: 'slowed', retryAt };
  }
  return null;
}

/** The secret was right: the attempt is taken back, and after a full sign-in the address becomes familiar. */
export async function attemptSucceeded(deps: Deps, a: Attempt, opts: { signedIn: boolean }): Promise<void> {
  if (a.id !== null) await deps.repos.auth.forgetFailure(a.id);
  if (opts.signedIn && a.email && a.ip) await deps.repos.auth.rememberKnownIp(a.email, a.ip, deps.now());
}

/** The secret was wrong: the failure stays counted; once the account is being slowed, its owner hears of it. */
export async function attemptFailed(deps: Deps, a: Attempt): Promise<void> {
  if (!a.email) return;
  const now = deps.now();
  const { count } = await deps.repos.auth.accountFailures(
    a.email,
    new Date(now.getTime() - ACCOUNT_WINDOW_MS),
    -1,
  );
  if (count < ACCOUNT_FREE_FAILURES) return;
  const user = await deps.repos.auth.findUserByEmail(a.email);
  if (!user) return;
  const due = await deps.repos.auth.claimFailureNotice(
    a.email,
    now,
    new Date(now.getTime() - NOTICE_EVERY_MS),
  );
  if (!due) return;
  try {
    const mail = composeFailureNotice(deps.config.publicUrl, count, ACCOUNT_WINDOW_MS / 60_000);
    await deps.mailer.send({ to: user.email, ...mail, purpose: 'sign-in-failures' });
  } catch (err) {
    // The answer to the failed attempt must not change because the mail server is down.
    deps.logger.error({ err }, 'failed-sign-in notice could not be sent');
  }
}

export const RESET_WINDOW_MS = 60 * 60 * 1000;
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_IP = 10;

/**
 * Password-reset mail: at most 3 an hour per address and 10 an hour per client IP, so the form cannot be
 * used to flood someone's mailbox. Every request is counted, whether or not the account exists.
 */
export async function allowResetMail(
  deps: Pick<AppDeps, 'repos' | 'now'>,
  email: string,
  ip: string | null,
): Promise<boolean> {
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
