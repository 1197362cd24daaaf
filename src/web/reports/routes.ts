import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the reports feature (back office). Paths to files are relative to the app directory (src/web).
export const reportsAdmin: RouteConfigEntry[] = [
  route('admin/reports', 'reports/admin/periods.tsx'),
  route('admin/reports/generations/:generationId', 'reports/admin/generation.tsx'),
  route('admin/reports/documents/:documentId', 'reports/admin/document.ts'),
  route('admin/reports/units/:unitId', 'reports/admin/unit.tsx'),
  route('admin/reports/:period', 'reports/admin/period.tsx'),
  route('admin/reports/:period/units/:unitId', 'reports/admin/submission.tsx'),
  route('admin/reports/:period/units/:unitId/evidence', 'reports/admin/evidence.ts'),
  route('admin/reports/:period/units/:unitId/evidence/:evidenceId', 'reports/admin/evidence-file.ts'),
];
