import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the privacy feature. Paths to files are relative to the app directory (src/web).
export const privacyPages: RouteConfigEntry[] = [
  route('account/privacy', 'privacy/pages/account-privacy.tsx'),
  route('privacy/request', 'privacy/pages/guest-request.tsx'),
  route('privacy/export/:token', 'privacy/pages/guest-export.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const privacyAdmin: RouteConfigEntry[] = [
  route('admin/privacy', 'privacy/admin/queue.tsx'),
  route('admin/privacy/breaches', 'privacy/admin/breaches.tsx'),
  route('admin/privacy/retention', 'privacy/admin/retention.tsx'),
];
