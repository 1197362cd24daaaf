// Back office: one reporting period — each unit's submission status (late ones listed after the deadline), the
// focal point's "generate the report" button, and every generated document version to download.
import { redirect } from 'react-router';
import { formatDateTime, formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import { requestGeneration } from '../../../modules/reports/reports.generate.server.ts';
import { periodOverview } from '../../../modules/reports/reports.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/period.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return await periodOverview(deps, actor, params.period);
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const unitId = formText(form, 'unitId') || null;
  try {
    const id = await onceForm(deps, actor, 'reports.document.generate', form, (d) =>
      requestGeneration(d, actor, params.period, unitId),
    );
    return redirect(localePath(locale, `/admin/reports/generations/${id}`), 303);
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function ReportPeriod({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { period, units, late, documents, canGenerate } = loaderData;
  return (
    <>
      <title>{`${locale === 'en' ? period.titleEn : period.titleVi} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/reports')}>{t('reports.periods.title')}</a>
      </p>
      <h1>{locale === 'en' ? period.titleEn : period.titleVi}</h1>
      <p>{t('reports.period.deadlineIs', { date: formatIsoDay(period.deadline) })}</p>
      {late.length > 0 ? (
        <section aria-labelledby="late-title" className="notice">
          <h2 id="late-title">{t('reports.late.title', { count: late.length })}</h2>
          <ul>
            {late.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{t('reports.units.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.filter.unit')}</th>
              <th scope="col">{t('reports.col.status')}</th>
              <th scope="col">{t('reports.col.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <a href={href(`/admin/reports/${period.code}/units/${u.id}`)}>{u.name}</a>
                </th>
                <td>
                  {t(`reports.status.${u.status}`)}
                  {u.late ? ` — ${t('reports.late.mark')}` : ''}
                </td>
                <td>{u.submittedAt ? formatDateTime(u.submittedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canGenerate ? (
        <form method="post">
          <FormToken />
          <button type="submit">{t('reports.generate.button')}</button>
        </form>
      ) : null}
      {documents.length > 0 ? (
        <>
          <h2>{t('reports.documents.title')}</h2>
          <div className="table-wrap">
            <table>
              <caption>{t('reports.documents.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.documents.file')}</th>
                  <th scope="col">{t('reports.documents.version')}</th>
                  <th scope="col">{t('reports.documents.created')}</th>
                  <th scope="col">{t('reports.documents.checksum')}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <a
                        href={href(`/admin/reports/documents/${d.id}`)}
                      >{`${d.fileName} (${d.format.toUpperCase()})`}</a>
                    </th>
                    <td className="num">{d.version}</td>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td>
                      <code>{d.checksum.slice(0, 12)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
