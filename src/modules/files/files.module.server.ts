// The files module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { registerMediaRoutes } from './files.http.server.ts';
import { filesIds } from './files.ids.server.ts';
import { createFilesRepository } from './files.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({ files: createFilesRepository() });

export const feature: FeatureModule = {
  name: 'files',
  idPrefixes: filesIds.prefixes,
  tables: ['stored_files'],
  publishedViews: ['stored_file_directory'],
  repositories,
  http: [registerMediaRoutes],
  // Public stored files (images); private ones answer 404 there and are served by their module's route.
  publicApi: ['GET /media/:fileId/:variant'],
};
