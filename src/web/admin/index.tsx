// The back-office dashboard: what each person needs on sign-in, each part shown only to whoever may see it.
// A grid of panels; the indicators module's charts take their own panels in the same grid later.
import { formatDateTime, formatIsoDay } from '../../lib/dates.ts';
import { requestContext } from '../context.ts';
import { useHref, useT } from '../i18n.ts';
import { WorkTable } from '../plan/components/WorkTable.tsx';
import { rethrowForPage } from '../ui/page-errors.ts';
import type { Route } from './+types/index.ts';
import { dashboardFor } from './dashboard.server.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return { name: actor.kind === 'user' ? actor.name : '', ...(await dashboardFor(deps, actor)) };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function AdminHome({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('admin.dashboard')} — Suốt Đời`}</title>
      <h1>{t('admin.dashboard')}</h1>
      <p className="muted">{t('portal.dash.hello', { name: d.name })}</p>
      <div className="dashboard-grid">
        {d.counts ? (
          <section className="panel panel-wide" aria-labelledby="dash-work">
            <h2 id="dash-work">{t('planwork.myWork.title')}</h2>
            <ul className="stat-row">
              <li>
                <a href={`${href('/admin/plan/my-work')}#work-assigned`}>
                  <strong>{d.counts.assigned}</strong> {t('portal.myWork.assigned')}
                </a>
              </li>
              <li>
                <a href={`${href('/admin/plan/my-work')}#work-approval`}>
                  <strong>{d.counts.approval}</strong> {t('portal.myWork.approval')}
                </a>
              </li>
              <li>
                <a href={`${href('/admin/plan/my-work')}#work-month`}>
                  <strong>{d.counts.thisMonth}</strong> {t('portal.myWork.thisMonth')}
                </a>
              </li>
              <li>
                <a href={href('/admin/plan/my-work')}>
                  <strong>{d.counts.overdue}</strong> {t('planwork.myWork.overdue')}
                </a>
              </li>
            </ul>
            {d.next.length ? (
              <>
                <h3 className="small-heading">{t('portal.dash.nextDeadlines')}</h3>
                <WorkTable rows={d.next} caption={t('portal.dash.nextDeadlines')} />
              </>
            ) : (
              <p>{t('portal.dash.nothingNow')}</p>
            )}
          </section>
        ) : null}
        {d.registers.length ? (
          <section className="panel" aria-labelledby="dash-registers">
            <h2 id="dash-registers">{t('inspections.work.heading')}</h2>
            <ul className="plain-list dash-list">
              {d.registers.slice(0, 10).map((w) => (
                <li key={w.key}>
                  <a href={href(w.href)}>{t(w.label, w.params)}</a>
                  {w.dueDate ? (
                    <span className={w.overdue ? 'tag tag-danger' : 'muted'}>
                      {t('inspections.work.due', { date: formatIsoDay(w.dueDate) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {d.unit ? (
          <section className="panel" aria-labelledby="dash-unit">
            <h2 id="dash-unit">{t('portal.dash.unitProgress', { year: d.year })}</h2>
            <p>
              <a href={href(`/admin/plan/units/${d.unit.unitId}`)}>{d.unit.unitName}</a>
            </p>
            <p className="progress-label" id="dash-unit-approved">
              {t('portal.dash.approvedOf', { approved: d.unit.approved, total: d.unit.total })}
            </p>
            <progress
              className="progress"
              value={d.unit.approved}
              max={Math.max(1, d.unit.total)}
              aria-labelledby="dash-unit-approved"
            />
            <dl className="facts">
              <dt>{t('planwork.state.submitted')}</dt>
              <dd>{d.unit.submitted}</dd>
              <dt>{t('planwork.status.in_progress')}</dt>
              <dd>{d.unit.inProgress}</dd>
              <dt>{t('planwork.status.not_started')}</dt>
              <dd>{d.unit.notStarted}</dd>
              <dt>{t('planwork.myWork.overdue')}</dt>
              <dd>{d.unit.overdue}</dd>
            </dl>
          </section>
        ) : null}
        {d.behind ? (
          <section className="panel" aria-labelledby="dash-behind">
            <h2 id="dash-behind">{t('portal.dash.behind', { year: d.year })}</h2>
            {d.behind.length ? (
              <ol className="rank-list">
                {d.behind.slice(0, 8).map((u) => (
                  <li key={u.unitId}>
                    <a href={href(`/admin/plan/units/${u.unitId}`)}>{u.unitName}</a>{' '}
                    <span className="tag tag-danger">
                      {t('portal.dash.overdueCount', { count: u.overdue })}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t('portal.dash.noneBehind')}</p>
            )}
          </section>
        ) : null}
        {d.events ? (
          <section className="panel" aria-labelledby="dash-events">
            <h2 id="dash-events">{t('portal.dash.eventsWeek')}</h2>
            {d.events.length ? (
              <ul className="plain-list dash-list">
                {d.events.slice(0, 8).map((e) => (
                  <li key={`${e.eventId}-${new Date(e.startsAt).toISOString()}`}>
                    <a href={href(`/admin/events/${e.eventId}`)}>{e.title}</a>
                    <span className="muted">
                      {formatDateTime(e.startsAt)}
                      {e.place ? ` · ${e.place}` : ''}
                    </span>
                    <span>
                      {e.capacity === null
                        ? t('portal.dash.registered', { count: e.confirmed })
                        : t('portal.dash.registeredOf', { count: e.confirmed, capacity: e.capacity })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('portal.dash.noEvents')}</p>
            )}
            <p>
              <a href={href('/admin/events')}>{t('events.nav')}</a>
            </p>
          </section>
        ) : null}
        {d.jobs ? (
          <section className="panel" aria-labelledby="dash-jobs">
            <h2 id="dash-jobs">{t('portal.dash.jobs')}</h2>
            {d.jobs.failed || d.jobs.queued ? (
              <>
                <p>{t('portal.dash.jobsStatus', { failed: d.jobs.failed, queued: d.jobs.queued })}</p>
                <ul className="plain-list dash-list">
                  {d.jobs.recentFailed.map((j) => (
                    <li key={j.id}>
                      <strong>{t(j.kindLabel, { kind: j.kind })}</strong>
                      <span className="muted">{formatDateTime(j.at)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('portal.dash.jobsOk')}</p>
            )}
            <p>
              <a href={href('/admin/jobs')}>{t('jobs.nav')}</a>
            </p>
          </section>
        ) : null}
      </div>
      <p className="muted">{t('portal.dash.today', { date: formatIsoDay(d.today) })}</p>
    </>
  );
}
