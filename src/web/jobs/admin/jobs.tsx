// Back office: the background job queue (administrators): what ran, what waits, what failed and why.
import { formatDateTime } from '../../../lib/dates.ts';
import { listRecentJobs } from '../../../modules/jobs/jobs.usecases.server.ts';
import { jobKindKey } from '../../admin/job-kinds.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import type { Route } from './+types/jobs.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const jobs = await listRecentJobs(deps, actor);
    return {
      jobs: jobs.map((j) => ({
        id: j.id,
        kind: j.kind,
        kindLabel: jobKindKey(j.kind),
        status: j.status,
        runAt: formatDateTime(j.runAt),
        attempts: `${j.attempts}/${j.maxAttempts}`,
        finishedAt: j.finishedAt ? formatDateTime(j.finishedAt) : '',
        error: j.lastError ?? '',
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function JobsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const statusLabel = {
    queued: t('jobs.status.queued'),
    running: t('jobs.status.running'),
    done: t('jobs.status.done'),
    failed: t('jobs.status.failed'),
  } as const;
  return (
    <>
      <title>{`${t('jobs.title')} — Suốt Đời`}</title>
      <h1>{t('jobs.title')}</h1>
      <p className="muted">{t('jobs.intro')}</p>
      <ScrollRegion>
        <table>
          <caption>{t('jobs.caption', { count: loaderData.jobs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jobs.col.kind')}</th>
              <th scope="col">{t('jobs.col.status')}</th>
              <th scope="col">{t('jobs.col.runAt')}</th>
              <th scope="col">{t('jobs.col.attempts')}</th>
              <th scope="col">{t('jobs.col.finishedAt')}</th>
              <th scope="col">{t('jobs.col.error')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.jobs.map((j) => (
              <tr key={j.id}>
                <td>
                  {t(j.kindLabel, { kind: j.kind })}
                  <br />
                  <code className="muted">{j.kind}</code>
                </td>
                <td>{statusLabel[j.status]}</td>
                <td>{j.runAt}</td>
                <td>{j.attempts}</td>
                <td>{j.finishedAt}</td>
                <td>{j.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
