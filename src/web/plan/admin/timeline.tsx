// Back office: the plan's timeline 2023–2030 — a server-rendered SVG Gantt chart (no JavaScript) with today's
// line and the milestones, followed by a table that says the same in text. Filters: a plain GET form.
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import { PROGRAM_YEAR_LIST } from '../../../modules/plan/plan.model.ts';
import { PlanTaskQuerySchema } from '../../../modules/plan/plan.schemas.server.ts';
import { listPlanUnits } from '../../../modules/plan/plan.usecases.server.ts';
import { getPlanTimeline } from '../../../modules/plan/timeline/overview.usecases.server.ts';
import { layoutTimeline, PLAN_MILESTONES, timelineStatus } from '../../../modules/plan/timeline/timeline.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { PlanPhaseSelect, PlanSectionSelect, PlanUnitSelect } from '../components/PlanFilterSelects.tsx';
import {
  milestoneKey,
  PlanTimelineChart,
  StatusSwatch,
  statusKey,
} from '../components/PlanTimelineChart.tsx';
import { planTimeLabel } from '../components/task-view.ts';
import type { Route } from './+types/timeline.ts';

const FILTER_KEYS = ['phase', 'section', 'unit'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const ROW_HEIGHT = 24;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = PlanTaskQuerySchema.safeParse(raw);
  try {
    const [{ tasks, milestoneDays }, units] = await Promise.all([
      getPlanTimeline(deps, actor, parsed.success ? parsed.data : {}),
      listPlanUnits(deps, actor),
    ]);
    const today = isoDateInVietnam(deps.now());
    const appendix = (phase: string) => (phase === '2023-2025' ? 'I' : 'II');
    const rows = tasks.map((task) => ({
      id: task.id,
      appendix: appendix(task.phase),
      section: task.section,
      number: task.number,
      content: task.content,
      time: task.time,
      instances: task.instances.map((i) => ({
        id: i.id,
        year: i.year,
        status: i.status,
        dueDate: i.dueDate,
      })),
    }));
    return queryAnswer(
      { invalid: !parsed.success, filters: raw, units, today, milestoneDays, rows },
      parsed.error,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PlanTimelinePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const f = d.filters;
  const label = (r: (typeof d.rows)[number]) =>
    t('planTimeline.rowLabel', { appendix: r.appendix, section: r.section, number: r.number });
  const layout = layoutTimeline(
    d.rows.map((r) => ({ id: r.id, label: label(r), title: r.content, instances: r.instances })),
    { today: d.today, milestoneDays: d.milestoneDays, rowHeight: ROW_HEIGHT },
  );
  const milestones = PLAN_MILESTONES.map((m) => ({
    code: m.code,
    day: d.milestoneDays[m.code] ?? `${m.year}-12-15`,
  }));
  const description = t('planTimeline.desc', {
    count: d.rows.length,
    today: formatIsoDay(d.today),
    milestones: milestones.map((m) => `${t(milestoneKey(m.code))} (${formatIsoDay(m.day)})`).join('; '),
  });
  return (
    <>
      <title>{`${t('planTimeline.title')} — Suốt Đời`}</title>
      <h1>{t('planTimeline.title')}</h1>
      <p className="muted">{t('planTimeline.intro')}</p>
      {d.invalid ? <FilterProblems summary="plan.tasks.invalidFilters" problems={d.problems} /> : null}
      <form method="get" className="filters">
        <PlanPhaseSelect id="tl-phase" value={f.phase} />
        <PlanSectionSelect id="tl-section" value={f.section} />
        <PlanUnitSelect id="tl-unit" value={f.unit} units={d.units} />
        <button type="submit">{t('plan.filter.submit')}</button>
        <a className="button secondary" href={href('/admin/plan/timeline')}>
          {t('plan.filter.reset')}
        </a>
      </form>

      <p>
        <a href="#timeline-table">{t('planTimeline.skipToTable')}</a>
      </p>
      <figure className="plan-timeline">
        <ScrollRegion className="timeline-scroll">
          <PlanTimelineChart
            layout={layout}
            title={t('planTimeline.chartTitle')}
            description={description}
            rowHeight={ROW_HEIGHT}
          />
        </ScrollRegion>
        <figcaption>
          <h2 className="small-heading">{t('planTimeline.legend')}</h2>
          <ul className="tl-legend">
            {layout.statuses.map((s) => (
              <li key={s}>
                <StatusSwatch status={s} /> {t(statusKey(s))}
              </li>
            ))}
            <li>
              <span className="tl-key tl-key-today" aria-hidden="true" />{' '}
              {t('planTimeline.todayLegend', { day: formatIsoDay(d.today) })}
            </li>
            <li>
              <span className="tl-key tl-key-milestone" aria-hidden="true" />{' '}
              {t('planTimeline.milestoneLegend')}
            </li>
          </ul>
        </figcaption>
      </figure>

      <h2>{t('planTimeline.milestonesHeading')}</h2>
      <ul>
        {milestones.map((m) => (
          <li key={m.code}>{`${t(milestoneKey(m.code))}: ${formatIsoDay(m.day)}`}</li>
        ))}
      </ul>

      <ScrollRegion className="table-wrap wide-scroll" id="timeline-table">
        <table>
          <caption>{t('planTimeline.tableCaption', { count: d.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planTimeline.col.task')}</th>
              <th scope="col">{t('plan.col.time')}</th>
              {PROGRAM_YEAR_LIST.map((y) => (
                <th scope="col" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="cell-text">
                  <a href={href(`/admin/plan/tasks/${r.id}`)}>{label(r)}</a>
                  <span className="tl-task-content">{r.content}</span>
                </th>
                <td>{planTimeLabel(t, r.time)}</td>
                {PROGRAM_YEAR_LIST.map((y) => {
                  const i = r.instances.find((x) => x.year === y);
                  return (
                    <td key={y}>{i ? t(statusKey(timelineStatus(i.status, i.dueDate, d.today))) : '—'}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {d.rows.length === 0 ? <p>{t('plan.tasks.empty')}</p> : null}
    </>
  );
}
