// Back office: one unit's reporting on one page, for the unit itself — every period with its submission's status
// and deadline (late ones marked), links to each form, and the unit's figures year by year (frozen where the
// yearly report was accepted, marked when the live value has moved since). Read-only; no JavaScript.
import { formatDateTime, formatIsoDay } from '../../../lib/dates.ts';
import { unitReporting } from '../../../modules/reports/reports.unit.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { formatNumber } from '../../indicators/components/BarChart.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/unit.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return await unitReporting(deps, actor, params.unitId);
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function UnitReporting({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { unit, periods, years, figures } = loaderData;
  const changed = figures.some((f) => f.cells.some((c) => c.changed));
  return (
    <>
      <title>{`${t('reports.unitPage.title', { unit: unit.name })} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/reports')}>{t('reports.periods.title')}</a>
      </p>
      <h1>{t('reports.unitPage.title', { unit: unit.name })}</h1>
      <p>
        <a href={href(`/admin/indicators?unit=${encodeURIComponent(unit.id)}`)}>
          {t('reports.unitPage.dashboard')}
        </a>
      </p>
      <h2>{t('reports.unitPage.periods')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{t('reports.unitPage.periodsCaption', { unit: unit.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.period.title')}</th>
              <th scope="col">{t('reports.period.deadline')}</th>
              <th scope="col">{t('reports.col.status')}</th>
              <th scope="col">{t('reports.col.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((r) => (
              <tr key={r.period.id}>
                <th scope="row">
                  <a href={href(`/admin/reports/${r.period.code}/units/${unit.id}`)}>
                    {locale === 'en' ? r.period.titleEn : r.period.titleVi}
                  </a>
                </th>
                <td>{formatIsoDay(r.period.deadline)}</td>
                <td>
                  {t(`reports.status.${r.status}`)}
                  {r.late ? ` — ${t('reports.late.mark')}` : ''}
                </td>
                <td>{r.submittedAt ? formatDateTime(r.submittedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="unit-figures-h">{t('reports.unitPage.figures')}</h2>
      {years.length === 0 ? (
        <p>{t('reports.unitPage.noYears')}</p>
      ) : (
        // Scrolls sideways on a phone (a column per year): focusable so keyboard users can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{t('reports.unitPage.figuresCaption', { unit: unit.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.unitPage.indicator')}</th>
                {years.map((y) => (
                  <th scope="col" className="num" key={y}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.code}>
                  <th scope="row">{`${locale === 'en' ? f.nameEn : f.nameVi} (${f.code})`}</th>
                  {f.cells.map((c) => (
                    <td className="num" key={c.year}>
                      {`${formatNumber(c.value, locale)}${c.frozen ? ` ${t('reports.unitPage.frozenMark')}` : ''}${
                        c.changed ? ` * (${formatNumber(c.liveNow, locale)})` : ''
                      }`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{t('reports.unitPage.legend')}</p>
      {changed ? <p>{t('reports.unitPage.changedLegend')}</p> : null}
    </>
  );
}
