import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of "Công dân học tập". Paths to files are relative to the app directory (src/web).
export const citizenPages: RouteConfigEntry[] = [route('account/citizen', 'citizen/pages/my-citizen.tsx')];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const citizenAdmin: RouteConfigEntry[] = [
  route('admin/citizen', 'citizen/admin/review.tsx'),
  route('admin/citizen/scheme', 'citizen/admin/scheme.tsx'),
];
