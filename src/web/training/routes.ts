import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Back-office pages of staff training: rendered inside admin/layout.tsx (signed-in staff only). */
export const trainingAdmin: RouteConfigEntry[] = [
  route('admin/training', 'training/admin/list.tsx'),
  route('admin/training/new', 'training/admin/new.tsx'),
  route('admin/training/people/:userId', 'training/admin/person.tsx'),
  route('admin/training/units', 'training/admin/unit.tsx'),
  route('admin/training/:courseId', 'training/admin/detail.tsx'),
  route('admin/training/:courseId/edit', 'training/admin/edit.tsx'),
  route('admin/training/:courseId/certificate', 'training/admin/certificate.tsx'),
];
