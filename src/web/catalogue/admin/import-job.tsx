// Staff: one import job's progress and its error report (each bad record with its position and reason).
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { MAX_STORED_ERRORS } from '../../../modules/catalogue/catalogue.vocab.ts';
import { getImportJob } from '../../../modules/catalogue/marc/import.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/import-job.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const job = await getImportJob(deps, actor, params.jobId);
    const percent =
      job.status === 'done'
        ? 100
        : job.format === 'iso2709' && job.fileSize > 0
          ? Math.floor((job.resumeOffset / job.fileSize) * 100)
          : null;
    return {
      job: {
        ...job,
        createdAt: formatDateTime(job.createdAt),
        updatedAt: undefined,
        finishedAt: undefined,
        filePath: undefined,
      },
      percent,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function CatalogueImportJob({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { job, percent } = loaderData;
  const counts: Array<[MessageKey, number]> = [
    ['catalogue.import.job.processed', job.processed],
    ['catalogue.import.job.imported', job.imported],
    ['catalogue.import.job.updated', job.updated],
    ['catalogue.import.job.skipped', job.skipped],
    ['catalogue.import.job.failed', job.failed],
  ];
  return (
    <>
      <title>{`${t('catalogue.import.job.title', { file: job.fileName })} — Suốt Đời`}</title>
      <h1>{t('catalogue.import.job.title', { file: job.fileName })}</h1>
      <p>
        {t(`catalogue.import.status.${job.status}` as MessageKey)} · {job.createdAt}
      </p>
      {percent !== null ? (
        <p>
          <label htmlFor="import-progress">{t('catalogue.import.job.progress')}</label>{' '}
          <progress id="import-progress" max={100} value={percent}>
            {percent}%
          </progress>{' '}
          {percent}%
        </p>
      ) : null}
      {job.failure ? (
        <p className="alert-error" role="alert">
          {t('catalogue.import.job.failure', { reason: job.failure })}
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
      {job.status === 'running' || job.status === 'queued' ? (
        <p>
          <a href={href(`/admin/catalogue/import/${job.id}`)}>{t('catalogue.import.job.refresh')}</a>
        </p>
      ) : null}
      {job.errors.length ? (
        <>
          <h2>{t('catalogue.import.job.errors')}</h2>
          {job.failed > MAX_STORED_ERRORS ? (
            <p className="muted">{t('catalogue.import.job.errorsTruncated')}</p>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption>{t('catalogue.import.job.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.import.job.position')}</th>
                  <th scope="col">{t('catalogue.import.job.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.map((e) => (
                  <tr key={`${e.position}-${e.reason}`}>
                    <td>
                      {e.number
                        ? t('catalogue.import.job.positionRecordBytes', { record: e.number, n: e.position })
                        : job.format === 'iso2709'
                          ? t('catalogue.import.job.positionBytes', { n: e.position })
                          : t('catalogue.import.job.positionRecord', { n: e.position + 1 })}
                    </td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p>
        <a href={href('/admin/catalogue/import')}>{t('catalogue.import.job.back')}</a>
      </p>
    </>
  );
}
