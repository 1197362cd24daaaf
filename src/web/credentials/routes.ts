import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the credentials feature. Paths to files are relative to the app directory (src/web).
export const credentialsPages: RouteConfigEntry[] = [
  route('account/credentials', 'credentials/pages/mine.tsx'),
  route('credentials/:id', 'credentials/pages/verify.tsx'),
  route('credentials/:id/certificate', 'credentials/pages/certificate.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const credentialsAdmin: RouteConfigEntry[] = [
  route('admin/credentials', 'credentials/admin/list.tsx'),
  route('admin/credentials/:id', 'credentials/admin/detail.tsx'),
];
