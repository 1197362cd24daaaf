// Back office: inspection plans the reader's units run or are inspected by, newest first, searched with folded
// Vietnamese, with their open and overdue follow-up actions; exported as CSV or XLSX with the same query.
import { z } from 'zod';
import { scopeRoots } from '../../../app/policies.server.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { listInspectionPlans } from '../../../modules/inspections/inspections.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { readListQuery } from '../../ui/list-query.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ExportLinks, FilterForm } from '../../ui/RegisterList.tsx';
import type { Route } from './+types/list.ts';

// A longer search is cut, not refused (as before the list kit).
const Query = z.object({
  q: z
    .string()
    .transform((s) => s.slice(0, 200))
    .optional(),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'inspections.plan.read').length === 0) throw new Response(null, { status: 403 });
  const { query, search } = readListQuery(Query, new URL(request.url));
  try {
    const rows = await listInspectionPlans(deps, actor, query);
    return {
      q: query.q ?? '',
      search,
      canCreate: scopeRoots(actor, 'inspections.plan.create').length > 0,
      rows: rows.map((p) => ({
        id: p.id,
        title: p.title,
        unitName: p.unitName,
        targets: p.targetNames.join('; '),
        period: `${formatIsoDay(p.plannedFrom)} – ${formatIsoDay(p.plannedTo)}`,
        status: p.status,
        open: p.open,
        overdue: p.overdue,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function InspectionList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { rows } = loaderData;
  return (
    <>
      <title>{`${t('inspections.title')} — Suốt Đời`}</title>
      <h1>{t('inspections.title')}</h1>
      {loaderData.canCreate ? (
        <p>
          <a className="button" href={href('/admin/inspections/new')}>
            {t('inspections.new')}
          </a>
        </p>
      ) : null}
      <FilterForm>
        <TextField
          id="i-q"
          label={t('inspections.search')}
          name="q"
          type="search"
          defaultValue={loaderData.q}
        />
      </FilterForm>
      <ExportLinks base="/admin/inspections/export" search={loaderData.search} />
      <div className="table-wrap">
        <table>
          <caption>{t('inspections.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspections.field.title')}</th>
              <th scope="col">{t('inspections.field.targets')}</th>
              <th scope="col">{t('inspections.col.period')}</th>
              <th scope="col">{t('inspections.col.status')}</th>
              <th scope="col">{t('inspections.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={href(`/admin/inspections/${p.id}`)}>{p.title}</a>
                  <span className="muted"> — {p.unitName}</span>
                </th>
                <td>{p.targets}</td>
                <td>{p.period}</td>
                <td>{t(`inspections.status.${p.status}`)}</td>
                <td>
                  {p.open}
                  {p.overdue > 0 ? (
                    <strong> ({t('inspections.overdueCount', { count: p.overdue })})</strong>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
