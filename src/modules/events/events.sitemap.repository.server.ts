// Published events for the sitemap (src/http/sitemaps.server.ts).
import { sql } from 'drizzle-orm';
import { tableSitemap } from '../../app/sitemap-sources.server.ts';

export const eventsSitemap = tableSitemap({
  name: 'events',
  table: 'events',
  where: sql`status = 'published'`,
  path: (id) => `/events/${id}`,
});
