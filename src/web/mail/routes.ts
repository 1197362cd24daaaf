import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the mail feature. Paths to files are relative to the app directory (src/web).

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const mailAdmin: RouteConfigEntry[] = [route('admin/outbox', 'mail/admin/outbox.tsx')];
