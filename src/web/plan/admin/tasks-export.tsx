// Back office: the filtered task list (same query string as /admin/plan/tasks) as a CSV or XLSX download.
import { data } from 'react-router';
import { PlanTaskQuerySchema } from '../../../modules/plan/plan.schemas.server.ts';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportPlanTasks,
} from '../../../modules/plan/tasks/export.server.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/tasks-export.ts';

const FILTER_KEYS = ['phase', 'section', 'unit', 'year', 'q', 'status', 'overdue'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const format = params.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = PlanTaskQuerySchema.safeParse(raw);
  if (!parsed.success) throw data(null, { status: 400 });
  try {
    const file = await exportPlanTasks(deps, actor, parsed.data, format, locale);
    return new Response(file.body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    rethrowForPage(e);
  }
}
