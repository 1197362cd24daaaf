import { can } from '../../../app/policies.server.ts';
import { isoDateInVietnam } from '../../../lib/dates.ts';
import { PlanTaskPageQuerySchema } from '../../../modules/plan/plan.schemas.server.ts';
import { listPlanTaskPage } from '../../../modules/plan/work/task-page.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { instanceOverdue } from '../components/OverdueTag.tsx';
import {
  PlanPhaseSelect,
  PlanSectionSelect,
  PlanUnitSelect,
  PlanYearSelect,
} from '../components/PlanFilterSelects.tsx';
import { phaseLabel, planTaskRow, planTimeLabel } from '../components/task-view.ts';
import type { Route } from './+types/tasks.ts';

const FILTER_KEYS = ['phase', 'section', 'unit', 'year', 'q', 'status', 'overdue'] as const;
const STATUSES = ['not_started', 'in_progress', 'done', 'not_done'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Kept per process for the same user, path and query until one of these tables changes (ADR 0013, "Signed-in
 * page cache"; migration 0204 announces their writes). The list reads tasks, their units and instances, and
 * the unit directory (names, the scope tree); the layouts read only the actor and settings.
 */
export const handle = {
  pageCache: { tables: ['plan_tasks', 'plan_task_units', 'plan_task_instances', 'units'] },
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const pageParam = url.searchParams.get('page')?.trim();
  const parsed = PlanTaskPageQuerySchema.safeParse(pageParam ? { ...raw, page: pageParam } : raw);
  try {
    // One statement: the page's tasks, the count of all matches and the unit filter's options.
    const { page: pageNumber, ...filters } = parsed.success ? parsed.data : {};
    const list = await listPlanTaskPage(deps, actor, filters, { page: pageNumber, withUnits: true });
    const query = new URLSearchParams(raw).toString();
    const today = isoDateInVietnam(deps.now());
    return queryAnswer(
      {
        invalid: !parsed.success,
        filters: raw,
        query: parsed.success ? query : '',
        canManage: can(actor, 'plan.task.manage'),
        units: list.units ?? [],
        total: list.total,
        page: list.page,
        pages: list.pages,
        firstNumber: (list.page - 1) * list.pageSize + 1,
        tasks: list.tasks.map((task) => ({
          ...planTaskRow(task),
          overdueYears: task.instances.filter((i) => instanceOverdue(i, today)).map((i) => i.year),
        })),
      },
      parsed.error,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

/** Numbered page links (no JavaScript needed); each says in words which page it opens. */
function Pagination({ page, pages, link }: { page: number; pages: number; link: (p: number) => string }) {
  const t = useT();
  if (pages <= 1) return null;
  const numbers = Array.from({ length: pages }, (_, i) => i + 1);
  return (
    <nav aria-label={t('plan.tasks.pagination')} className="pagination">
      {page > 1 ? <a href={link(page - 1)}>{t('plan.tasks.prev')}</a> : null}
      <ul className="inline-list">
        {numbers.map((n) => (
          <li key={n}>
            <a
              href={link(n)}
              aria-current={n === page ? 'page' : undefined}
              aria-label={t('plan.tasks.pageLabel', { page: n, pages })}
            >
              {n === page ? <strong>{n}</strong> : n}
            </a>
          </li>
        ))}
      </ul>
      {page < pages ? <a href={link(page + 1)}>{t('plan.tasks.next')}</a> : null}
    </nav>
  );
}

function CellList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <ul className="cell-list">
      {items.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
}

export default function PlanTasksPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const f = loaderData.filters;
  const pageLink = (p: number) => {
    const q = new URLSearchParams(loaderData.query);
    if (p > 1) q.set('page', String(p));
    const qs = q.toString();
    return `${href('/admin/plan/tasks')}${qs ? `?${qs}` : ''}`;
  };
  const shown = loaderData.tasks.length;
  return (
    <>
      <title>{`${t('plan.tasks.title')} — Suốt Đời`}</title>
      <h1>{t('plan.tasks.title')}</h1>
      <p className="muted">{t('plan.tasks.intro')}</p>
      {loaderData.invalid ? (
        <FilterProblems summary="plan.tasks.invalidFilters" problems={loaderData.problems} />
      ) : null}
      <form method="get" className="filters">
        <PlanPhaseSelect id="plan-phase" value={f.phase} />
        <PlanSectionSelect id="plan-section" value={f.section} />
        <PlanUnitSelect id="plan-unit" value={f.unit} units={loaderData.units} />
        <PlanYearSelect id="plan-year" value={f.year} />
        <FilterSelect
          id="plan-status"
          name="status"
          label={t('planwork.filter.status')}
          allLabel={t('plan.filter.all')}
          value={f.status}
          options={STATUSES.map((s) => ({ value: String(s), label: String(t(`planwork.status.${s}`)) }))}
        />
        <div className="checkbox-field">
          <input
            id="plan-overdue"
            name="overdue"
            type="checkbox"
            value="1"
            defaultChecked={Boolean(f.overdue)}
          />
          <label htmlFor="plan-overdue">{t('planwork.filter.overdue')}</label>
        </div>
        <TextField
          id="plan-q"
          label={t('plan.filter.q')}
          name="q"
          type="search"
          defaultValue={f.q ?? ''}
          maxLength={200}
        />
        <button type="submit">{t('plan.filter.submit')}</button>
        <a className="button secondary" href={href('/admin/plan/tasks')}>
          {t('plan.filter.reset')}
        </a>
      </form>
      <p className="inline-list">
        <a href={href(`/admin/plan/tasks/export/xlsx${loaderData.query ? `?${loaderData.query}` : ''}`)}>
          {t('planwork.export.xlsx')}
        </a>{' '}
        <a href={href(`/admin/plan/tasks/export/csv${loaderData.query ? `?${loaderData.query}` : ''}`)}>
          {t('planwork.export.csv')}
        </a>
        {loaderData.canManage ? (
          <>
            {' '}
            <a href={href('/admin/plan/tasks/new')}>{t('planwork.task.add')}</a>
          </>
        ) : null}
      </p>
      <ScrollRegion>
        <table>
          <caption>
            {t('plan.tasks.caption', { count: loaderData.total })}
            {loaderData.pages > 1 && shown > 0 ? (
              <>
                {' '}
                {t('plan.tasks.range', {
                  from: loaderData.firstNumber,
                  to: loaderData.firstNumber + shown - 1,
                  page: loaderData.page,
                  pages: loaderData.pages,
                })}
              </>
            ) : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.col.phase')}</th>
              <th scope="col">{t('plan.col.section')}</th>
              <th scope="col">{t('plan.col.number')}</th>
              <th scope="col">{t('plan.col.content')}</th>
              <th scope="col">{t('plan.col.product')}</th>
              <th scope="col">{t('plan.col.lead')}</th>
              <th scope="col">{t('plan.col.coordinating')}</th>
              <th scope="col">{t('plan.col.time')}</th>
              <th scope="col">{t('plan.col.years')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.tasks.map((task) => (
              <tr key={task.id}>
                <td>{phaseLabel(task.phase)}</td>
                <td>
                  <abbr title={task.sectionTitle}>{task.section}</abbr>
                </td>
                <td>{task.number}</td>
                <th scope="row" className="cell-text">
                  <a href={href(`/admin/plan/tasks/${task.id}`)}>{task.content}</a>
                </th>
                <td>{task.product}</td>
                <td>
                  <CellList items={task.lead} />
                </td>
                <td>
                  <CellList items={task.coordinating} />
                </td>
                <td>{planTimeLabel(t, task.time)}</td>
                <td>
                  {task.years.map((y) => y.year).join(', ')}
                  {task.overdueYears.length ? (
                    <>
                      {' '}
                      <span className="tag tag-danger">
                        {t('plan.tasks.overdueYears', { years: task.overdueYears.join(', ') })}
                      </span>
                    </>
                  ) : null}
                  {task.years.some((y) => y.inferred) ? (
                    <>
                      {' '}
                      <span className="badge">{t('plan.yearInferred')}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {loaderData.total === 0 ? <p>{t('plan.tasks.empty')}</p> : null}
      {loaderData.total > 0 && shown === 0 ? <p>{t('plan.tasks.pageEmpty')}</p> : null}
      <Pagination page={loaderData.page} pages={loaderData.pages} link={pageLink} />
    </>
  );
}
