import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the places feature. Paths to files are relative to the app directory (src/web).
export const placesPages: RouteConfigEntry[] = [
  route('places', 'places/pages/list.tsx'),
  route('places/mobile-routes/:routeId', 'places/pages/mobile-route.tsx'),
  route('places/:placeId', 'places/pages/detail.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const placesAdmin: RouteConfigEntry[] = [
  route('admin/places', 'places/admin/list.tsx'),
  route('admin/places/new', 'places/admin/new.tsx'),
  route('admin/places/map', 'places/admin/map.tsx'),
  route('admin/places/routes/:routeId', 'places/admin/mobile-routes-edit.tsx'),
  route('admin/places/:placeId', 'places/admin/edit.tsx'),
  route('admin/places/:placeId/photos', 'places/admin/photos.tsx'),
];
