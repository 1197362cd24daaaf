// Published learning paths as public records: the sitemap's `learning` file and the catalogue search's
// "learning path" hits (src/app/module.ts: sitemap, searchSources). Only this module reads its tables.
import { sql } from 'drizzle-orm';
import type { SearchSource } from '../../app/module.ts';
import { tableSitemap } from '../../app/sitemap-sources.server.ts';
import { queryRows } from '../../db/sql.server.ts';

export const learningSitemap = tableSitemap({
  name: 'learning',
  table: 'learning_paths',
  where: sql`status = 'published'`,
  path: (id) => `/learn/paths/${id}`,
});

/** At most this many words of a query are matched (the catalogue search bounds its queries likewise). */
const MAX_WORDS = 8;

export const learningSearchSource: SearchSource = {
  type: 'learning_path',
  label: 'learning.search.type',
  async search(deps, q, { offset, limit }) {
    const words = q
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
      .slice(0, MAX_WORDS);
    if (words.length === 0) return { total: 0, hits: [] };
    const text = sql`vn_fold(title || ' ' || summary)`;
    const conditions = words.map((w) => sql`strpos(${text}, vn_fold(${w})) > 0`);
    const where = sql`status = 'published' AND ${sql.join(conditions, sql` AND `)}`;
    const [count] = await queryRows<{ n: number }>(
      deps.db,
      sql`SELECT count(*)::int AS n FROM learning_paths WHERE ${where}`,
    );
    const rows = await queryRows<{ id: string; title: string; summary: string; unitId: string }>(
      deps.db,
      sql`SELECT id, title, summary, unit_id AS "unitId" FROM learning_paths WHERE ${where}
        ORDER BY (strpos(vn_fold(title), vn_fold(${q})) > 0) DESC, published_at DESC, id
        LIMIT ${limit} OFFSET ${offset}`,
    );
    const hits = await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        title: r.title,
        summary: r.summary,
        path: `/learn/paths/${r.id}`,
        unitName: (await deps.repos.units.get(deps.db, r.unitId))?.name ?? null,
      })),
    );
    return { total: Number(count?.n ?? 0), hits };
  },
};
