// The exhibitions module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { exhibitionsIds } from './exhibitions.ids.server.ts';
import { exhibitionPermissions } from './exhibitions.policies.ts';
import { createExhibitionsRepository } from './exhibitions.repository.server.ts';
import { registerExhibitionRoutes } from './exhibitions.routes.server.ts';
import { seedDemoExhibitions } from './exhibitions.seed.server.ts';
import { exhibitionsSitemap } from './exhibitions.sitemap.repository.server.ts';
import { exhibitionIndicatorSources } from './exhibitions-indicators.queries.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ exhibitions: createExhibitionsRepository() });

export const feature: FeatureModule = {
  name: 'exhibitions',
  idPrefixes: exhibitionsIds.prefixes,
  tables: ['exhibitions', 'exhibition_sections', 'exhibition_items'],
  repositories,
  permissions: exhibitionPermissions,
  api: [registerExhibitionRoutes],
  seedDemo: seedDemoExhibitions,
  indicatorSources: exhibitionIndicatorSources,
  publicApi: ['GET /api/v1/exhibitions', 'GET /api/v1/exhibitions/:slugOrId'],
  sitemap: [exhibitionsSitemap],
  publicNav: [{ path: '/exhibitions', label: 'portal.nav.exhibitions', group: 'main' }],
  publicPages: [
    'exhibitions/pages/exhibitions',
    'exhibitions/pages/exhibition',
    'exhibitions/pages/exhibition-image',
  ],
  nav: [
    {
      path: '/admin/exhibitions',
      label: 'exhibitions.nav',
      action: 'exhibitions.exhibition.list',
      group: 'content',
    },
  ],
};
