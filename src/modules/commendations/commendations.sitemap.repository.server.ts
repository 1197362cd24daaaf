// The public honour roll (/honour-roll, both languages) for the sitemap (src/http/sitemaps.server.ts), with
// the last time a decided nomination (the only ones it shows) changed.
import { sql } from 'drizzle-orm';
import { fixedPagesSitemap } from '../../app/sitemap-sources.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export const honourRollSitemap = fixedPagesSitemap({
  name: 'honour-roll',
  path: '/honour-roll',
  async latest(deps) {
    const [r] = await queryRows<{ latest: unknown }>(
      deps.db,
      sql`SELECT max(updated_at) AS latest FROM comm_nominations WHERE status = 'decided'`,
    );
    return toDate(r?.latest);
  },
});
