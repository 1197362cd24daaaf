// Published exhibitions for the sitemap (src/http/sitemaps.server.ts), by their public slug.
import { sql } from 'drizzle-orm';
import type { SitemapSource } from '../../app/module.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export const exhibitionsSitemap: SitemapSource = {
  name: 'exhibitions',
  async count(deps) {
    const [r] = await queryRows<{ n: number; latest: unknown }>(
      deps.db,
      sql`SELECT count(*)::int AS n, max(updated_at) AS latest FROM exhibitions WHERE status = 'published'`,
    );
    return { count: Number(r?.n ?? 0), latest: toDate(r?.latest) };
  },
  async page(deps, offset, limit) {
    const rows = await queryRows<{ slug: string; updatedAt: unknown }>(
      deps.db,
      sql`SELECT slug, updated_at AS "updatedAt" FROM exhibitions WHERE status = 'published'
        ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => ({ path: `/exhibitions/${r.slug}`, lastmod: toDate(r.updatedAt) }));
  },
};
