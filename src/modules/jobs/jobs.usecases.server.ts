import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { authorizeOnRoot } from '../access/access.scope.ts';
import { unitTree } from '../access/access.unit-tree.ts';
import type { Job } from './jobs.repository.server.ts';

/** The latest jobs, newest first, for administrators watching the queue. */
export async function listRecentJobs(deps: AppDeps, actor: Actor, limit = 200): Promise<Job[]> {
  authorizeOnRoot(actor, 'jobs.read', await unitTree(deps));
  return deps.repos.jobs.recent(deps.db, limit);
}
