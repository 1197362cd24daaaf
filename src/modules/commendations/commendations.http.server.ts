// /admin/commendations/export/csv|xlsx: the nomination list as a download (same filters as the page).
// /admin/commendations/<nomination>/evidence/<id>: one supporting-evidence file, to staff who may read the
// nomination (private, never cached; 404 to anyone else).
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { downloadHeaders } from '../../lib/spreadsheet.server.ts';
import { fileResponse } from '../files/files.http.server.ts';
import { evidenceFileId } from './commendations.evidence.server.ts';
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
  app.get('/admin/commendations/:nominationId/evidence/:evidenceId', async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'user') throw unauthenticated();
    const fileId = await evidenceFileId(deps, actor, c.req.param('nominationId'), c.req.param('evidenceId'));
    const res = await fileResponse(deps, fileId);
    if (!res) throw notFound('commendations.evidence');
    return res;
  });
}
