// /admin/inspections/export/csv|xlsx: the plan list as a download (same filter as the page).
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { downloadHeaders } from '../../lib/spreadsheet.server.ts';
import { exportInspectionPlans } from './inspections.export.server.ts';
import { PlanListQuerySchema } from './inspections.usecases.server.ts';

export function mountInspectionsRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/admin/inspections/export/:format', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw notFound('inspections.export');
    const q = c.req.query('q')?.trim();
    const parsed = PlanListQuerySchema.safeParse(q ? { q } : {});
    if (!parsed.success) return c.body(null, 400);
    const file = await exportInspectionPlans(deps, c.get('actor'), parsed.data, format);
    return c.body(file.body, 200, downloadHeaders(file));
  });
}
