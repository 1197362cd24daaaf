import { Outlet } from 'react-router';
import { scopeRoots } from '../../app/policies.server.ts';
import { adminNav } from '../../app/registries.server.ts';
import { messagesFor } from '../../lib/i18n.server.ts';
import { requestContext } from '../context.ts';
import { requireStaff } from '../guards.ts';
import { useHref, useT } from '../i18n.ts';
import type { Route } from './+types/layout.ts';

export const middleware: Route.MiddlewareFunction[] = [requireStaff];

export function loader({ context }: Route.LoaderArgs) {
  const { actor, locale } = context.get(requestContext);
  // Each module contributes its menu entries (FeatureModule.nav), shown to whoever may open them somewhere.
  const sections = adminNav
    .filter((s) => scopeRoots(actor, s.action).length > 0)
    .map((s) => ({ path: s.path, label: s.label }));
  // The menu's text, for a page below that hydrates (ADR 0002).
  const messages = messagesFor(locale, ['admin.nav', 'admin.dashboard', ...sections.map((s) => s.label)]);
  return { sections, messages };
}

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <div className="admin">
      <nav aria-label={t('admin.nav')} className="admin-nav">
        {/* Folded on a phone (opens without JavaScript); always open beside the page on a wide screen. */}
        <details className="admin-menu">
          <summary>{t('admin.nav')}</summary>
          <ul>
            <li>
              <a href={href('/admin')}>{t('admin.dashboard')}</a>
            </li>
            {loaderData.sections.map((s) => (
              <li key={s.path}>
                <a href={href(s.path)}>{t(s.label)}</a>
              </li>
            ))}
          </ul>
        </details>
      </nav>
      <div className="admin-body">
        <Outlet />
      </div>
    </div>
  );
}
