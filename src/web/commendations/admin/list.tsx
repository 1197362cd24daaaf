// Back office: nominations of the units the reader may see, newest first, searched with folded Vietnamese
// (nominee, title, achievements, decision number), filtered by status; exported as CSV or XLSX.
import { z } from 'zod';
import { scopeRoots } from '../../../app/policies.server.ts';
import { listNominations } from '../../../modules/commendations/commendations.usecases.server.ts';
import { COMM_STATUSES } from '../../../modules/commendations/commendations.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { readListQuery } from '../../ui/list-query.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ExportLinks, FilterForm } from '../../ui/RegisterList.tsx';
import type { Route } from './+types/list.ts';

const Query = z.object({ q: z.string().max(200).optional(), status: z.enum(COMM_STATUSES).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'commendations.nomination.read').length === 0)
    throw new Response(null, { status: 403 });
  const { query, search } = readListQuery(Query, new URL(request.url));
  try {
    const rows = await listNominations(deps, actor, query);
    return {
      query,
      search,
      canCreate: scopeRoots(actor, 'commendations.nomination.create').length > 0,
      rows: rows.map((n) => ({
        id: n.id,
        nomineeName: n.nomineeName,
        nomineeKind: n.nomineeKind,
        title: n.title,
        category: n.category,
        unitName: n.unitName,
        status: n.status,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function NominationList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { query: q, rows } = loaderData;
  return (
    <>
      <title>{`${t('commendations.title')} — Suốt Đời`}</title>
      <h1>{t('commendations.title')}</h1>
      <p className="actions">
        {loaderData.canCreate ? (
          <a className="button" href={href('/admin/commendations/new')}>
            {t('commendations.new')}
          </a>
        ) : null}{' '}
        <a href={href('/honour-roll')}>{t('commendations.roll.title')}</a>
      </p>
      <FilterForm>
        <TextField
          id="cm-q"
          label={t('commendations.search')}
          name="q"
          type="search"
          defaultValue={q.q ?? ''}
        />
        <FilterSelect
          id="cm-status"
          name="status"
          label={t('commendations.col.status')}
          allLabel={t('ui.filter.all')}
          value={q.status}
          options={COMM_STATUSES.map((s) => ({ value: s, label: t(`commendations.status.${s}`) }))}
        />
      </FilterForm>
      <ExportLinks base="/admin/commendations/export" search={loaderData.search} />
      <div className="table-wrap">
        <table>
          <caption>{t('commendations.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commendations.field.nomineeName')}</th>
              <th scope="col">{t('commendations.field.title')}</th>
              <th scope="col">{t('commendations.field.unit')}</th>
              <th scope="col">{t('commendations.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  <a href={href(`/admin/commendations/${n.id}`)}>{n.nomineeName}</a>
                  <span className="muted"> — {t(`commendations.nomineeKind.${n.nomineeKind}`)}</span>
                </th>
                <td>
                  {n.title} <span className="muted">({t(`commendations.category.${n.category}`)})</span>
                </td>
                <td>{n.unitName}</td>
                <td>{t(`commendations.status.${n.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
