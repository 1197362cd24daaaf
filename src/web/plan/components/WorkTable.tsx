// A list of plan work items: a table on wide screens, a stack of cards under 600 px (`.stack-table`: each cell
// shows its column name). Used by "My work" and the back-office dashboard.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useHref, useT } from '../../i18n.ts';

export interface WorkRowView {
  key: string;
  instanceId: string;
  unitId: string;
  task: string;
  content: string;
  year: number;
  unitName: string;
  due: string | null;
  overdue: boolean;
  state: string;
  status: string;
  percent: number;
  mine: boolean;
  assigneeName: string | null;
}

export function WorkTable({ rows, caption }: { rows: readonly WorkRowView[]; caption: string }) {
  const t = useT();
  const href = useHref();
  const col = {
    year: t('plan.col.year'),
    unit: t('planwork.col.unit'),
    due: t('plan.col.dueDate'),
    state: t('planwork.col.state'),
    status: t('planwork.col.status'),
    assignee: t('planwork.col.assignee'),
  };
  return (
    <table className="stack-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('planwork.col.task')}</th>
          <th scope="col">{col.year}</th>
          <th scope="col">{col.unit}</th>
          <th scope="col">{col.due}</th>
          <th scope="col">{col.state}</th>
          <th scope="col">{col.status}</th>
          <th scope="col">{col.assignee}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr key={i.key} className={i.overdue ? 'is-overdue' : undefined}>
            <th scope="row" className="cell-text stack-title">
              <a href={href(`/admin/plan/instances/${i.instanceId}#part-${i.unitId}`)}>
                {i.task} — {i.content}
              </a>
            </th>
            <td data-label={col.year}>{i.year}</td>
            <td data-label={col.unit}>{i.unitName}</td>
            <td data-label={col.due}>
              {i.due ?? '—'}
              {i.overdue ? <span className="tag tag-danger">{t('planwork.myWork.overdue')}</span> : null}
            </td>
            <td data-label={col.state}>{t(`planwork.state.${i.state}` as MessageKey)}</td>
            <td data-label={col.status}>
              {t(`planwork.status.${i.status}` as MessageKey)} ({i.percent}%)
            </td>
            <td data-label={col.assignee}>
              {i.mine ? t('planwork.myWork.me') : (i.assigneeName ?? t('planwork.unassigned'))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
