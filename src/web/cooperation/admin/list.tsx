// Back office: international cooperation activities of the units the reader may see, newest first, searched
// with folded Vietnamese (title, country, partners, outcomes, outside participants), filtered by kind, and
// exported as CSV or XLSX with the same query.
import { z } from 'zod';
import { scopeRoots } from '../../../app/policies.server.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { listActivities } from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { COOP_KINDS } from '../../../modules/cooperation/cooperation.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { readListQuery } from '../../ui/list-query.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ExportLinks, FilterForm } from '../../ui/RegisterList.tsx';
import type { Route } from './+types/list.ts';

const Query = z.object({ q: z.string().max(200).optional(), kind: z.enum(COOP_KINDS).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'cooperation.activity.read').length === 0) throw new Response(null, { status: 403 });
  const { query, search } = readListQuery(Query, new URL(request.url));
  try {
    const rows = await listActivities(deps, actor, query);
    return {
      query,
      search,
      canCreate: scopeRoots(actor, 'cooperation.activity.create').length > 0,
      rows: rows.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        countryName: a.countryName,
        partners: a.partnerNames.join('; '),
        unitName: a.unitName,
        starts: formatIsoDay(a.startsOn),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function CooperationList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { query: q, rows } = loaderData;
  return (
    <>
      <title>{`${t('cooperation.title')} — Suốt Đời`}</title>
      <h1>{t('cooperation.title')}</h1>
      <p className="actions">
        {loaderData.canCreate ? (
          <a className="button" href={href('/admin/cooperation/new')}>
            {t('cooperation.new')}
          </a>
        ) : null}{' '}
        <a href={href('/admin/cooperation/partners')}>{t('cooperation.partners.title')}</a>
      </p>
      <FilterForm>
        <TextField id="c-q" label={t('cooperation.search')} name="q" type="search" defaultValue={q.q ?? ''} />
        <FilterSelect
          id="c-kind"
          name="kind"
          label={t('cooperation.field.kind')}
          allLabel={t('ui.filter.all')}
          value={q.kind}
          options={COOP_KINDS.map((k) => ({ value: k, label: t(`cooperation.kind.${k}`) }))}
        />
      </FilterForm>
      <ExportLinks base="/admin/cooperation/export" search={loaderData.search} />
      <div className="table-wrap">
        <table>
          <caption>{t('cooperation.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cooperation.field.title')}</th>
              <th scope="col">{t('cooperation.field.country')}</th>
              <th scope="col">{t('cooperation.field.partners')}</th>
              <th scope="col">{t('cooperation.field.unit')}</th>
              <th scope="col">{t('cooperation.field.startsOn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={href(`/admin/cooperation/${a.id}`)}>{a.title}</a>
                  <span className="muted"> — {t(`cooperation.kind.${a.kind}`)}</span>
                </th>
                <td>{a.countryName}</td>
                <td>{a.partners}</td>
                <td>{a.unitName}</td>
                <td>{a.starts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
