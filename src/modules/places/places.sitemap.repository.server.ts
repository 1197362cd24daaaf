// Open places and active mobile-library routes for the sitemap (src/http/sitemaps.server.ts).
import { sql } from 'drizzle-orm';
import type { SitemapSource } from '../../app/module.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export const placesSitemap: SitemapSource = {
  name: 'places',
  async count(deps) {
    const [r] = await queryRows<{ n: number; latest: unknown }>(
      deps.db,
      sql`SELECT count(*)::int AS n, max(updated_at) AS latest FROM places WHERE status = 'active'`,
    );
    return { count: Number(r?.n ?? 0), latest: toDate(r?.latest) };
  },
  async page(deps, offset, limit) {
    const rows = await queryRows<{ id: string; updatedAt: unknown }>(
      deps.db,
      sql`SELECT id, updated_at AS "updatedAt" FROM places WHERE status = 'active'
        ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => ({ path: `/places/${r.id}`, lastmod: toDate(r.updatedAt) }));
  },
};

export const mobileRoutesSitemap: SitemapSource = {
  name: 'mobile-routes',
  async count(deps) {
    const [r] = await queryRows<{ n: number; latest: unknown }>(
      deps.db,
      sql`SELECT count(*)::int AS n, max(updated_at) AS latest FROM mobile_library_routes WHERE status = 'active'`,
    );
    return { count: Number(r?.n ?? 0), latest: toDate(r?.latest) };
  },
  async page(deps, offset, limit) {
    const rows = await queryRows<{ id: string; updatedAt: unknown }>(
      deps.db,
      sql`SELECT id, updated_at AS "updatedAt" FROM mobile_library_routes WHERE status = 'active'
        ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => ({ path: `/places/mobile-routes/${r.id}`, lastmod: toDate(r.updatedAt) }));
  },
};
