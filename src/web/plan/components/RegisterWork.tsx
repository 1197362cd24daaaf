// "My work": what the registers (inspections, commendations …) ask the signed-in person to act on, from the
// modules' `workItems` contributions (the same list the dashboard shows), overdue first.
import type { WorkItem } from '../../../app/module.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { useHref, useT } from '../../i18n.ts';

export function RegisterWork({ items }: { items: readonly WorkItem[] }) {
  const t = useT();
  const href = useHref();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="work-registers" className="work-group">
      <h2 id="work-registers">
        {t('planwork.myWork.registers')} ({items.length})
      </h2>
      <p className="muted">{t('planwork.myWork.registersHint')}</p>
      <ul className="plain-list dash-list">
        {items.map((w) => (
          <li key={w.key}>
            <a href={href(w.href)}>{t(w.label, w.params)}</a>{' '}
            {w.dueDate ? (
              <span className={w.overdue ? 'tag tag-danger' : 'muted'}>
                {t('inspections.work.due', { date: formatIsoDay(w.dueDate) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
