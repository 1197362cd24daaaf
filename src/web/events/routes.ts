import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the events feature. Paths to files are relative to the app directory (src/web).
export const eventsPages: RouteConfigEntry[] = [
  route('events', 'events/pages/list.tsx'),
  route('events/tickets/:code', 'events/pages/ticket.tsx'),
  route('events/cancel', 'events/pages/cancel.tsx'),
  route('events/feedback', 'events/pages/feedback.tsx'),
  route('events/:eventId', 'events/pages/detail.tsx'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const eventsAdmin: RouteConfigEntry[] = [
  route('admin/events', 'events/admin/list.tsx'),
  route('admin/events/new', 'events/admin/new.tsx'),
  route('admin/events/:eventId', 'events/admin/detail.tsx'),
  route('admin/events/:eventId/check-in', 'events/admin/check-in.tsx'),
  route('admin/events/:eventId/image', 'events/admin/image.tsx'),
];
