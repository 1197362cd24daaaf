// Housekeeping: finished jobs are kept 90 days (long enough for every dedupe window), then deleted; idempotency
// keys (form tokens, API Idempotency-Key) are kept for their one-day lifetime.
import { KEY_LIFETIME_MS } from '../idempotency/idempotency.usecases.server.ts';
import type { JobHandler } from './jobs.types.ts';

export const KEEP_FINISHED_DAYS = 90;

export const pruneJobs: JobHandler = async (deps) => {
  const before = new Date(deps.now().getTime() - KEEP_FINISHED_DAYS * 86_400_000);
  const n = await deps.repos.jobs.prune(deps.db, before);
  if (n > 0) deps.logger.info({ deleted: n }, 'old jobs pruned');
  const keys = await deps.repos.idempotency.prune(deps.db, new Date(deps.now().getTime() - KEY_LIFETIME_MS));
  if (keys > 0) deps.logger.info({ deleted: keys }, 'expired idempotency keys pruned');
};
