// /feeds/news.rss and /feeds/news.atom (and /feeds/news/<category>.rss|.atom): public, cacheable, 304 on a
// matching If-None-Match. /admin/news/export.csv|.xlsx: the staff list as a download (same filters as the page).
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound, unauthenticated } from '../../lib/errors.ts';
import { exportArticles } from './news.export.server.ts';
import { newsFeed } from './news.public.usecases.server.ts';
import { StaffListQuerySchema } from './news.schemas.server.ts';

function split(file: string): { name: string; format: 'rss' | 'atom' } {
  const m = /^([a-z_]+)\.(rss|atom)$/.exec(file);
  if (!m) throw notFound('news.feed');
  return { name: m[1] as string, format: m[2] as 'rss' | 'atom' };
}

export function mountNewsRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  const serve = async (c: Context<HonoEnv>, format: 'rss' | 'atom', category: string | null) => {
    const doc = await newsFeed(deps, format, category);
    const headers = {
      'Content-Type': doc.contentType,
      'Cache-Control': 'public, max-age=300',
      ETag: doc.etag,
      'X-Content-Type-Options': 'nosniff',
    };
    const inm = c.req.header('if-none-match');
    if (inm?.split(/\s*,\s*/).includes(doc.etag)) return c.body(null, 304, headers);
    return c.body(doc.body, 200, headers);
  };
  app.get('/feeds/news.rss', (c) => serve(c, 'rss', null));
  app.get('/feeds/news.atom', (c) => serve(c, 'atom', null));
  app.get('/feeds/news/:file', (c) => {
    const { name, format } = split(c.req.param('file'));
    return serve(c, format, name);
  });
  app.get('/admin/news/export/:format', async (c) => {
    if (c.get('actor').kind !== 'user') throw unauthenticated();
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw notFound('news.export');
    const parsed = StaffListQuerySchema.safeParse(
      Object.fromEntries(
        ['q', 'status', 'category'].flatMap((k) => {
          const v = c.req.query(k)?.trim();
          return v ? [[k, v]] : [];
        }),
      ),
    );
    if (!parsed.success) return c.body(null, 400);
    const file = await exportArticles(deps, c.get('actor'), parsed.data, format);
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
