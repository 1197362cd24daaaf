// Back office: one person's training record — courses, hours attended, certificates. Everyone sees their own;
// staff who read a unit's training record see the courses taken as staff of that unit.
import { formatIsoDay } from '../../../lib/dates.ts';
import { personRecord } from '../../../modules/training/training.records.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/person.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const r = await personRecord(deps, actor, params.userId);
    return {
      ...r,
      courses: r.courses.map((c) => ({
        ...c,
        dates: `${formatIsoDay(c.startsOn)} – ${formatIsoDay(c.endsOn)}`,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PersonRecord({ loaderData: r }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('training.person.title', { name: r.name })} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/training')}>{t('training.title')}</a>
      </p>
      <h1>{t('training.person.title', { name: r.name })}</h1>
      <p>
        {t('training.person.summary', {
          courses: r.courses.length,
          hours: r.totalHours,
          certificates: r.certificates,
        })}
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('training.caption', { count: r.courses.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.field.title')}</th>
              <th scope="col">{t('training.field.dates')}</th>
              <th scope="col">{t('training.col.hours')}</th>
              <th scope="col">{t('training.col.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {r.courses.map((c) => (
              <tr key={c.courseId}>
                <th scope="row">
                  <a href={href(`/admin/training/${c.courseId}`)}>{c.title}</a>
                  <span className="muted"> — {t(`training.level.${c.organiserLevel}`)}</span>
                </th>
                <td>{c.dates}</td>
                <td>{c.hours}</td>
                <td>
                  {c.certificateFileId ? (
                    <a href={`/admin/training/${c.courseId}/certificates/${r.userId}`}>
                      {c.certificateNo ?? t('training.certificate.open')}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
