// Back office: "My work" — unit parts assigned to me or my units (and, for the focal point, reports awaiting
// review), grouped by due date, overdue first. Read-only; each row links to the instance page.
import { formatIsoDay } from '../../../lib/dates.ts';
import { listMyWork } from '../../../modules/plan/work/my-work.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/my-work.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { groups } = await listMyWork(deps, actor);
    return {
      groups: groups.map((g) => ({
        key: g.key,
        label: g.key === 'overdue' || g.key === 'none' ? null : formatIsoDay(g.key),
        items: g.items.map((i) => ({
          key: `${i.instanceId}-${i.unitId}`,
          instanceId: i.instanceId,
          unitId: i.unitId,
          task: `${i.section}.${i.number}`,
          phase: i.phase,
          year: i.year,
          content: i.content,
          unitName: i.unitName,
          due: i.dueDate ? formatIsoDay(i.dueDate) : null,
          state: i.state,
          status: i.status,
          percent: i.percent,
          mine: i.assignedToMe,
          assigneeName: i.assigneeName,
        })),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PlanMyWorkPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const total = loaderData.groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <title>{`${t('planwork.myWork.title')} — Suốt Đời`}</title>
      <h1>{t('planwork.myWork.title')}</h1>
      <p className="muted">{t('planwork.myWork.intro')}</p>
      {total === 0 ? <p>{t('planwork.myWork.empty')}</p> : null}
      {loaderData.groups.map((g) => {
        const heading =
          g.key === 'overdue'
            ? t('planwork.myWork.overdue')
            : g.label
              ? t('planwork.myWork.dueOn', { date: g.label })
              : t('planwork.myWork.noDue');
        return (
          <section key={g.key} aria-labelledby={`group-${g.key}`}>
            <h2 id={`group-${g.key}`}>
              {heading} ({g.items.length})
            </h2>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{heading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('planwork.col.task')}</th>
                    <th scope="col">{t('plan.col.year')}</th>
                    <th scope="col">{t('planwork.col.unit')}</th>
                    <th scope="col">{t('plan.col.dueDate')}</th>
                    <th scope="col">{t('planwork.col.state')}</th>
                    <th scope="col">{t('planwork.col.status')}</th>
                    <th scope="col">{t('planwork.col.assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((i) => (
                    <tr key={i.key}>
                      <th scope="row" className="cell-text">
                        <a href={href(`/admin/plan/instances/${i.instanceId}#part-${i.unitId}`)}>
                          {i.task} — {i.content}
                        </a>
                      </th>
                      <td>{i.year}</td>
                      <td>{i.unitName}</td>
                      <td>{i.due ?? '—'}</td>
                      <td>{t(`planwork.state.${i.state as 'draft'}`)}</td>
                      <td>
                        {t(`planwork.status.${i.status as 'not_started'}`)} ({i.percent}%)
                      </td>
                      <td>
                        {i.mine ? t('planwork.myWork.me') : (i.assigneeName ?? t('planwork.unassigned'))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
