import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the audit feature. Paths to files are relative to the app directory (src/web).

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const auditAdmin: RouteConfigEntry[] = [route('admin/audit', 'audit/admin/audit.tsx')];
