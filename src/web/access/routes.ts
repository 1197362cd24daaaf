import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the access feature. Paths to files are relative to the app directory (src/web).

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const accessAdmin: RouteConfigEntry[] = [
  route('admin/users', 'access/admin/users.tsx'),
  route('admin/users/:userId', 'access/admin/user.tsx'),
  route('admin/settings/security', 'access/admin/security.tsx'),
];
