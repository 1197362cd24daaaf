import { type RouteConfigEntry, route } from '@react-router/dev/routes';

// Pages of the plan feature. Paths to files are relative to the app directory (src/web).

/** Back-office pages: rendered inside admin/layout.tsx (signed-in staff only). */
export const planAdmin: RouteConfigEntry[] = [
  route('admin/plan/tasks', 'plan/admin/tasks.tsx'),
  route('admin/plan/tasks/new', 'plan/admin/task-new.tsx'),
  route('admin/plan/tasks/:taskId', 'plan/admin/task.tsx'),
  route('admin/plan/timeline', 'plan/admin/timeline.tsx'),
  route('admin/plan/budget', 'plan/admin/budget.tsx'),
  route('admin/plan/budget/export.xlsx', 'plan/admin/budget-export.ts'),
  route('admin/plan/budget/instances/:instanceId', 'plan/admin/budget-instance.tsx'),
  route('admin/plan/units/:unitId?', 'plan/admin/unit-overview.tsx'),
  route('admin/plan/my-work', 'plan/admin/my-work.tsx'),
  route('admin/plan/tasks/export/:format', 'plan/admin/tasks-export.tsx'),
  route('admin/plan/instances/:instanceId', 'plan/admin/instance.tsx'),
  route('admin/plan/instances/:instanceId/evidence', 'plan/admin/evidence-upload.tsx'),
  route('admin/plan/instances/:instanceId/evidence/:evidenceId', 'plan/admin/evidence-file.tsx'),
];
