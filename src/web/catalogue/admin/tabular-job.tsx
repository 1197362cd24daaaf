// Staff: a spreadsheet import's progress and its validation report (row number + translated reason), with
// the full report as a CSV download.
import { redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { translator } from '../../../lib/i18n.server.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { REPORT_LIMIT } from '../../../modules/catalogue/catalogue.vocab.ts';
import {
  getTabularImport,
  listTabularIssues,
} from '../../../modules/catalogue/tabular/csv.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { issueView } from '../components/tabular-view.ts';
import type { Route } from './+types/tabular-job.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const job = await getTabularImport(deps, actor, params.importId);
    if (job.status === 'draft')
      throw redirect(localePath(locale, `/admin/catalogue/import/tabular/${job.id}`));
    const issues = await listTabularIssues(deps, actor, job.id, REPORT_LIMIT + 1);
    const t = translator(locale);
    const percent =
      job.status === 'done' ? 100 : job.totalRows > 0 ? Math.floor((job.resumeRow / job.totalRows) * 100) : 0;
    return {
      job: {
        id: job.id,
        fileName: job.fileName,
        status: job.status,
        totalRows: job.totalRows,
        resumeRow: job.resumeRow,
        processed: job.processed,
        imported: job.imported,
        updated: job.updated,
        skipped: job.skipped,
        failed: job.failed,
        warnings: job.warnings,
        failure: job.failure,
        createdAt: formatDateTime(job.createdAt),
      },
      percent,
      truncated: issues.length > REPORT_LIMIT,
      issues: issues.slice(0, REPORT_LIMIT).map((i) => issueView(i, t)),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function CatalogueTabularJob({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { job, percent, issues, truncated } = loaderData;
  const counts: Array<[MessageKey, number]> = [
    ['catalogueTabular.job.processed', job.processed],
    ['catalogueTabular.job.imported', job.imported],
    ['catalogueTabular.job.updated', job.updated],
    ['catalogueTabular.job.skipped', job.skipped],
    ['catalogueTabular.job.failed', job.failed],
    ['catalogueTabular.job.warnings', job.warnings],
  ];
  const failure = job.failure?.startsWith('catalogueTabular.') ? t(job.failure as MessageKey) : job.failure;
  const active = job.status === 'queued' || job.status === 'running';
  return (
    <>
      <title>{`${t('catalogueTabular.job.title', { file: job.fileName })} — Suốt Đời`}</title>
      <h1>{t('catalogueTabular.job.title', { file: job.fileName })}</h1>
      <p>
        {t(`catalogueTabular.status.${job.status}` as MessageKey)} · {job.createdAt}
      </p>
      {job.status === 'cancelled' ? <p>{t('catalogueTabular.job.cancelled')}</p> : null}
      {job.status !== 'cancelled' ? (
        <p>
          <label htmlFor="tabular-progress">{t('catalogueTabular.job.progress')}</label>{' '}
          <progress id="tabular-progress" max={100} value={percent}>
            {percent}%
          </progress>{' '}
          {percent}% ({t('catalogueTabular.job.rows', { done: job.resumeRow, total: job.totalRows })})
        </p>
      ) : null}
      {failure ? (
        <p className="alert-error" role="alert">
          {t('catalogueTabular.job.failure', { reason: failure })}
        </p>
      ) : null}
      <dl className="record-fields">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {active ? (
        <p>
          <a href={href(`/admin/catalogue/import/tabular/${job.id}/progress`)}>
            {t('catalogueTabular.job.refresh')}
          </a>
        </p>
      ) : null}
      <h2>{t('catalogueTabular.job.report')}</h2>
      {issues.length === 0 ? (
        <p>{t('catalogueTabular.job.noIssues')}</p>
      ) : (
        <>
          {truncated ? (
            <p className="muted">{t('catalogueTabular.job.reportTruncated', { n: REPORT_LIMIT })}</p>
          ) : null}
          <p>
            <a href={href(`/admin/catalogue/import/tabular/${job.id}/report.csv`)} download>
              {t('catalogueTabular.job.downloadReport')}
            </a>
          </p>
          <div className="table-wrap">
            <table>
              <caption>{t('catalogueTabular.job.reportCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogueTabular.job.row')}</th>
                  <th scope="col">{t('catalogueTabular.job.severity')}</th>
                  <th scope="col">{t('catalogueTabular.job.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((i) => (
                  <tr key={`${i.rowNumber}-${i.severity}-${i.key}`}>
                    <td className="num">{i.rowNumber}</td>
                    <td>{t(`catalogueTabular.severity.${i.severity}` as MessageKey)}</td>
                    <td className="cell-text">{t(i.key, i.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <a href={href('/admin/catalogue/import/tabular')}>{t('catalogueTabular.job.back')}</a>
      </p>
    </>
  );
}
