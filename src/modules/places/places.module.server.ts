// The places module: what it contributes to the platform (see src/app/module.ts).

import type { FeatureModule } from '../../app/module.ts';
import { placesIds } from './places.ids.server.ts';
import { createMobileRoutesRepository } from './places.mobile.repository.server.ts';
import { placePermissions } from './places.policies.ts';
import { createPlacesRepository } from './places.repository.server.ts';
import { mountRoutePagesOffline } from './places.route-offline.http.server.ts';
import { registerPlaceRoutes } from './places.routes.server.ts';
import { seedDemoPlaces } from './places.seed.server.ts';
import { mobileRoutesSitemap, placesSitemap } from './places.sitemap.repository.server.ts';
import { placeIndicatorSources } from './places-indicators.queries.server.ts';
import { createPlaceLookupRepository } from './places-lookup.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  places: createPlacesRepository(),
  mobileRoutes: createMobileRoutesRepository(),
  placeLookup: createPlaceLookupRepository(),
});

export const feature: FeatureModule = {
  name: 'places',
  idPrefixes: placesIds.prefixes,
  tables: [
    'places',
    'place_hours',
    'place_hours_exceptions',
    'mobile_library_routes',
    'mobile_library_stops',
    'mobile_library_stop_cancellations',
  ],
  repositories,
  permissions: placePermissions,
  api: [registerPlaceRoutes],
  http: [mountRoutePagesOffline],
  seedDemo: seedDemoPlaces,
  indicatorSources: placeIndicatorSources,
  publicApi: [
    'GET /api/v1/places',
    'GET /api/v1/places/:placeId',
    'GET /api/v1/mobile-library-routes',
    'GET /api/v1/mobile-library-routes/:routeId',
    // The route pages' offline service worker (places.route-offline.http.server.ts): a public script.
    'GET /places/mobile-routes/offline-sw.js',
    'GET /en/places/mobile-routes/offline-sw.js',
  ],
  sitemap: [placesSitemap, mobileRoutesSitemap],
  publicNav: [{ path: '/places', label: 'portal.nav.places', group: 'main' }],
  publicPages: ['places/pages/list', 'places/pages/detail', 'places/pages/mobile-route'],
  nav: [{ path: '/admin/places', label: 'places.admin.nav', action: 'places.place.list', group: 'content' }],
};
