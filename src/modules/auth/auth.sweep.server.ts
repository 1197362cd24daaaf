// Daily housekeeping: expired sessions and reset/invitation tokens are deleted rather than kept forever
// (data minimisation), and sign-in/reset counters older than a day (the longest limit window) go too, as do
// addresses an account has not signed in from for the time they count as familiar.
import type { JobHandler } from '../jobs/jobs.types.ts';
import { KNOWN_IP_MS } from './auth.rate-limit.server.ts';

export const sweepExpiredAuth: JobHandler = async (deps) => {
  const now = deps.now();
  const counts = await deps.repos.auth.sweepExpired(
    now,
    new Date(now.getTime() - 24 * 3600_000),
    new Date(now.getTime() - KNOWN_IP_MS),
  );
  if (counts.sessions || counts.tokens) deps.logger.info(counts, 'expired sessions and tokens deleted');
};
