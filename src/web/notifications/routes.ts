import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the notifications feature. Paths to files are relative to the app directory (src/web).
export const notificationsPages: RouteConfigEntry[] = [
  route('account/notifications', 'notifications/pages/account-notifications.tsx'),
];
