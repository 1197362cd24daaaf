// Machine-facing catalogue endpoints outside /api/v1: the OAI-PMH provider (/oai, GET and form POST), and the
// published records' part of the sitemap (src/http/sitemaps.server.ts serves it).
import type { Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { SitemapSource } from '../../../app/module.ts';
import type { HonoEnv } from '../../../http/env.ts';
import { handleOai } from './oai-provider.server.ts';

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
}

/** Published records for the sitemap (src/http/sitemaps.server.ts), in OAI order. */
export const recordsSitemap: SitemapSource = {
  name: 'records',
  count: (deps) => deps.repos.catalogueOai.countPublished(deps.db),
  page: async (deps, offset, limit) =>
    (await deps.repos.catalogueOai.sitemapPage(deps.db, offset, limit)).map((r) => ({
      path: `/records/${r.recordId}`,
      lastmod: r.datestamp,
    })),
};
