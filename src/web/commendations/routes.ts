import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Public pages of commendations: the honour roll. */
export const commendationsPages: RouteConfigEntry[] = [
  route('honour-roll', 'commendations/pages/honour-roll.tsx'),
];

/** Back-office pages of commendations: rendered inside admin/layout.tsx (signed-in staff only). */
export const commendationsAdmin: RouteConfigEntry[] = [
  route('admin/commendations', 'commendations/admin/list.tsx'),
  route('admin/commendations/new', 'commendations/admin/new.tsx'),
  route('admin/commendations/:nominationId', 'commendations/admin/detail.tsx'),
  route('admin/commendations/:nominationId/evidence', 'commendations/admin/evidence.tsx'),
];
