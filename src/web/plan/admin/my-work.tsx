// Back office: "My work" — what needs me now first (assigned to me, awaiting my approval, due this month), then
// the rest of my units' parts of the plan, paged. A table on wide screens, cards on a phone; overdue flagged.
import type { MessageKey } from '../../../lib/i18n.ts';
import { workItemsFor } from '../../admin/dashboard.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { RegisterWork } from '../components/RegisterWork.tsx';
import { WorkTable } from '../components/WorkTable.tsx';
import { myWorkRows } from '../my-work.server.ts';
import { groupMyWork } from '../my-work-groups.ts';
import type { Route } from './+types/my-work.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [{ today, rows }, registers] = await Promise.all([
      myWorkRows(deps, actor),
      workItemsFor(deps, actor),
    ]);
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
    return { total: rows.length, registers, ...groupMyWork(rows, today, page) };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PlanMyWorkPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { assigned, approval, thisMonth, rest, total } = loaderData;
  const groups: Array<{ id: string; title: MessageKey; empty: MessageKey; rows: typeof assigned }> = [
    { id: 'assigned', title: 'portal.myWork.assigned', empty: 'portal.myWork.assignedEmpty', rows: assigned },
    { id: 'approval', title: 'portal.myWork.approval', empty: 'portal.myWork.approvalEmpty', rows: approval },
    { id: 'month', title: 'portal.myWork.thisMonth', empty: 'portal.myWork.thisMonthEmpty', rows: thisMonth },
  ];
  const pageLink = (p: number) => `${href('/admin/plan/my-work')}?page=${p}#work-rest`;
  return (
    <>
      <title>{`${t('planwork.myWork.title')} — Suốt Đời`}</title>
      <h1>{t('planwork.myWork.title')}</h1>
      {total === 0 && loaderData.registers.length === 0 ? <p>{t('planwork.myWork.empty')}</p> : null}
      <ul className="stat-row" aria-label={t('portal.myWork.summary')}>
        {groups.map((g) => (
          <li key={g.id}>
            <a href={`#work-${g.id}`}>
              <strong>{g.rows.length}</strong> {t(g.title)}
            </a>
          </li>
        ))}
      </ul>
      <RegisterWork items={loaderData.registers} />
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`work-${g.id}`} className="work-group">
          <h2 id={`work-${g.id}`}>
            {t(g.title)} ({g.rows.length})
          </h2>
          {g.rows.length ? (
            <WorkTable rows={g.rows} caption={t(g.title)} />
          ) : (
            <p className="muted">{t(g.empty)}</p>
          )}
        </section>
      ))}
      {rest.total ? (
        <section aria-labelledby="work-rest" className="work-group">
          <h2 id="work-rest">
            {t('portal.myWork.rest')} ({rest.total})
          </h2>
          <p className="muted">{t('portal.myWork.restHint')}</p>
          <WorkTable rows={rest.items} caption={t('portal.myWork.rest')} />
          {rest.pages > 1 ? (
            <nav aria-label={t('portal.myWork.pages')} className="pagination">
              {rest.page > 1 ? <a href={pageLink(rest.page - 1)}>{t('access.users.prev')}</a> : null}
              <span>{t('access.users.pageOf', { page: rest.page, pages: rest.pages })}</span>
              {rest.page < rest.pages ? <a href={pageLink(rest.page + 1)}>{t('access.users.next')}</a> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
