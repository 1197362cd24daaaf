// The loader half of "My work" and the dashboard: the person's work items as rows, with who acts next.
import type { AppDeps } from '../../app/deps.types.ts';
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { listMyWork } from '../../modules/plan/work/my-work.usecases.server.ts';
import type { WorkRowView } from './components/WorkTable.tsx';
import { isOverdue, type MyWorkRow } from './my-work-groups.ts';

export type MyWorkItem = WorkRowView & MyWorkRow;

export async function myWorkRows(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now'>,
  actor: Actor,
): Promise<{ today: string; rows: MyWorkItem[] }> {
  const { groups } = await listMyWork(deps, actor);
  const today = isoDateInVietnam(deps.now());
  const rows = groups.flatMap((g) =>
    g.items.map((i) => {
      // The unit's manager sends a ready report to the department; the focal point reviews a submitted one.
      const awaitingMe =
        (i.state === 'ready' && can(actor, 'plan.report.submit', { unitId: i.unitId })) ||
        (i.state === 'submitted' && can(actor, 'plan.report.review'));
      return {
        key: `${i.instanceId}-${i.unitId}`,
        instanceId: i.instanceId,
        unitId: i.unitId,
        task: `${i.section}.${i.number}`,
        content: i.content,
        year: i.year,
        unitName: i.unitName,
        due: i.dueDate ? formatIsoDay(i.dueDate) : null,
        dueDate: i.dueDate,
        overdue: isOverdue({ dueDate: i.dueDate, state: i.state }, today),
        state: i.state,
        status: i.status,
        percent: i.percent,
        mine: i.assignedToMe,
        awaitingMe,
        assigneeName: i.assigneeName,
      };
    }),
  );
  return { today, rows };
}
