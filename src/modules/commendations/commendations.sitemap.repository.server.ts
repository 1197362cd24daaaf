// The public honour roll (/honour-roll, both languages) for the sitemap (src/http/sitemaps.server.ts), with
// the last time a decided nomination (the only ones it shows) changed.
import { sql } from 'drizzle-orm';
import type { SitemapSource } from '../../app/module.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

async function latest(deps: Parameters<SitemapSource['count']>[0]) {
  const [r] = await queryRows<{ latest: unknown }>(
    deps.db,
    sql`SELECT max(updated_at) AS latest FROM comm_nominations WHERE status = 'decided'`,
  );
  return toDate(r?.latest);
}

export const honourRollSitemap: SitemapSource = {
  name: 'honour-roll',
  covers: ['/honour-roll'],
  async count(deps) {
    return { count: 2, latest: await latest(deps) };
  },
  async page(deps, offset, limit) {
    const lastmod = await latest(deps);
    return [
      { path: '/honour-roll', lastmod },
      { path: '/en/honour-roll', lastmod },
    ].slice(offset, offset + limit);
  },
};
