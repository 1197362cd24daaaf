// Back office: one dashboard table as CSV (figures, trend, per unit, per commemorative day) — a resource route.
import { data } from 'react-router';
import { yearInVietnam } from '../../../lib/dates.ts';
import { dashboard } from '../../../modules/indicators/indicators.dashboard.server.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readDashboardParams, toCsv } from '../indicators.view.ts';
import type { Route } from './+types/csv.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const params = readDashboardParams(url, yearInVietnam(deps.now()));
  const table = url.searchParams.get('table') ?? 'figures';
  if (!params || !['figures', 'trend', 'units', 'days'].includes(table)) throw data(null, { status: 400 });
  try {
    const d = await dashboard(deps, actor, {
      year: params.year,
      unitId: params.unit,
      set: params.set,
      indicator: params.indicator,
    });
    const rows: Array<Array<string | number | null>> =
      table === 'figures'
        ? [
            ['code', 'name', 'value', 'previous', 'target', 'met'],
            ...d.figures.map((f) => [
              f.code,
              f.nameVi,
              f.value,
              f.previous,
              f.target,
              f.met === null ? null : f.met ? 'yes' : 'no',
            ]),
          ]
        : table === 'trend'
          ? [['year', 'value', 'target'], ...d.trend.map((r) => [r.year, r.value, r.target])]
          : table === 'units'
            ? [['unit_id', 'unit', 'value'], ...d.byUnit.map((r) => [r.unitId, r.name, r.value])]
            : [
                ['day', 'name', 'value'],
                ...(d.byDay?.days ?? []).map((r) => [r.code, r.name, r.value]),
                ['other', '', d.byDay?.other ?? 0],
              ];
    return new Response(toCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="chi-tieu-${table}-${params.year}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    rethrowForPage(e);
  }
}
