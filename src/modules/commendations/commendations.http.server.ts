// /admin/commendations/export/csv|xlsx: the nomination list as a download (same filters as the page).
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { downloadHeaders } from '../../lib/spreadsheet.server.ts';
import { exportNominations } from './commendations.export.server.ts';
import { NominationListQuerySchema } from './commendations.usecases.server.ts';

export function mountCommendationsRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/admin/commendations/export/:format', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw notFound('commendations.export');
    const parsed = NominationListQuerySchema.safeParse(
      Object.fromEntries(
        ['q', 'status'].flatMap((k) => {
          const v = c.req.query(k)?.trim();
          return v ? [[k, v]] : [];
        }),
      ),
    );
    if (!parsed.success) return c.body(null, 400);
    const file = await exportNominations(deps, c.get('actor'), parsed.data, format);
    return c.body(file.body, 200, downloadHeaders(file));
  });
}
