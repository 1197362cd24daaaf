// Machine-facing catalogue endpoints outside /api/v1: the OAI-PMH provider (/oai, GET and form POST),
// /sitemap.xml (an index of 50,000-URL pages when the catalogue is large) and /robots.txt pointing at it.
import type { Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { HonoEnv } from '../../../http/env.ts';
import { handleOai } from './oai-provider.server.ts';
import { datestamp, esc } from './oai-xml.server.ts';

export const SITEMAP_PAGE = 50_000;

const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8' };

/** Without a valid admin address the provider is unavailable: a harvester never gets an invalid Identify. */
const UNAVAILABLE =
  'OAI-PMH tạm ngừng: quản trị viên cần đặt OAI_ADMIN_EMAIL (hoặc SMTP_FROM) là một địa chỉ email thật.\n' +
  'OAI-PMH is unavailable: the administrator must set OAI_ADMIN_EMAIL (or SMTP_FROM) to a real email address.\n';

export function registerCatalogueOaiRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.use('/oai', async (c, next) => {
    if (deps.config.oai.adminEmail) return next();
    return c.body(UNAVAILABLE, 503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '3600' });
  });
  app.get('/oai', async (c) => {
    const res = await handleOai(deps, new URL(c.req.url).searchParams, deps.now());
    return c.body(res.body, 200, XML_HEADERS);
  });
  app.post('/oai', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const params = /^application\/x-www-form-urlencoded\b/i.test(type)
      ? new URLSearchParams(await c.req.text())
      : new URLSearchParams();
    const res = await handleOai(deps, params, deps.now());
    return c.body(res.body, 200, XML_HEADERS);
  });

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
        `Sitemap: ${deps.config.publicUrl}/sitemap.xml`,
        '',
      ].join('\n'),
      200,
      { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' },
    ),
  );

  app.get('/sitemap.xml', async (c) => {
    const { count, latest } = await deps.repos.catalogueOai.countPublished(deps.db);
    const base = deps.config.publicUrl;
    const headers = { ...XML_HEADERS, 'cache-control': 'public, max-age=3600' };
    if (count + 3 <= SITEMAP_PAGE) return c.body(await urlset(deps, 0, true), 200, headers);
    const pages = Math.ceil(count / SITEMAP_PAGE);
    const lastmod = latest ? `<lastmod>${datestamp(latest)}</lastmod>` : '';
    const entries = Array.from(
      { length: pages },
      (_, i) => `<sitemap><loc>${esc(`${base}/sitemaps/records-${i + 1}.xml`)}</loc>${lastmod}</sitemap>`,
    );
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`,
      200,
      headers,
    );
  });

  app.get('/sitemaps/:file', async (c) => {
    const m = /^records-([1-9]\d{0,5})\.xml$/.exec(c.req.param('file'));
    if (!m) return c.body('Not found', 404, { 'content-type': 'text/plain; charset=utf-8' });
    const page = Number(m[1]) - 1;
    const { count } = await deps.repos.catalogueOai.countPublished(deps.db);
    if (page * SITEMAP_PAGE >= count && page > 0)
      return c.body('Not found', 404, { 'content-type': 'text/plain; charset=utf-8' });
    return c.body(await urlset(deps, page, false), 200, {
      ...XML_HEADERS,
      'cache-control': 'public, max-age=3600',
    });
  });
}

async function urlset(deps: AppDeps, page: number, withPages: boolean): Promise<string> {
  const base = deps.config.publicUrl;
  const rows = await deps.repos.catalogueOai.sitemapPage(deps.db, page, SITEMAP_PAGE);
  const url = (loc: string, lastmod?: Date) =>
    `<url><loc>${esc(loc)}</loc>${lastmod ? `<lastmod>${datestamp(lastmod)}</lastmod>` : ''}</url>`;
  const parts = withPages ? [url(`${base}/`), url(`${base}/search`), url(`${base}/en`)] : [];
  for (const r of rows) parts.push(url(`${base}/records/${r.recordId}`, r.datestamp));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join('')}</urlset>\n`;
}
