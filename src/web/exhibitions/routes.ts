import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the exhibitions feature. Paths to files are relative to the app directory (src/web).
export const exhibitionsPages: RouteConfigEntry[] = [
  route('exhibitions', 'exhibitions/pages/exhibitions.tsx'),
  route('exhibitions/:slugOrId/:section?', 'exhibitions/pages/exhibition.tsx'),
  route('exhibitions/:slugOrId/images/:itemId', 'exhibitions/pages/exhibition-image.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const exhibitionsAdmin: RouteConfigEntry[] = [
  route('admin/exhibitions', 'exhibitions/admin/exhibitions.tsx'),
  route('admin/exhibitions/:exhibitionId', 'exhibitions/admin/exhibition.tsx'),
  route(
    'admin/exhibitions/:exhibitionId/sections/:sectionId/image',
    'exhibitions/admin/exhibition-image.tsx',
  ),
];
