import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the catalogue feature. Paths to files are relative to the app directory (src/web).
export const cataloguePages: RouteConfigEntry[] = [
  route('search', 'catalogue/pages/search.tsx'),
  route('records/:recordId', 'catalogue/pages/record.tsx'),
  route('records/:recordId/images/:imageId', 'catalogue/pages/viewer.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const catalogueAdmin: RouteConfigEntry[] = [
  route('admin/catalogue/import', 'catalogue/admin/import.tsx'),
  route('admin/catalogue/import/tabular', 'catalogue/admin/tabular.tsx'),
  route('admin/catalogue/import/tabular/:importId', 'catalogue/admin/tabular-mapping.tsx'),
  route('admin/catalogue/import/tabular/:importId/progress', 'catalogue/admin/tabular-job.tsx'),
  route('admin/catalogue/import/tabular/:importId/report.csv', 'catalogue/admin/tabular-report.ts'),
  route('admin/catalogue/import/:jobId', 'catalogue/admin/import-job.tsx'),
  route('admin/catalogue/harvest', 'catalogue/admin/harvest.tsx'),
  route('admin/catalogue/records/:recordId/images', 'catalogue/admin/record-images.tsx'),
  route('admin/catalogue/records/:recordId/images/new', 'catalogue/admin/record-image-new.tsx'),
];
