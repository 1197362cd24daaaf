// Published exhibitions for the sitemap (src/http/sitemaps.server.ts), by their public slug.
import { sql } from 'drizzle-orm';
import { tableSitemap } from '../../app/sitemap-sources.server.ts';

export const exhibitionsSitemap = tableSitemap({
  name: 'exhibitions',
  table: 'exhibitions',
  where: sql`status = 'published'`,
  key: 'slug',
  path: (slug) => `/exhibitions/${slug}`,
});
