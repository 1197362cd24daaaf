// Reminders before a data-subject request's legal deadlines (issue 14): on the back-office dashboard of whoever
// answers requests, every open request whose reply or completion deadline falls within the next
// REMIND_WORKING_DAYS working days (public holidays as data) or has passed.
import type { AppDeps } from '../../app/deps.types.ts';
import type { WorkItem } from '../../app/module.ts';
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { addWorkingDays } from './privacy.workdays.ts';

export const REMIND_WORKING_DAYS = 2;

export async function requestDeadlineItems(deps: AppDeps, actor: Actor): Promise<WorkItem[]> {
  if (!can(actor, 'privacy.request.handle', {})) return [];
  const today = isoDateInVietnam(deps.now());
  const holidays = await deps.repos.privacy.holidays(
    deps.db,
    today,
    `${Number(today.slice(0, 4)) + 1}-12-31`,
  );
  const soon = addWorkingDays(today, REMIND_WORKING_DAYS, holidays);
  const open = await deps.repos.privacy.open(deps.db);
  return open.flatMap((r) => {
    // Before the reply is due, that is the deadline to watch; after it, the completion.
    const replyPending = r.replyDue >= today && r.replyDue <= soon;
    const due = replyPending ? r.replyDue : r.completeDue;
    if (due > soon) return [];
    return [
      {
        key: `privacy:${r.id}`,
        label: replyPending ? 'privacy.work.replyDue' : 'privacy.work.completeDue',
        params: { ref: r.id },
        href: '/admin/privacy',
        dueDate: due,
        overdue: due < today,
      },
    ];
  });
}
