// Published events for the sitemap (src/http/sitemaps.server.ts).
import { sql } from 'drizzle-orm';
import type { SitemapSource } from '../../app/module.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export const eventsSitemap: SitemapSource = {
  name: 'events',
  async count(deps) {
    const [r] = await queryRows<{ n: number; latest: unknown }>(
      deps.db,
      sql`SELECT count(*)::int AS n, max(updated_at) AS latest FROM events WHERE status = 'published'`,
    );
    return { count: Number(r?.n ?? 0), latest: toDate(r?.latest) };
  },
  async page(deps, offset, limit) {
    const rows = await queryRows<{ id: string; updatedAt: unknown }>(
      deps.db,
      sql`SELECT id, updated_at AS "updatedAt" FROM events WHERE status = 'published'
        ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => ({ path: `/events/${r.id}`, lastmod: toDate(r.updatedAt) }));
  },
};
