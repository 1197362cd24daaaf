// Back office: the indicators dashboard of the Department or of one unit — key figures against their targets,
// the chosen indicator's trend by year, its value per unit and per commemorative day. Charts are SVG drawn on
// the server, each followed by its data as a table and a CSV link; the filters are a plain GET form.
import { data } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { yearInVietnam } from '../../../lib/dates.ts';
import { dashboard } from '../../../modules/indicators/indicators.dashboard.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { BarChart, formatNumber } from '../components/BarChart.tsx';
import { queryOf, readDashboardParams } from '../indicators.view.ts';
import type { Route } from './+types/dashboard.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const params = readDashboardParams(new URL(request.url), yearInVietnam(deps.now()));
  if (!params) throw data(null, { status: 400 });
  try {
    const d = await dashboard(deps, actor, {
      year: params.year,
      unitId: params.unit,
      set: params.set,
      indicator: params.indicator,
    });
    return {
      d,
      params: { ...params, unit: d.unitId, indicator: d.chosen?.code ?? null },
      thisYear: yearInVietnam(deps.now()),
      // The equity view is province-wide: only leadership, the focal point and administrators may open it.
      canSeeEquity: can(actor, 'indicators.dashboard.readAll') || can(actor, 'indicators.population.manage'),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function IndicatorsDashboard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { d, params, thisYear, canSeeEquity } = loaderData;
  const name = (x: { nameVi: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameVi);
  const csv = (table: string) => href(`/admin/indicators/csv?${queryOf(params, { table })}`);
  const years: number[] = [];
  for (let y = thisYear; y >= 2023; y--) years.push(y);
  const chosen = d.chosen ? name(d.chosen) : '';
  const unitName = d.unitId ? (d.units.find((u) => u.id === d.unitId)?.name ?? '') : t('indicators.province');
  return (
    <>
      <title>{`${t('indicators.dashboard.title')} — Suốt Đời`}</title>
      <h1>{t('indicators.dashboard.title')}</h1>
      <p className="muted">
        {t('indicators.dashboard.scope', { unit: unitName, year: d.year })} ·{' '}
        <a href={href('/admin/indicators/definitions')}>{t('indicators.definitions.title')}</a> ·{' '}
        <a href={href('/admin/reports')}>{t('reports.nav')}</a>
        {canSeeEquity ? (
          <>
            {' · '}
            <a href={href('/admin/indicators/equity')}>{t('indicators.equity.nav')}</a>
          </>
        ) : null}
      </p>
      <form method="get" className="filters">
        <label htmlFor="f-year">{t('indicators.filter.year')}</label>
        <select id="f-year" name="year" defaultValue={String(d.year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor="f-unit">{t('indicators.filter.unit')}</label>
        <select id="f-unit" name="unit" defaultValue={d.unitId ?? ''}>
          <option value="">{t('indicators.province')}</option>
          {d.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label htmlFor="f-set">{t('indicators.filter.set')}</label>
        <select id="f-set" name="set" defaultValue={d.set ?? ''}>
          <option value="">{t('indicators.filter.allSets')}</option>
          {d.sets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="f-indicator">{t('indicators.filter.indicator')}</label>
        <select id="f-indicator" name="indicator" defaultValue={d.chosen?.code ?? ''}>
          {d.indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {`${i.code} — ${name(i)}`}
            </option>
          ))}
        </select>
        <button type="submit">{t('indicators.filter.apply')}</button>
      </form>

      <h2 id="figures">{t('indicators.figures.title')}</h2>
      <div className="table-wrap">
        <table>
          <caption>
            {t('indicators.figures.caption', { year: d.year })}{' '}
            <a href={csv('figures')}>{t('indicators.csv')}</a>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.col.indicator')}</th>
              <th scope="col">{t('indicators.col.value')}</th>
              <th scope="col">{t('indicators.col.previous')}</th>
              <th scope="col">{t('indicators.col.target')}</th>
              <th scope="col">{t('indicators.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {d.figures.map((f) => (
              <tr key={f.code}>
                <th scope="row">
                  <a href={href(`/admin/indicators?${queryOf({ ...params, indicator: f.code })}`)}>
                    {f.code}
                  </a>{' '}
                  {name(f)}
                </th>
                <td className="num">{formatNumber(f.value, locale)}</td>
                <td className="num">{formatNumber(f.previous, locale)}</td>
                <td className="num">
                  {formatNumber(f.target, locale)}
                  {f.targetStatus === 'draft' ? ` (${t('indicators.draft')})` : ''}
                </td>
                <td>
                  {f.met === null ? '—' : f.met ? t('indicators.status.met') : t('indicators.status.notMet')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {d.chosen ? (
        <>
          <h2 id="trend">{t('indicators.trend.title', { indicator: chosen })}</h2>
          <BarChart
            id="chart-trend"
            title={t('indicators.trend.title', { indicator: chosen })}
            locale={locale}
            bars={d.trend.map((r) => ({
              key: String(r.year),
              label: String(r.year),
              value: r.value,
              target: r.target,
            }))}
          />
          <p className="muted">{t('indicators.chart.targetMark')}</p>
          <div className="table-wrap">
            <table>
              <caption>
                {t('indicators.trend.caption')} <a href={csv('trend')}>{t('indicators.csv')}</a>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.filter.year')}</th>
                  <th scope="col">{t('indicators.col.value')}</th>
                  <th scope="col">{t('indicators.col.target')}</th>
                </tr>
              </thead>
              <tbody>
                {d.trend.map((r) => (
                  <tr key={r.year}>
                    <th scope="row">{r.year}</th>
                    <td className="num">{formatNumber(r.value, locale)}</td>
                    <td className="num">{formatNumber(r.target, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 id="by-unit">{t('indicators.byUnit.title', { year: d.year })}</h2>
          {d.byUnit.length === 0 ? (
            <p>{t('indicators.empty')}</p>
          ) : (
            <>
              <BarChart
                id="chart-units"
                title={t('indicators.byUnit.title', { year: d.year })}
                locale={locale}
                bars={d.byUnit.map((r) => ({ key: r.unitId, label: r.name, value: r.value }))}
              />
              <div className="table-wrap">
                <table>
                  <caption>
                    {t('indicators.byUnit.caption')} <a href={csv('units')}>{t('indicators.csv')}</a>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicators.filter.unit')}</th>
                      <th scope="col">{t('indicators.col.value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.byUnit.map((r) => (
                      <tr key={r.unitId}>
                        <th scope="row">
                          {r.name}
                          {r.mergedInto ? ` (${t('indicators.mergedInto', { unit: r.mergedInto })})` : ''}
                        </th>
                        <td className="num">{formatNumber(r.value, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          {d.byDay ? (
            <>
              <h2 id="by-day">{t('indicators.byDay.title', { year: d.year })}</h2>
              <BarChart
                id="chart-days"
                title={t('indicators.byDay.title', { year: d.year })}
                locale={locale}
                bars={[
                  ...d.byDay.days.map((r) => ({ key: r.code, label: r.name, value: r.value })),
                  { key: 'other', label: t('indicators.byDay.other'), value: d.byDay.other },
                ]}
              />
              <div className="table-wrap">
                <table>
                  <caption>
                    {t('indicators.byDay.caption')} <a href={csv('days')}>{t('indicators.csv')}</a>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicators.byDay.day')}</th>
                      <th scope="col">{t('indicators.col.value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.byDay.days.map((r) => (
                      <tr key={r.code}>
                        <th scope="row">{r.name}</th>
                        <td className="num">{formatNumber(r.value, locale)}</td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">{t('indicators.byDay.other')}</th>
                      <td className="num">{formatNumber(d.byDay.other, locale)}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
