import { Outlet } from 'react-router';
import { requireStaff } from '../../auth-guard.ts';
import { useHref, useT } from '../../i18n.ts';
import type { Route } from './+types/layout.ts';

export const middleware: Route.MiddlewareFunction[] = [requireStaff];

export default function AdminLayout() {
  const t = useT();
  const href = useHref();
  return (
    <div className="admin">
      <nav aria-label={t('admin.nav')} className="admin-nav">
        <ul>
          <li>
            <a href={href('/admin')}>{t('admin.dashboard')}</a>
          </li>
          <li>
            <a href={href('/admin/units')}>{t('units.nav')}</a>
          </li>
          <li>
            <a href={href('/admin/plan/tasks')}>{t('plan.nav')}</a>
          </li>
          <li>
            <a href={href('/admin/catalogue/import')}>{t('catalogue.admin.nav')}</a>
          </li>
          <li>
            <a href={href('/admin/audit')}>{t('admin.nav.audit')}</a>
          </li>
          <li>
            <a href={href('/admin/users')}>{t('access.nav.users')}</a>
          </li>
          <li>
            <a href={href('/admin/settings/security')}>{t('access.nav.security')}</a>
          </li>
        </ul>
      </nav>
      <div className="admin-body">
        <Outlet />
      </div>
    </div>
  );
}
