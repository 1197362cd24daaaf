import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the units feature. Paths to files are relative to the app directory (src/web).

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const unitsAdmin: RouteConfigEntry[] = [
  route('admin/units', 'units/admin/units.tsx'),
  route('admin/units/:unitId', 'units/admin/unit.tsx'),
];
