import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Back-office pages of the guidance library: rendered inside admin/layout.tsx (signed-in staff only). */
export const guidanceAdmin: RouteConfigEntry[] = [
  route('admin/guidance', 'guidance/admin/list.tsx'),
  route('admin/guidance/new', 'guidance/admin/new.tsx'),
  route('admin/guidance/:documentId', 'guidance/admin/detail.tsx'),
];
