import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

// Every page lives under an optional language segment: `/…` is Vietnamese, `/en/…` English.
// Back-office pages sit under routes/admin/layout.tsx, which requires a signed-in staff member.
export default [
  route(':lang?', 'routes/locale.tsx', [
    index('routes/home.tsx'),
    route('sign-in', 'routes/sign-in.tsx'),
    route('two-factor', 'routes/two-factor.tsx'),
    route('sign-out', 'routes/sign-out.tsx'),
    route('forgot-password', 'routes/forgot-password.tsx'),
    route('reset-password', 'routes/reset-password.tsx'),
    route('account', 'routes/account.tsx'),
    route('account/two-factor', 'routes/account-two-factor.tsx'),
    route('account/notifications', 'routes/account-notifications.tsx'),
    layout('routes/admin/layout.tsx', [
      route('admin', 'routes/admin/index.tsx'),
      route('admin/plan/tasks', 'routes/admin/plan-tasks.tsx'),
      route('admin/plan/tasks/:taskId', 'routes/admin/plan-task.tsx'),
      route('admin/units', 'routes/admin/units.tsx'),
      route('admin/units/:unitId', 'routes/admin/unit.tsx'),
      route('admin/audit', 'routes/admin/audit.tsx'),
      route('admin/outbox', 'routes/admin/outbox.tsx'),
      route('admin/catalogue/import', 'routes/admin/catalogue-import.tsx'),
      route('admin/catalogue/import/:jobId', 'routes/admin/catalogue-import-job.tsx'),
      route('admin/users', 'routes/admin/users.tsx'),
      route('admin/users/:userId', 'routes/admin/user.tsx'),
      route('admin/settings/security', 'routes/admin/security.tsx'),
    ]),
    route('search', 'routes/catalogue-search.tsx'),
    route('records/:recordId', 'routes/catalogue-record.tsx'),
    route('*', 'routes/not-found.tsx'),
  ]),
] satisfies RouteConfig;
