import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

// Every page lives under an optional language segment: `/…` is Vietnamese, `/en/…` English.
// Back-office pages sit under routes/admin/layout.tsx, which requires a signed-in staff member.
export default [
  route(':lang?', 'routes/locale.tsx', [
    index('routes/home.tsx'),
    layout('routes/admin/layout.tsx', [
      route('admin', 'routes/admin/index.tsx'),
      route('admin/audit', 'routes/admin/audit.tsx'),
    ]),
    route('*', 'routes/not-found.tsx'),
  ]),
] satisfies RouteConfig;
