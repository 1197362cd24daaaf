import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the event-feeds feature. Paths to files are relative to the app directory (src/web).
export const eventFeedsPages: RouteConfigEntry[] = [
  route('events/calendar', 'event-feeds/pages/calendar.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const eventFeedsAdmin: RouteConfigEntry[] = [
  route('admin/events/commemorative', 'event-feeds/admin/commemorative.tsx'),
  route('admin/events/subscriptions', 'event-feeds/admin/subscriptions.tsx'),
];
