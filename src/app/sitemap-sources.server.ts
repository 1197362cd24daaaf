// Two shapes every public module's sitemap source takes (src/http/sitemaps.server.ts reads them):
// - `tableSitemap`: one public page per row of the module's own table that a condition makes public, in id
//   order, with the row's `updated_at` as lastmod;
// - `fixedPagesSitemap`: a fixed public page in both languages whose lastmod the module computes.
// The module names its own table and condition; this file only shapes the count-and-page queries.
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, toDate } from '../db/sql.server.ts';
import type { AppDeps } from './deps.types.ts';
import type { SitemapEntry, SitemapSource } from './module.ts';

export interface TableSitemapOptions {
  name: string;
  /** The module's own table. */
  table: string;
  /** Which rows are public, e.g. sql`status = 'published'`. */
  where: SQL;
  /** The column that goes into the page path (default `id`). */
  key?: 'id' | 'slug';
  path: (key: string) => string;
}

export function tableSitemap(o: TableSitemapOptions): SitemapSource {
  const table = sql.identifier(o.table);
  const key = sql.identifier(o.key ?? 'id');
  return {
    name: o.name,
    async count(deps) {
      const [r] = await queryRows<{ n: number; latest: unknown }>(
        deps.db,
        sql`SELECT count(*)::int AS n, max(updated_at) AS latest FROM ${table} WHERE ${o.where}`,
      );
      return { count: Number(r?.n ?? 0), latest: toDate(r?.latest) };
    },
    async page(deps, offset, limit) {
      const rows = await queryRows<{ key: string; updatedAt: unknown }>(
        deps.db,
        sql`SELECT ${key} AS key, updated_at AS "updatedAt" FROM ${table} WHERE ${o.where}
          ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
      );
      return rows.map((r) => ({ path: o.path(r.key), lastmod: toDate(r.updatedAt) }));
    },
  };
}

export interface FixedPagesSitemapOptions {
  name: string;
  /** The page's locale-free path, e.g. `/sponsors`; its English twin is `/en` + path. */
  path: string;
  /** When what the page shows last changed. */
  latest: (deps: AppDeps) => Promise<Date | null>;
}

export function fixedPagesSitemap(o: FixedPagesSitemapOptions): SitemapSource {
  const entries = (lastmod: Date | null): SitemapEntry[] => [
    { path: o.path, lastmod },
    { path: `/en${o.path}`, lastmod },
  ];
  return {
    name: o.name,
    covers: [o.path],
    async count(deps) {
      return { count: 2, latest: await o.latest(deps) };
    },
    async page(deps, offset, limit) {
      return entries(await o.latest(deps)).slice(offset, offset + limit);
    },
  };
}
