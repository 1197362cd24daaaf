// The places module: what it contributes to the platform (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { createMobileRoutesRepository } from './places.mobile.repository.server.ts';
import { placePermissions } from './places.policies.ts';
import { createPlacesRepository } from './places.repository.server.ts';
import { registerPlaceRoutes } from './places.routes.server.ts';
import { seedDemoPlaces } from './places.seed.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  places: createPlacesRepository(),
  mobileRoutes: createMobileRoutesRepository(),
});

export const feature: FeatureModule = {
  name: 'places',
  repositories,
  permissions: placePermissions,
  api: [registerPlaceRoutes],
  seedDemo: seedDemoPlaces,
  publicApi: [
    'GET /api/v1/places',
    'GET /api/v1/places/:placeId',
    'GET /api/v1/mobile-library-routes',
    'GET /api/v1/mobile-library-routes/:routeId',
  ],
  publicPages: ['places/pages/list', 'places/pages/detail', 'places/pages/mobile-route'],
  nav: [{ path: '/admin/places', label: 'places.admin.nav', action: 'places.place.list', group: 'content' }],
};
