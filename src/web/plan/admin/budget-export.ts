// Back office: the budget selection of /admin/plan/budget as an Excel workbook (a resource route: no page).
import { data } from 'react-router';
import { exportBudgetXlsx, XLSX_MIME } from '../../../modules/plan/budget/budget.export.server.ts';
import { BudgetQuerySchema } from '../../../modules/plan/budget/budget.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/budget-export.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of ['year', 'unit', 'source']) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = BudgetQuerySchema.safeParse(raw);
  if (!parsed.success) throw data(null, { status: 400 });
  try {
    const body = await exportBudgetXlsx(deps, actor, parsed.data, locale);
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': XLSX_MIME,
        'content-disposition': 'attachment; filename="du-toan-kinh-phi.xlsx"',
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (e) {
    rethrowForPage(e);
  }
}
