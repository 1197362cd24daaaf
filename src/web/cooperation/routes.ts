import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Back-office pages of international cooperation: rendered inside admin/layout.tsx (signed-in staff only). */
export const cooperationAdmin: RouteConfigEntry[] = [
  route('admin/cooperation', 'cooperation/admin/list.tsx'),
  route('admin/cooperation/new', 'cooperation/admin/new.tsx'),
  route('admin/cooperation/partners', 'cooperation/admin/partners.tsx'),
  route('admin/cooperation/partners/:partnerId', 'cooperation/admin/partner.tsx'),
  route('admin/cooperation/:activityId', 'cooperation/admin/detail.tsx'),
  route('admin/cooperation/:activityId/documents', 'cooperation/admin/documents.tsx'),
];
