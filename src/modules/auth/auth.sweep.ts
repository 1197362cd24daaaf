// Daily housekeeping: expired sessions and reset/invitation tokens are deleted rather than kept forever
// (data minimisation), and sign-in/reset counters older than a day (the longest limit window) go too.
import type { JobHandler } from '../jobs/jobs.types.ts';

export const sweepExpiredAuth: JobHandler = async (deps) => {
  const now = deps.now();
  const counts = await deps.repos.auth.sweepExpired(now, new Date(now.getTime() - 24 * 3600_000));
  if (counts.sessions || counts.tokens) deps.logger.info(counts, 'expired sessions and tokens deleted');
};
