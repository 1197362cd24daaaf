// "Quá hạn" as a red tag (text, not colour alone), wherever a plan instance appears past its due date and
// neither done nor given up: task list, task page, instance page, unit overview, My work, dashboard.
import { timelineStatus } from '../../../modules/plan/timeline/timeline.ts';
import { useT } from '../../i18n.ts';

/** Server side: is the instance overdue on `today` (YYYY-MM-DD, Vietnam)? */
export const instanceOverdue = (i: { status: string; dueDate: string | null }, today: string): boolean =>
  timelineStatus(i.status, i.dueDate, today) === 'overdue';

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const t = useT();
  if (!overdue) return null;
  return (
    <>
      {' '}
      <span className="tag tag-danger">{t('planwork.myWork.overdue')}</span>
    </>
  );
}
