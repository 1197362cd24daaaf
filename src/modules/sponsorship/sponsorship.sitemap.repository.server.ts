// The public thank-you page (/sponsors, both languages) for the sitemap (src/http/sitemaps.server.ts), with
// the last day its list could have changed: a consenting sponsor edited or a donation of one recorded.
import { sql } from 'drizzle-orm';
import { fixedPagesSitemap } from '../../app/sitemap-sources.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export const sponsorsSitemap = fixedPagesSitemap({
  name: 'sponsors',
  path: '/sponsors',
  async latest(deps) {
    const [r] = await queryRows<{ latest: unknown }>(
      deps.db,
      sql`SELECT greatest(
        (SELECT max(updated_at) FROM sponsors WHERE public_consent),
        (SELECT max(d.updated_at) FROM donations d JOIN sponsors s ON s.id = d.sponsor_id WHERE s.public_consent)
      ) AS latest`,
    );
    return toDate(r?.latest);
  },
});
