// Back office: training courses of the units the actor reads, newest first, searched with folded Vietnamese
// (title, topic, organiser) and filtered by organiser level; CSV/XLSX export with the same query.
import { z } from 'zod';
import { formatIsoDay } from '../../../lib/dates.ts';
import { canCreateCourses, listCourses } from '../../../modules/training/training.usecases.server.ts';
import { ORGANISER_LEVELS } from '../../../modules/training/training.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { readListQuery } from '../../ui/list-query.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ExportLinks, FilterForm } from '../../ui/RegisterList.tsx';
import type { Route } from './+types/list.ts';

const Query = z.object({ q: z.string().max(200).optional(), level: z.enum(ORGANISER_LEVELS).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const { query, search } = readListQuery(Query, new URL(request.url));
  try {
    const rows = await listCourses(deps, actor, query);
    return {
      query,
      search,
      me: actor.kind === 'user' ? actor.userId : '',
      canCreate: canCreateCourses(actor),
      courses: rows.map((c) => ({
        id: c.id,
        title: c.title,
        level: c.organiserLevel,
        organiser: c.organiser,
        unitName: c.unitName,
        dates: `${formatIsoDay(c.startsOn)} – ${formatIsoDay(c.endsOn)}`,
        participants: c.participants,
        hours: c.hours,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function TrainingList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { query: q, courses } = loaderData;
  return (
    <>
      <title>{`${t('training.title')} — Suốt Đời`}</title>
      <h1>{t('training.title')}</h1>
      <ul className="plain-list">
        {loaderData.canCreate ? (
          <li>
            <a className="button" href={href('/admin/training/new')}>
              {t('training.new')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={href(`/admin/training/people/${loaderData.me}`)}>{t('training.myRecord')}</a>
        </li>
        <li>
          <a href={href('/admin/training/units')}>{t('training.unitRecord')}</a>
        </li>
      </ul>
      <FilterForm>
        <TextField id="tr-q" label={t('training.search')} name="q" type="search" defaultValue={q.q ?? ''} />
        <FilterSelect
          id="tr-level"
          name="level"
          label={t('training.field.level')}
          allLabel={t('ui.filter.all')}
          value={q.level}
          options={ORGANISER_LEVELS.map((l) => ({ value: l, label: t(`training.level.${l}`) }))}
        />
      </FilterForm>
      <ExportLinks base="/admin/training/export" search={loaderData.search} />
      <div className="table-wrap">
        <table>
          <caption>{t('training.caption', { count: courses.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.field.title')}</th>
              <th scope="col">{t('training.field.dates')}</th>
              <th scope="col">{t('training.field.unit')}</th>
              <th scope="col">{t('training.col.participants')}</th>
              <th scope="col">{t('training.col.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={href(`/admin/training/${c.id}`)}>{c.title}</a>
                  <span className="muted">
                    {' '}
                    — {t(`training.level.${c.level}`)}: {c.organiser}
                  </span>
                </th>
                <td>{c.dates}</td>
                <td>{c.unitName}</td>
                <td>{c.participants}</td>
                <td>{c.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
