// The catalogue module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { mergePermissionTables } from '../../lib/authz.ts';
import { catalogueIds } from './catalogue.ids.server.ts';
import { cataloguePermissions } from './catalogue.policies.ts';
import { createCatalogueRepository } from './catalogue.repository.server.ts';
import { registerCatalogueRoutes } from './catalogue.routes.server.ts';
import { seedDemoCatalogue } from './catalogue.seed.server.ts';
import { catalogueIndicatorSources } from './catalogue-indicators.queries.server.ts';
import { registerCatalogueExportRoutes } from './export/export.routes.server.ts';
import {
  createHarvestJobHandler,
  HARVEST_JOB,
  HARVEST_SCHEDULE_JOB,
  harvestScheduleHandler,
} from './harvest/harvest.job.server.ts';
import { catalogueHarvestPermissions } from './harvest/harvest.policies.ts';
import { createCatalogueHarvestRepository } from './harvest/harvest.repository.server.ts';
import { createCatalogueImportRepository } from './marc/import.repository.server.ts';
import {
  enqueueUnfinishedMarcImports,
  FLUSH_PENDING_JOB,
  flushPendingPostingsJob,
  MARC_IMPORT_JOB,
  marcImportJob,
} from './marc/import.server.ts';
import { registerIiifRoutes } from './media/iiif.http.server.ts';
import { registerIiifImageRoutes } from './media/iiif-image.http.server.ts';
import { createCatalogueMediaRepository } from './media/media.repository.server.ts';
import { recordsSitemap, registerCatalogueOaiRoutes } from './oai/oai.http.server.ts';
import { createCatalogueOaiRepository } from './oai/oai.repository.server.ts';
import { createPostgresSearchIndex } from './search/search.server.ts';
import { tabularImportJob } from './tabular/csv.import.server.ts';
import { createCatalogueTabularRepository } from './tabular/csv.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  catalogue: createCatalogueRepository(),
  catalogueImports: createCatalogueImportRepository(),
  catalogueTabular: createCatalogueTabularRepository(),
  catalogueHarvest: createCatalogueHarvestRepository(),
  catalogueOai: createCatalogueOaiRepository(),
  catalogueSearch: createPostgresSearchIndex(),
  catalogueMedia: createCatalogueMediaRepository(),
});

export const feature: FeatureModule = {
  name: 'catalogue',
  idPrefixes: catalogueIds.prefixes,
  tables: [
    'catalogue_records',
    'catalogue_holdings',
    'catalogue_words',
    'catalogue_import_jobs',
    'catalogue_oai_items',
    'catalogue_harvest_sources',
    'catalogue_harvest_runs',
    'catalogue_tabular_imports',
    'catalogue_tabular_row_issues',
    'catalogue_search_docs',
    'catalogue_record_images',
    'catalogue_postings',
    'catalogue_title_pairs',
    'catalogue_postings_pending',
  ],
  repositories,
  permissions: mergePermissionTables(cataloguePermissions, catalogueHarvestPermissions),
  api: [registerCatalogueRoutes, registerCatalogueExportRoutes],
  http: [registerIiifRoutes, registerIiifImageRoutes, registerCatalogueOaiRoutes],
  sitemap: [recordsSitemap],
  jobLabels: {
    'catalogue.tabular.import': 'portal.jobKind.catalogueTabularImport',
    'catalogue.marc.import': 'portal.jobKind.catalogueMarcImport',
    'catalogue.harvest': 'portal.jobKind.catalogueHarvest',
    'catalogue.harvest.schedule': 'portal.jobKind.catalogueHarvestSchedule',
    'catalogue.flush-pending-postings': 'portal.jobKind.catalogueFlushPendingPostings',
  },
  jobs: {
    'catalogue.tabular.import': tabularImportJob,
    [MARC_IMPORT_JOB]: marcImportJob,
    [HARVEST_JOB]: createHarvestJobHandler(),
    [HARVEST_SCHEDULE_JOB]: harvestScheduleHandler,
    [FLUSH_PENDING_JOB]: flushPendingPostingsJob,
  },
  schedules: [
    { kind: HARVEST_SCHEDULE_JOB, dailyAt: '01:30' },
    { kind: FLUSH_PENDING_JOB, everyMinutes: 10 },
  ],
  // Not reference data: imports interrupted under the version that ran them in-process get a queue entry.
  seedReference: (deps) => enqueueUnfinishedMarcImports(deps),
  seedDemo: (deps) => seedDemoCatalogue(deps),
  indicatorSources: catalogueIndicatorSources,
  publicApi: [
    'GET /api/v1/catalogue/search',
    'GET /api/v1/catalogue/suggest',
    'GET /api/v1/catalogue/records/:recordId',
    'GET /api/v1/catalogue/export',
    'GET /oai',
    'POST /oai',
    'GET /sitemap.xml',
    'GET /sitemaps/:file',
    'GET /robots.txt',
    'GET /iiif/:recordId/manifest.json',
    'OPTIONS /iiif/:recordId/manifest.json',
    'GET /iiif/image/:fileId',
    'GET /iiif/image/:fileId/info.json',
    'GET /iiif/image/:fileId/:region/:size/:rotation/:qualityFormat',
  ],
  publicNav: [{ path: '/search', label: 'portal.nav.search', group: 'main' }],
  publicPages: ['catalogue/pages/search', 'catalogue/pages/record', 'catalogue/pages/viewer'],
  nav: [
    {
      path: '/admin/catalogue/import',
      label: 'catalogue.admin.nav',
      action: 'catalogue.import.list',
      group: 'content',
    },
    {
      path: '/admin/catalogue/import/tabular',
      label: 'catalogueTabular.nav',
      action: 'catalogue.import.list',
      group: 'content',
    },
    {
      path: '/admin/catalogue/harvest',
      label: 'catalogue.harvest.nav',
      action: 'catalogue.harvest.list',
      group: 'content',
    },
  ],
};
