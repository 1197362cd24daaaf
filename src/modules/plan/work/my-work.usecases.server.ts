// "My work": the unit parts assigned to me or to my units, and for the focal point the reports awaiting
// review, not yet approved, up to this year; grouped by due date with the overdue ones first.
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { isoDateInVietnam, yearInVietnam } from '../../../lib/dates.ts';
import type { WorkItem } from './work-queries.repository.server.ts';

export interface WorkGroup {
  /** 'overdue', or the due day 'YYYY-MM-DD', or 'none'. */
  key: string;
  items: WorkItem[];
}

export async function listMyWork(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  actor: Actor,
): Promise<{ today: string; groups: WorkGroup[] }> {
  authorize(actor, 'plan.task.read');
  if (actor.kind !== 'user') return { today: '', groups: [] };
  const now = deps.now();
  const today = isoDateInVietnam(now);
  const items = await deps.repos.planWorkQueries.myWork(deps.db, {
    userId: actor.userId,
    unitRoots: scopeRoots(actor, 'plan.report.update'),
    reviewer: can(actor, 'plan.report.review'),
    maxYear: yearInVietnam(now),
  });
  const groups: WorkGroup[] = [];
  const overdue = items.filter((i) => i.dueDate !== null && i.dueDate < today && i.state !== 'submitted');
  if (overdue.length) groups.push({ key: 'overdue', items: overdue });
  for (const item of items) {
    if (overdue.includes(item)) continue;
    const key = item.dueDate ?? 'none';
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return { today, groups };
}
