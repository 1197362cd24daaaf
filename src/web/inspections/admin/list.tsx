// Back office: inspection plans the reader's units run or are inspected by, newest first, searched with folded
// Vietnamese, with their open and overdue follow-up actions; exported as CSV or XLSX with the same query.
import { scopeRoots } from '../../../app/policies.server.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { listInspectionPlans } from '../../../modules/inspections/inspections.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/list.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'inspections.plan.read').length === 0) throw new Response(null, { status: 403 });
  const q = new URL(request.url).searchParams.get('q')?.trim().slice(0, 200) || undefined;
  try {
    const rows = await listInspectionPlans(deps, actor, { q });
    return {
      q: q ?? '',
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
  const qs = loaderData.q ? `?${new URLSearchParams({ q: loaderData.q })}` : '';
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
      <form method="get" className="filters">
        <TextField
          id="i-q"
          label={t('inspections.search')}
          name="q"
          type="search"
          defaultValue={loaderData.q}
        />
        <button type="submit">{t('cooperation.filter.submit')}</button>
      </form>
      <p>
        <a href={`/admin/inspections/export/csv${qs}`}>{t('cooperation.export.csv')}</a> ·{' '}
        <a href={`/admin/inspections/export/xlsx${qs}`}>{t('cooperation.export.xlsx')}</a>
      </p>
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
