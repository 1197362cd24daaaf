// Back office: one unit's year in the plan — every instance of the tasks it leads or coordinates, its own
// report's progress and workflow state, and its budget. Unit staff open only units in their subtrees.
import { data, redirect } from 'react-router';
import { formatIsoDay, isoDateInVietnam, yearInVietnam } from '../../../lib/dates.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { formatVnd } from '../../../lib/money.ts';
import { PROGRAM_YEAR_LIST, PROGRAM_YEARS } from '../../../modules/plan/plan.model.ts';
import {
  defaultOverviewUnit,
  getUnitOverview,
} from '../../../modules/plan/timeline/overview.usecases.server.ts';
import { timelineStatus } from '../../../modules/plan/timeline/timeline.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { statusKey } from '../components/PlanTimelineChart.tsx';
import { phaseLabel } from '../components/task-view.ts';
import type { Route } from './+types/unit-overview.ts';

const REPORT_STATES = ['draft', 'ready', 'submitted', 'approved', 'returned'] as const;
const REPORT_STATUSES = ['not_started', 'in_progress', 'done', 'not_done'] as const;

const stateKey = (s: string | null): MessageKey | null =>
  s && (REPORT_STATES as readonly string[]).includes(s)
    ? (`planTimeline.reportState.${s}` as MessageKey)
    : null;
const reportStatusKey = (s: string | null): MessageKey | null =>
  s && (REPORT_STATUSES as readonly string[]).includes(s)
    ? (`planTimeline.reportStatus.${s}` as MessageKey)
    : null;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  if (!params.unitId) {
    // /admin/plan/units: the reader's own unit (the first of their grants that is in the plan).
    const unitId = await defaultOverviewUnit(deps, actor).catch(rethrowForPage);
    if (!unitId) throw data(null, { status: 404 });
    throw redirect(localePath(locale, `/admin/plan/units/${unitId}`));
  }
  const rawYear = new URL(request.url).searchParams.get('year');
  const current = Math.min(PROGRAM_YEARS.to, Math.max(PROGRAM_YEARS.from, yearInVietnam(deps.now())));
  const year = rawYear === null || rawYear === '' ? current : Number(rawYear);
  if (!Number.isInteger(year) || year < PROGRAM_YEARS.from || year > PROGRAM_YEARS.to)
    throw data(null, { status: 404 });
  try {
    const d = await getUnitOverview(deps, actor, params.unitId, year);
    const today = isoDateInVietnam(deps.now());
    return {
      year,
      unit: d.unit,
      units: d.units,
      instances: d.instances.map((i) => ({
        id: i.instanceId,
        taskId: i.taskId,
        task: `${i.section}.${i.number}`,
        phase: phaseLabel(i.phase),
        content: i.content,
        product: i.product,
        role: i.role,
        dueDate: i.dueDate ? formatIsoDay(i.dueDate) : null,
        status: timelineStatus(i.status, i.dueDate, today),
        reportStatus: i.reportStatus,
        reportState: i.reportState,
        percent: i.percent,
        estimated: formatVnd(i.estimated),
        approved: formatVnd(i.approved),
        spent: formatVnd(i.spent),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PlanUnitOverviewPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const title = t('planTimeline.overview.title', { unit: d.unit.name, year: d.year });
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/plan/tasks')}>{t('plan.task.back')}</a>
      </p>
      <h1>{title}</h1>
      <form method="get" className="filters">
        <SelectField
          id="overview-year"
          label={t('plan.filter.year')}
          name="year"
          defaultValue={String(d.year)}
        >
          {PROGRAM_YEAR_LIST.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('planTimeline.overview.show')}</button>
      </form>
      <ScrollRegion className="table-wrap wide-scroll">
        <table>
          <caption>{t('planTimeline.overview.caption', { count: d.instances.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planTimeline.col.task')}</th>
              <th scope="col">{t('planTimeline.overview.role')}</th>
              <th scope="col">{t('plan.col.dueDate')}</th>
              <th scope="col">{t('planTimeline.overview.instanceStatus')}</th>
              <th scope="col">{t('planTimeline.overview.unitReport')}</th>
              <th scope="col" className="num">
                {t('planBudget.col.amount')}
              </th>
              <th scope="col" className="num">
                {t('planBudget.col.approved')}
              </th>
              <th scope="col" className="num">
                {t('planBudget.col.spent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.instances.map((i) => {
              const state = stateKey(i.reportState);
              const status = reportStatusKey(i.reportStatus);
              return (
                <tr key={i.id}>
                  <th scope="row" className="cell-text">
                    <a href={href(`/admin/plan/tasks/${i.taskId}`)}>
                      {t('planTimeline.overview.taskRef', { task: i.task, phase: i.phase })}
                    </a>
                    <span className="tl-task-content">{i.content}</span>
                  </th>
                  <td>
                    {t(
                      i.role === 'lead' ? 'planTimeline.overview.lead' : 'planTimeline.overview.coordinating',
                    )}
                  </td>
                  <td>{i.dueDate ?? t('plan.task.noDueDate')}</td>
                  <td>
                    {i.status === 'overdue' ? (
                      <span className="tag tag-danger">{t(statusKey(i.status))}</span>
                    ) : (
                      t(statusKey(i.status))
                    )}
                  </td>
                  <td>
                    {status ? t(status) : t('planTimeline.overview.noReport')}
                    {i.percent !== null && i.reportStatus ? ` · ${i.percent}%` : ''}
                    {state ? ` · ${t(state)}` : ''}
                  </td>
                  <td className="num">
                    <a href={href(`/admin/plan/budget/instances/${i.id}`)}>
                      {i.estimated}
                      <span className="visually-hidden">
                        {' '}
                        {t('planTimeline.overview.budgetLink', { task: i.task })}
                      </span>
                    </a>
                  </td>
                  <td className="num">{i.approved}</td>
                  <td className="num">{i.spent}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {d.instances.length === 0 ? <p>{t('planTimeline.overview.empty')}</p> : null}
      {d.units.length > 1 ? (
        <nav aria-labelledby="overview-units">
          <h2 id="overview-units">{t('planTimeline.overview.otherUnits')}</h2>
          <ul>
            {d.units.map((u) => (
              <li key={u.id}>
                {u.id === d.unit.id ? (
                  <span aria-current="page">{u.name}</span>
                ) : (
                  <a href={href(`/admin/plan/units/${u.id}?year=${d.year}`)}>{u.name}</a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
