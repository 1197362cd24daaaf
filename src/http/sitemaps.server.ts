// /robots.txt and the sitemap of every public page the modules contribute (src/app/module.ts `sitemap`):
// /sitemap.xml is a sitemap index with one or more files per source (/sitemaps/<source>-<n>.xml, at most
// 50,000 URLs each, as sitemaps.org allows), plus /sitemaps/pages-1.xml for the home and the public menu.
import type { Hono } from 'hono';
import type { AppDeps } from '../app/deps.types.ts';
import type { SitemapEntry, SitemapSource } from '../app/module.ts';
import { publicNav, sitemapSources } from '../app/registries.server.ts';
import type { HonoEnv } from './env.ts';

export const SITEMAP_PAGE = 50_000;

const XML = { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' };
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const esc = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
/** W3C datetime, seconds, UTC (sitemaps.org lastmod). */
const w3c = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** The home page and the public menu's pages, in both languages. */
const pagesSource: SitemapSource = {
  name: 'pages',
  count: async () => ({ count: 1, latest: null }),
  page: async () => {
    const covered = new Set(sitemapSources.flatMap((s) => s.covers ?? []));
    const paths = [
      '/',
      ...new Set(
        publicNav
          .filter((n) => (n.audience ?? 'everyone') === 'everyone' && !covered.has(n.path))
          .map((n) => n.path),
      ),
    ];
    return paths.flatMap((path) => [{ path }, { path: path === '/' ? '/en' : `/en${path}` }]);
  },
};

function sources(): SitemapSource[] {
  return [pagesSource, ...sitemapSources];
}

export function registerSitemaps(app: Hono<HonoEnv>, deps: AppDeps): void {
  const base = deps.config.publicUrl;

  app.get('/robots.txt', (c) =>
    c.body(
      [
        'User-agent: *',
        'Disallow: /admin',
        'Disallow: /en/admin',
        'Disallow: /account',
        'Disallow: /en/account',
        'Disallow: /api/',
        'Disallow: /oai',
        '',
        `Sitemap: ${base}/sitemap.xml`,
        '',
      ].join('\n'),
      200,
      { ...TEXT, 'cache-control': 'public, max-age=3600' },
    ),
  );

  app.get('/sitemap.xml', async (c) => {
    const entries: string[] = [];
    for (const source of sources()) {
      const { count, latest } = await source.count(deps);
      const files = Math.max(1, Math.ceil(count / SITEMAP_PAGE));
      if (count === 0) continue;
      const lastmod = latest ? `<lastmod>${w3c(latest)}</lastmod>` : '';
      for (let i = 1; i <= files; i++)
        entries.push(
          `<sitemap><loc>${esc(`${base}/sitemaps/${source.name}-${i}.xml`)}</loc>${lastmod}</sitemap>`,
        );
    }
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`,
      200,
      XML,
    );
  });

  app.get('/sitemaps/:file', async (c) => {
    const m = /^([a-z][a-z0-9-]*)-([1-9]\d{0,5})\.xml$/.exec(c.req.param('file'));
    const source = m ? sources().find((s) => s.name === m[1]) : undefined;
    if (!m || !source) return c.body('Not found', 404, TEXT);
    const page = Number(m[2]) - 1;
    const { count } = await source.count(deps);
    if (page * SITEMAP_PAGE >= count) return c.body('Not found', 404, TEXT);
    const rows: SitemapEntry[] = await source.page(deps, page * SITEMAP_PAGE, SITEMAP_PAGE);
    const urls = rows.map(
      (r) =>
        `<url><loc>${esc(`${base}${r.path === '/' ? '/' : r.path}`)}</loc>${r.lastmod ? `<lastmod>${w3c(r.lastmod)}</lastmod>` : ''}</url>`,
    );
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
      200,
      XML,
    );
  });
}
