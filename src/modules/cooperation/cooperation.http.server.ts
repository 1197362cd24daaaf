// /admin/cooperation/export/csv|xlsx (the list as a download, same filters as the page) and
// /admin/cooperation/documents/<id> (a document's file, for whoever may read its activity).
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { downloadHeaders } from '../../lib/spreadsheet.server.ts';
import { fileResponse } from '../files/files.http.server.ts';
import { exportActivities } from './cooperation.export.server.ts';
import { ActivityListQuerySchema, documentFileFor } from './cooperation.usecases.server.ts';

export function mountCooperationRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/admin/cooperation/export/:format', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw notFound('cooperation.export');
    const parsed = ActivityListQuerySchema.safeParse(
      Object.fromEntries(
        ['q', 'kind'].flatMap((k) => {
          const v = c.req.query(k)?.trim();
          return v ? [[k, v]] : [];
        }),
      ),
    );
    if (!parsed.success) return c.body(null, 400);
    const file = await exportActivities(deps, c.get('actor'), parsed.data, format);
    return c.body(file.body, 200, downloadHeaders(file));
  });
  app.get('/admin/cooperation/documents/:documentId', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const fileId = await documentFileFor(deps, c.get('actor'), c.req.param('documentId'));
    const res = await fileResponse(deps, fileId);
    if (!res) throw notFound('cooperation.document');
    return res;
  });
}
