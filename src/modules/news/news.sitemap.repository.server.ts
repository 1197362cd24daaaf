// Published news articles for the sitemap (src/http/sitemaps.server.ts): only what visitors may read
// (status `published`; drafts, articles in review, scheduled and withdrawn ones are not public), with the
// article's last change as lastmod.
import { sql } from 'drizzle-orm';
import type { SitemapSource } from '../../app/module.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export const newsSitemap: SitemapSource = {
  name: 'news',
  async count(deps) {
    const [r] = await queryRows<{ n: number; latest: unknown }>(
      deps.db,
      sql`SELECT count(*)::int AS n, max(updated_at) AS latest FROM news_articles WHERE status = 'published'`,
    );
    return { count: Number(r?.n ?? 0), latest: toDate(r?.latest) };
  },
  async page(deps, offset, limit) {
    const rows = await queryRows<{ id: string; updatedAt: unknown }>(
      deps.db,
      sql`SELECT id, updated_at AS "updatedAt" FROM news_articles WHERE status = 'published'
        ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => ({ path: `/news/${r.id}`, lastmod: toDate(r.updatedAt) }));
  },
};
