// Published news articles for the sitemap (src/http/sitemaps.server.ts): only what visitors may read
// (status `published`; drafts, articles in review, scheduled and withdrawn ones are not public), with the
// article's last change as lastmod.
import { sql } from 'drizzle-orm';
import { tableSitemap } from '../../app/sitemap-sources.server.ts';

export const newsSitemap = tableSitemap({
  name: 'news',
  table: 'news_articles',
  where: sql`status = 'published'`,
  path: (id) => `/news/${id}`,
});
