// The public thank-you page (/sponsors, both languages) for the sitemap (src/http/sitemaps.server.ts), with
// the last day its list could have changed: a consenting sponsor edited or a donation of one recorded.
import { sql } from 'drizzle-orm';
import type { SitemapSource } from '../../app/module.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

async function latest(deps: Parameters<SitemapSource['count']>[0]) {
  const [r] = await queryRows<{ latest: unknown }>(
    deps.db,
    sql`SELECT greatest(
      (SELECT max(updated_at) FROM sponsors WHERE public_consent),
      (SELECT max(d.updated_at) FROM donations d JOIN sponsors s ON s.id = d.sponsor_id WHERE s.public_consent)
    ) AS latest`,
  );
  return toDate(r?.latest);
}

export const sponsorsSitemap: SitemapSource = {
  name: 'sponsors',
  covers: ['/sponsors'],
  async count(deps) {
    return { count: 2, latest: await latest(deps) };
  },
  async page(deps, offset, limit) {
    const lastmod = await latest(deps);
    return [
      { path: '/sponsors', lastmod },
      { path: '/en/sponsors', lastmod },
    ].slice(offset, offset + limit);
  },
};
