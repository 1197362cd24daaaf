// /admin/sponsorship/export/csv|xlsx: the donation list as a download (same filters as the page).
// /admin/sponsorship/donations/<id>/letter.docx: the acknowledgement letter of one donation.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { exportDonations } from './sponsorship.export.server.ts';
import { acknowledgementLetter } from './sponsorship.letter.server.ts';
import { DonationQuerySchema } from './sponsorship.usecases.server.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function mountSponsorshipRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/admin/sponsorship/export/:format', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw notFound('sponsorship.export');
    const parsed = DonationQuerySchema.safeParse(
      Object.fromEntries(
        ['q', 'kind', 'year'].flatMap((k) => {
          const v = c.req.query(k)?.trim();
          return v ? [[k, v]] : [];
        }),
      ),
    );
    if (!parsed.success) return c.body(null, 400);
    const file = await exportDonations(deps, c.get('actor'), parsed.data, format);
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.get('/admin/sponsorship/donations/:donationId/letter.docx', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const file = await acknowledgementLetter(deps, c.get('actor'), c.req.param('donationId'));
    return c.body(file.body, 200, {
      'Content-Type': DOCX,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
