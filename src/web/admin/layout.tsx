import { Outlet } from 'react-router';
import type { MessageKey } from '../../lib/i18n.ts';
import { scopeRoots } from '../../policies.ts';
import { requestContext } from '../context.ts';
import { requireStaff } from '../guards.ts';
import { useHref, useT } from '../i18n.ts';
import type { Route } from './+types/layout.ts';

export const middleware: Route.MiddlewareFunction[] = [requireStaff];

/** Back-office sections, each shown only to people holding a role that may open it somewhere. */
const SECTIONS: ReadonlyArray<{ path: string; label: MessageKey; action: string }> = [
  { path: '/admin/plan/my-work', label: 'planwork.myWork.nav', action: 'plan.task.read' },
  { path: '/admin/plan/tasks', label: 'plan.nav', action: 'plan.task.read' },
  { path: '/admin/plan/timeline', label: 'planTimeline.nav', action: 'plan.task.read' },
  { path: '/admin/plan/units', label: 'planTimeline.overview.nav', action: 'plan.task.read' },
  { path: '/admin/plan/budget', label: 'planBudget.nav', action: 'plan.budget.read' },
  { path: '/admin/units', label: 'units.nav', action: 'units.unit.read' },
  { path: '/admin/catalogue/import', label: 'catalogue.admin.nav', action: 'catalogue.import.list' },
  { path: '/admin/catalogue/import/tabular', label: 'catalogueTabular.nav', action: 'catalogue.import.list' },
  { path: '/admin/catalogue/harvest', label: 'catalogue.harvest.nav', action: 'catalogue.harvest.list' },
  { path: '/admin/exhibitions', label: 'exhibitions.nav', action: 'exhibitions.exhibition.list' },
  { path: '/admin/places', label: 'places.admin.nav', action: 'places.place.list' },
  { path: '/admin/events', label: 'events.nav', action: 'events.event.read' },
  { path: '/admin/users', label: 'access.nav.users', action: 'access.user.read' },
  { path: '/admin/settings/security', label: 'access.nav.security', action: 'auth.settings.update' },
  { path: '/admin/audit', label: 'admin.nav.audit', action: 'audit.log.read' },
  { path: '/admin/outbox', label: 'mail.outbox.nav', action: 'mail.outbox.read' },
  { path: '/admin/jobs', label: 'jobs.nav', action: 'jobs.read' },
  {
    path: '/admin/events/commemorative',
    label: 'eventFeeds.commemorative.nav',
    action: 'eventFeeds.commemorative.read',
  },
  {
    path: '/admin/events/subscriptions',
    label: 'eventFeeds.subscriptions.nav',
    action: 'eventFeeds.subscription.manage',
  },
];

export function loader({ context }: Route.LoaderArgs) {
  const { actor } = context.get(requestContext);
  return { sections: SECTIONS.filter((s) => scopeRoots(actor, s.action).length > 0).map((s) => s.path) };
}

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const visible = new Set(loaderData.sections);
  return (
    <div className="admin">
      <nav aria-label={t('admin.nav')} className="admin-nav">
        <ul>
          <li>
            <a href={href('/admin')}>{t('admin.dashboard')}</a>
          </li>
          {SECTIONS.filter((s) => visible.has(s.path)).map((s) => (
            <li key={s.path}>
              <a href={href(s.path)}>{t(s.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body">
        <Outlet />
      </div>
    </div>
  );
}
