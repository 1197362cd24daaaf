// Back office: progress of a report generation (a job). Without JavaScript the page offers a refresh link.

import { generationStatus } from '../../../modules/reports/reports.documents.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/generation.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const g = await generationStatus(deps, actor, params.generationId);
    const period = await deps.repos.reports.period(deps.db, g.periodId);
    return { g, periodCode: period?.code ?? '' };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function ReportGeneration({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { g, periodCode } = loaderData;
  const finished = g.status === 'done' || g.status === 'failed';
  return (
    <>
      <title>{`${t('reports.generation.title')} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/reports/${periodCode}`)}>{t('reports.generation.back')}</a>
      </p>
      <h1>{t('reports.generation.title')}</h1>
      <p>
        <label htmlFor="gen-progress">{t(`reports.generation.${g.status}`)}</label>{' '}
        <progress id="gen-progress" max={100} value={g.progress}>
          {`${g.progress}%`}
        </progress>{' '}
        {`${g.progress}%`}
      </p>
      {g.error ? <p role="alert">{g.error}</p> : null}
      {finished ? null : (
        <p>
          <a href={href(`/admin/reports/generations/${g.id}`)}>{t('reports.generation.refresh')}</a>
        </p>
      )}
      {g.documents.length > 0 ? (
        <ul>
          {g.documents.map((d) => (
            <li key={d.id}>
              <a
                href={href(`/admin/reports/documents/${d.id}`)}
              >{`${d.fileName} (${d.format.toUpperCase()}, v${d.version})`}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
