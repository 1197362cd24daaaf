// Open places and active mobile-library routes for the sitemap (src/http/sitemaps.server.ts).
import { sql } from 'drizzle-orm';
import { tableSitemap } from '../../app/sitemap-sources.server.ts';

export const placesSitemap = tableSitemap({
  name: 'places',
  table: 'places',
  where: sql`status = 'active'`,
  path: (id) => `/places/${id}`,
});

export const mobileRoutesSitemap = tableSitemap({
  name: 'mobile-routes',
  table: 'mobile_library_routes',
  where: sql`status = 'active'`,
  path: (id) => `/places/mobile-routes/${id}`,
});
