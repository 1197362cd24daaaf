import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the learning record (lrs module). Paths to files are relative to the app directory (src/web).
export const learningRecordPages: RouteConfigEntry[] = [
  route('hoc-tap', 'learning-record/pages/record.tsx'),
  route('hoc-tap/in', 'learning-record/pages/print.tsx'),
  route('hoc-tap/xapi.json', 'learning-record/pages/export.ts'),
];

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const learningRecordAdmin: RouteConfigEntry[] = [
  route('admin/learning-record', 'learning-record/admin/aggregates.tsx'),
  route('admin/xapi-clients', 'learning-record/admin/clients.tsx'),
];
