// The signed-in person's own data, everything every module holds, as a JSON or CSV download.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import { clientAddress } from '../../http/client-address.server.ts';
import type { HonoEnv } from '../../http/env.ts';
import { AppError } from '../../lib/errors.ts';
import { downloadGuestExport } from './privacy.guest-export.server.ts';
import { exportForRequest, exportPersonalData, exportToCsv, subjectOf } from './privacy.usecases.server.ts';

export function mountPrivacyRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/account/privacy/:file', async (c) => {
    // Who first (anonymous → 401), then what.
    const subject = await subjectOf(deps, c.get('actor'));
    const format = /^export\.(json|csv)$/.exec(c.req.param('file'))?.[1];
    if (format !== 'json' && format !== 'csv') throw new AppError('privacy.format', 404, 'error.notFound');
    const data = await exportPersonalData(deps, subject);
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

  // Staff answer a guest's access request with everything held about the contact the guest verified.
  app.get('/admin/privacy/requests/:id/export.json', async (c) => {
    const data = await exportForRequest(deps, c.get('actor'), c.req.param('id'));
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="du-lieu-ca-nhan-${c.req.param('id')}.json"`,
      'Content-Type': 'application/json; charset=utf-8',
    });
  });

  // A guest's own download through the link their access request gave them (privacy.guest-export.server.ts):
  // public, the token is the only credential; anything wrong is 404.
  app.get('/privacy/export/:token/:file', async (c) => {
    const format = /^du-lieu-ca-nhan\.(json|csv)$/.exec(c.req.param('file'))?.[1];
    if (format !== 'json' && format !== 'csv') throw new AppError('privacy.format', 404, 'error.notFound');
    const body = await downloadGuestExport(deps, {
      token: c.req.param('token'),
      format,
      ip: clientAddress(c),
    });
    return c.body(body, 200, {
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Disposition': `attachment; filename="du-lieu-ca-nhan.${format}"`,
      'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
    });
  });
}
