// The signed-in person's own data, everything every module holds, as a JSON or CSV download.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { AppError } from '../../lib/errors.ts';
import { exportPersonalData, exportToCsv, subjectOf } from './privacy.usecases.server.ts';

export function mountPrivacyRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/account/privacy/:file', async (c) => {
    const format = /^export\.(json|csv)$/.exec(c.req.param('file'))?.[1];
    if (format !== 'json' && format !== 'csv') throw new AppError('privacy.format', 404, 'error.notFound');
    const actor = c.get('actor');
    const data = await exportPersonalData(deps, await subjectOf(deps, actor));
    const headers = {
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="du-lieu-ca-nhan.${format}"`,
    };
    return format === 'json'
      ? c.body(JSON.stringify(data, null, 2), 200, {
          ...headers,
          'Content-Type': 'application/json; charset=utf-8',
        })
      : c.body(exportToCsv(data), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
