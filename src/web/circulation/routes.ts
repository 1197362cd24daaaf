import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the circulation feature. Paths to files are relative to the app directory (src/web).
export const circulationPages: RouteConfigEntry[] = [
  route('my/library', 'circulation/pages/my-library.tsx'),
  route('my/library/holds', 'circulation/pages/hold.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const circulationAdmin: RouteConfigEntry[] = [
  route('admin/circulation', 'circulation/admin/desk.tsx'),
  route('admin/circulation/readers/new', 'circulation/admin/reader-new.tsx'),
  route('admin/circulation/items/new', 'circulation/admin/item-new.tsx'),
  route('admin/circulation/stats', 'circulation/admin/stats.tsx'),
  route('admin/circulation/van', 'circulation/admin/van.tsx'),
  route('admin/circulation/rules', 'circulation/admin/rules.tsx'),
];
