import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the indicators feature (back office). Paths to files are relative to the app directory (src/web).
export const indicatorsAdmin: RouteConfigEntry[] = [
  route('admin/indicators', 'indicators/admin/dashboard.tsx'),
  route('admin/indicators/csv', 'indicators/admin/csv.ts'),
  route('admin/indicators/definitions', 'indicators/admin/definitions.tsx'),
  route('admin/indicators/definitions/:code', 'indicators/admin/definition.tsx'),
  route('admin/indicators/equity', 'indicators/admin/equity.tsx'),
  route('admin/indicators/equity/threshold', 'indicators/admin/equity-threshold.tsx'),
];
