// Back office: the plan's budget — totals per unit, source and year, every estimate line the reader may see,
// filtered by a plain GET form, with an Excel export of the same selection.

import { can } from '../../../app/policies.server.ts';
import { yearInVietnam } from '../../../lib/dates.ts';
import { BudgetQuerySchema } from '../../../modules/plan/budget/budget.schemas.server.ts';
import { listBudget } from '../../../modules/plan/budget/budget.usecases.server.ts';
import { BUDGET_SOURCES } from '../../../modules/plan/budget/budget.vocab.ts';
import { PROGRAM_YEARS } from '../../../modules/plan/plan.model.ts';
import { listPlanTasks, listPlanUnits } from '../../../modules/plan/plan.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { budgetLineView, sumsView } from '../components/budget-view.server.ts';
import { sourceKey, stageKey } from '../components/budget-view.ts';
import { PlanUnitSelect, PlanYearSelect } from '../components/PlanFilterSelects.tsx';
import { SponsorshipTotals } from '../components/SponsorshipTotals.tsx';
import { sponsorshipTotalsView } from '../components/sponsorship-totals.server.ts';
import type { Route } from './+types/budget.ts';

const FILTER_KEYS = ['year', 'unit', 'source'] as const;
/** The page lists at most this many lines; totals and the Excel export cover the whole selection. */
const LINES_SHOWN = 200;
type FilterKey = (typeof FILTER_KEYS)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = BudgetQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  try {
    const [{ lines, totals }, units, sponsorship] = await Promise.all([
      listBudget(deps, actor, query, { limit: LINES_SHOWN }),
      listPlanUnits(deps, actor),
      sponsorshipTotalsView(deps, actor, query),
    ]);
    // Where a unit can start a new estimate: its instances of the chosen (or current) year.
    const estimateYear =
      query.year ?? Math.min(PROGRAM_YEARS.to, Math.max(PROGRAM_YEARS.from, yearInVietnam(deps.now())));
    const canEstimate =
      actor.kind === 'user' &&
      actor.grants.some((g) => can(actor, 'plan.budget.estimate', { unitId: g.unitId }));
    const tasks = canEstimate ? await listPlanTasks(deps, actor, { year: estimateYear }) : [];
    return queryAnswer(
      {
        invalid: !parsed.success,
        filters: raw,
        exportQuery: new URLSearchParams(raw).toString(),
        units,
        sponsorship,
        lines: lines.map((l) => budgetLineView(actor, l)),
        totals: {
          all: sumsView(totals.all),
          byUnit: totals.byUnit.map((r) => ({ id: r.unitId, label: r.unitName, ...sumsView(r) })),
          bySource: totals.bySource.map((r) => ({ id: r.source, source: r.source, ...sumsView(r) })),
          byYear: totals.byYear.map((r) => ({ id: String(r.year), label: String(r.year), ...sumsView(r) })),
        },
        estimateYear,
        estimateInstances: tasks.flatMap((task) =>
          task.instances
            .filter((i) => i.year === estimateYear)
            .map((i) => ({
              id: i.id,
              label: `${task.section}.${task.number}`,
              phase: task.phase,
              content: task.content,
            })),
        ),
      },
      parsed.error,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

type SumsRow = {
  id: string;
  label: string;
  lines: number;
  estimated: string;
  approved: string;
  spent: string;
};

function TotalsTable({ caption, head, rows }: { caption: string; head: string; rows: SumsRow[] }) {
  const t = useT();
  return (
    <ScrollRegion className="table-wrap wide-scroll">
      <table className="stack-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              {t('planBudget.col.lines')}
            </th>
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
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="stack-title">
                {r.label}
              </th>
              <td className="num" data-label={t('planBudget.col.lines')}>
                {r.lines}
              </td>
              <td className="num" data-label={t('planBudget.col.amount')}>
                {r.estimated}
              </td>
              <td className="num" data-label={t('planBudget.col.approved')}>
                {r.approved}
              </td>
              <td className="num" data-label={t('planBudget.col.spent')}>
                {r.spent}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default function PlanBudgetPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const f = d.filters;
  return (
    <>
      <title>{`${t('planBudget.title')} — Suốt Đời`}</title>
      <h1>{t('planBudget.title')}</h1>
      <p className="muted">{t('planBudget.intro')}</p>
      {d.invalid ? <FilterProblems summary="plan.tasks.invalidFilters" problems={d.problems} /> : null}
      <form method="get" className="filters">
        <PlanYearSelect id="budget-year" value={f.year} />
        <PlanUnitSelect id="budget-unit" value={f.unit} units={d.units} />
        <FilterSelect
          id="budget-source"
          name="source"
          label={t('planBudget.col.source')}
          allLabel={t('plan.filter.all')}
          value={f.source}
          options={BUDGET_SOURCES.map((s) => ({ value: String(s), label: String(t(sourceKey(s))) }))}
        />
        <button type="submit">{t('plan.filter.submit')}</button>
        <a className="button secondary" href={href('/admin/plan/budget')}>
          {t('plan.filter.reset')}
        </a>
      </form>
      <p>
        <a href={href(`/admin/plan/budget/export.xlsx${d.exportQuery ? `?${d.exportQuery}` : ''}`)} download>
          {t('planBudget.export.link')}
        </a>
      </p>

      <h2>{t('planBudget.totals.heading')}</h2>
      <TotalsTable
        caption={t('planBudget.totals.all')}
        head={t('planBudget.totals.scope')}
        rows={[{ id: 'all', label: t('planBudget.totals.allRow'), ...d.totals.all }]}
      />
      <TotalsTable
        caption={t('planBudget.totals.byUnit')}
        head={t('planBudget.col.unit')}
        rows={d.totals.byUnit}
      />
      <TotalsTable
        caption={t('planBudget.totals.bySource')}
        head={t('planBudget.col.source')}
        rows={d.totals.bySource.map((r) => ({ ...r, label: t(sourceKey(r.source)) }))}
      />
      <TotalsTable
        caption={t('planBudget.totals.byYear')}
        head={t('planBudget.col.year')}
        rows={d.totals.byYear}
      />
      <SponsorshipTotals data={d.sponsorship} />

      <h2>{t('planBudget.lines.heading')}</h2>
      {d.lines.length ? (
        <ScrollRegion className="table-wrap wide-scroll">
          <table className="stack-table stack-title-first">
            <caption>
              {d.lines.length < d.totals.all.lines
                ? t('planBudget.lines.captionTruncated', { shown: d.lines.length, count: d.totals.all.lines })
                : t('planBudget.lines.caption', { count: d.lines.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('planBudget.col.year')}</th>
                <th scope="col">{t('planBudget.col.task')}</th>
                <th scope="col">{t('planBudget.col.unit')}</th>
                <th scope="col">{t('planBudget.col.content')}</th>
                <th scope="col">{t('planBudget.col.source')}</th>
                <th scope="col" className="num">
                  {t('planBudget.col.amount')}
                </th>
                <th scope="col" className="num">
                  {t('planBudget.col.approved')}
                </th>
                <th scope="col" className="num">
                  {t('planBudget.col.spent')}
                </th>
                <th scope="col">{t('planBudget.col.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.id}>
                  <td data-label={t('planBudget.col.year')}>{l.year}</td>
                  <td data-label={t('planBudget.col.task')}>
                    <a href={href(`/admin/plan/budget/instances/${l.instanceId}`)} title={l.taskContent}>
                      {t('planBudget.taskRef', { task: l.task, year: l.year })}
                    </a>
                  </td>
                  <td data-label={t('planBudget.col.unit')}>{l.unitName}</td>
                  <th scope="row" className="cell-text stack-title">
                    {l.content}
                  </th>
                  <td data-label={t('planBudget.col.source')}>{t(sourceKey(l.source))}</td>
                  <td className="num" data-label={t('planBudget.col.amount')}>
                    {l.amount}
                  </td>
                  <td className="num" data-label={t('planBudget.col.approved')}>
                    {l.approved ?? '—'}
                  </td>
                  <td className="num" data-label={t('planBudget.col.spent')}>
                    {l.spent ?? '—'}
                  </td>
                  <td data-label={t('planBudget.col.stage')}>{t(stageKey(l.stage))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>{t('planBudget.lines.empty')}</p>
      )}

      {d.estimateInstances.length ? (
        <>
          <h2 id="estimate-heading">{t('planBudget.estimate.heading', { year: d.estimateYear })}</h2>
          <p className="muted">{t('planBudget.estimate.intro')}</p>
          <ul aria-labelledby="estimate-heading">
            {d.estimateInstances.map((i) => (
              <li key={i.id}>
                <a href={href(`/admin/plan/budget/instances/${i.id}`)}>
                  {t('planBudget.taskRef', { task: i.label, year: d.estimateYear })}
                </a>{' '}
                <span className="muted">({i.phase.replace('-', '–')})</span> {i.content}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
