import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Back-office pages of inspections: rendered inside admin/layout.tsx (signed-in staff only). */
export const inspectionsAdmin: RouteConfigEntry[] = [
  route('admin/inspections', 'inspections/admin/list.tsx'),
  route('admin/inspections/new', 'inspections/admin/new.tsx'),
  route('admin/inspections/:planId', 'inspections/admin/detail.tsx'),
];
