// Back office: the equity view — distinct people who took part in the year, per commune against its population
// and by age band, small cells suppressed; communes nobody took part from; and the population CSV upload (a plain
// multipart form, administrators and the focal point).
import { readFile } from 'node:fs/promises';
import { data, redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { yearInVietnam } from '../../../lib/dates.ts';
import { AppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import { getEquityView } from '../../../modules/indicators/indicators.equity.server.ts';
import type { PopulationError } from '../../../modules/indicators/indicators.population.server.ts';
import {
  importPopulation,
  POPULATION_MAX_BYTES,
} from '../../../modules/indicators/indicators.population.server.ts';
import { mayConfigureEquity } from '../../../modules/indicators/indicators.threshold.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { formatNumber } from '../components/BarChart.tsx';
import type { Route } from './+types/equity.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const thisYear = yearInVietnam(deps.now());
  const y = url.searchParams.get('year') ?? String(thisYear);
  if (!/^\d{4}$/.test(y) || +y < 2000 || +y > thisYear + 1) throw data(null, { status: 400 });
  try {
    const view = await getEquityView(deps, actor, +y);
    return {
      view,
      thisYear,
      canImport: can(actor, 'indicators.population.manage'),
      canConfigure: mayConfigureEquity(actor),
      done: url.searchParams.get('done'),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const limits = { dataDir: deps.config.dataDir, maxFileBytes: POPULATION_MAX_BYTES, envelope: 16 * 1024 };
    const r = await withUpload(request, limits, async (u) => {
      if (u.size > POPULATION_MAX_BYTES)
        throw new AppError('files.tooLarge', 413, 'indicators.population.tooLarge');
      return importPopulation(
        deps,
        actor,
        new TextDecoder('utf-8', { fatal: true }).decode(await readFile(u.path)),
      );
    });
    if (!r.ok) return data({ ok: false as const, lineErrors: r.errors, errors: undefined }, { status: 422 });
    return redirect(`${localePath(locale, '/admin/indicators/equity')}?done=${r.imported}-${r.changed}`, 303);
  } catch (e) {
    if (e instanceof TypeError)
      return data(
        {
          ok: false as const,
          lineErrors: [],
          errors: [{ key: 'indicators.population.encoding' as const, field: 'pop-file' }],
        },
        { status: 422 },
      );
    return failure(e, {}, 'pop-file');
  }
}

export default function EquityPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { view, thisYear, canImport, canConfigure, done } = loaderData;
  const years: number[] = [];
  for (let y = thisYear; y >= 2023; y--) years.push(y);
  const n = (v: number | null) => (v === null ? t('indicators.equity.suppressed') : formatNumber(v, locale));
  const lineErrors: PopulationError[] = actionData && 'lineErrors' in actionData ? actionData.lineErrors : [];
  const [imported, changed] = (done ?? '').split('-');
  return (
    <>
      <title>{`${t('indicators.equity.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/indicators')}>{t('indicators.dashboard.title')}</a>
      </p>
      <h1>{t('indicators.equity.title')}</h1>
      <p>
        {t('indicators.equity.lead', { year: view.year, threshold: view.threshold })}
        {canConfigure ? (
          <>
            {' '}
            <a href={href('/admin/indicators/equity/threshold')}>{t('indicators.equity.threshold.change')}</a>
          </>
        ) : null}
      </p>
      <p className="muted">{t('indicators.equity.notRecorded')}</p>
      <form method="get" className="filters">
        <label htmlFor="eq-year">{t('indicators.filter.year')}</label>
        <select id="eq-year" name="year" defaultValue={String(view.year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit">{t('indicators.filter.apply')}</button>
      </form>
      <ScrollRegion label={t('indicators.equity.caption', { year: view.year })}>
        <table>
          <caption>{t('indicators.equity.caption', { year: view.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.equity.commune')}</th>
              <th scope="col">{t('indicators.equity.population')}</th>
              {view.bands.map((b) => (
                <th key={b} scope="col">
                  {b === 'unknown' ? t('indicators.equity.ageUnknown') : b}
                </th>
              ))}
              <th scope="col">{t('indicators.equity.total')}</th>
              <th scope="col">{t('indicators.equity.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r, i) => (
              <tr key={r.commune || '—'}>
                <th scope="row">{r.commune === '' ? t('indicators.equity.communeUnknown') : r.commune}</th>
                <td>{r.population === null ? '—' : formatNumber(r.population, locale)}</td>
                {(view.table.cells[i] ?? []).map((c, j) => (
                  <td key={view.bands[j]}>{n(c)}</td>
                ))}
                <td>{n(view.table.rowTotals[i] ?? null)}</td>
                <td>{r.ratePerThousand === null ? '—' : formatNumber(r.ratePerThousand, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('indicators.equity.total')}</th>
              <td />
              {view.table.colTotals.map((c, j) => (
                <td key={view.bands[j]}>{n(c)}</td>
              ))}
              <td>{n(view.table.total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <h2>{t('indicators.equity.noService')}</h2>
      {view.noService.length ? (
        <ul>
          {view.noService.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : (
        <p>{t('indicators.equity.noServiceNone')}</p>
      )}
      {canImport && (
        <>
          <h2>{t('indicators.population.title')}</h2>
          {done && (
            <p role="status">
              {t('indicators.population.done', { imported: imported ?? '0', changed: changed ?? '0' })}
            </p>
          )}
          <ErrorSummary errors={actionData?.errors} />
          {lineErrors.length > 0 && (
            <div role="alert">
              <p>{t('indicators.population.errors')}</p>
              <ul>
                {lineErrors.map((e) => (
                  <li key={`${e.line}-${e.code}`}>
                    {t(`indicators.population.error.${e.code}`, {
                      line: e.line,
                      commune: 'commune' in e ? e.commune : '',
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="muted">{t('indicators.population.help')}</p>
          <form method="post" encType="multipart/form-data">
            <label htmlFor="pop-file">{t('indicators.population.file')}</label>
            <input id="pop-file" name="file" type="file" accept=".csv,text/csv" required />
            <button type="submit">{t('indicators.population.submit')}</button>
          </form>
        </>
      )}
    </>
  );
}
