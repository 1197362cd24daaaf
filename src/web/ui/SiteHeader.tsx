import { Form, useLocation } from 'react-router';
import { type Locale, type MessageKey, switchLocalePath } from '../../lib/i18n.ts';
import { useHref, useLocale, useT } from '../i18n.ts';
import type { SiteNavLink } from '../site/site-nav.ts';

/** The messages the header shows; the root loader hands them to hydrating pages (ADR 0002). */
export const SITE_HEADER_MESSAGES = [
  'nav.skipToContent',
  'nav.main',
  'nav.home',
  'nav.backOffice',
  'nav.account',
  'nav.signOut',
  'nav.signIn',
  'portal.nav.menu',
  'portal.nav.footer',
] as const satisfies readonly MessageKey[];

export interface HeaderUser {
  name: string;
  email: string;
  staff: boolean;
}

/**
 * The site header: brand, then one navigation landmark whose menu is a `<details>` (opens without JavaScript on a
 * phone; on a wide screen the stylesheet shows its links in a row), with sign-in and the language switch always
 * visible beside it. The links come from the modules' `publicNav` entries (group `main`).
 */
export function SiteHeader({
  departmentName,
  user,
  nav,
}: {
  departmentName: string;
  user: HeaderUser | null;
  nav: readonly SiteNavLink[];
}) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const location = useLocation();
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  // The current section: the longest menu path the address starts with (`/events/calendar` over `/events`).
  const here = location.pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  const active = ['/', ...nav.map((n) => n.path)]
    .filter((p) => here === p || (p !== '/' && here.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  const current = (path: string) => path === active;
  const item = (path: string, label: MessageKey) => (
    <li key={path}>
      <a href={href(path)} aria-current={current(path) ? 'page' : undefined}>
        {t(label)}
      </a>
    </li>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <div className="container header-row">
        <a className="brand" href={href('/')}>
          <span className="brand-name">Suốt Đời</span>
          <span className="brand-dept">{departmentName}</span>
        </a>
      </div>
      <nav aria-label={t('nav.main')} className="site-nav">
        <div className="container site-nav-row">
          <details className="site-menu">
            <summary>{t('portal.nav.menu')}</summary>
            <ul className="nav-list">
              {item('/', 'nav.home')}
              {nav.filter((n) => n.group === 'main').map((n) => item(n.path, n.label))}
              {user?.staff ? item('/admin', 'nav.backOffice') : null}
              {user ? item('/account', 'nav.account') : null}
              {user ? (
                <li>
                  <Form method="post" action={href('/sign-out')} className="inline-form">
                    <button type="submit" className="link-button">
                      {t('nav.signOut')}
                    </button>
                  </Form>
                </li>
              ) : null}
            </ul>
          </details>
          <ul className="nav-tools">
            {user ? null : (
              <li>
                <a href={href('/sign-in')}>{t('nav.signIn')}</a>
              </li>
            )}
            <li>
              <a
                href={switchLocalePath(location.pathname, location.search, other)}
                hrefLang={other}
                lang={other}
                className="lang-switch"
              >
                {other === 'en' ? 'English' : 'Tiếng Việt'}
              </a>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}

/** The site footer: the same menu, the site's own pages (contact, accessibility, privacy), the department. */
export function SiteFooter({
  departmentName,
  nav,
  program,
}: {
  departmentName: string;
  nav: readonly SiteNavLink[];
  program: string;
}) {
  const t = useT();
  const href = useHref();
  const links = (group: SiteNavLink['group']) =>
    nav
      .filter((n) => n.group === group)
      .map((n) => (
        <li key={n.path}>
          <a href={href(n.path)}>{t(n.label)}</a>
        </li>
      ));
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t('portal.nav.footer')} className="footer-nav">
          <ul>{links('main')}</ul>
          <ul>{links('footer')}</ul>
        </nav>
        <p className="footer-dept">{departmentName}</p>
        <p className="muted">{program}</p>
      </div>
    </footer>
  );
}
