// /admin/training/export/csv|xlsx: the course list as a download (same filters as the page).
// /admin/training/<course>/certificates/<user>: a participant's certificate, to the person and to staff who
// may read the participant's unit's training record (private, never cached).
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import { can } from '../../app/policies.server.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { fileResponse } from '../files/files.http.server.ts';
import { exportCourses } from './training.export.server.ts';
import { ListQuerySchema } from './training.usecases.server.ts';

export function mountTrainingRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/admin/training/export/:format', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw notFound('training.export');
    const parsed = ListQuerySchema.safeParse(
      Object.fromEntries(
        ['q', 'level'].flatMap((k) => {
          const v = c.req.query(k)?.trim();
          return v ? [[k, v]] : [];
        }),
      ),
    );
    if (!parsed.success) return c.body(null, 400);
    const file = await exportCourses(deps, c.get('actor'), parsed.data, format);
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.get('/admin/training/:courseId/certificates/:userId', async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'user') throw unauthenticated();
    const record = await deps.repos.training.recordOf(deps.db, c.req.param('userId'));
    const row = record.find((r) => r.courseId === c.req.param('courseId'));
    const allowed =
      row &&
      (actor.userId === c.req.param('userId') || can(actor, 'training.record.read', { unitId: row.unitId }));
    if (!row?.certificateFileId || !allowed) throw notFound('training.certificate');
    const res = await fileResponse(deps, row.certificateFileId);
    if (!res) throw notFound('training.certificate');
    return res;
  });
}
