import { Form, useLocation } from 'react-router';
import { type Locale, type MessageKey, switchLocalePath } from '../../lib/i18n.ts';
import { useHref, useLocale, useT } from '../i18n.ts';

/** The messages the header shows; the root loader hands them to hydrating pages (ADR 0002). */
export const SITE_HEADER_MESSAGES = [
  'nav.skipToContent',
  'nav.main',
  'nav.home',
  'nav.backOffice',
  'nav.account',
  'nav.signOut',
  'nav.signIn',
] as const satisfies readonly MessageKey[];

export interface HeaderUser {
  name: string;
  email: string;
  staff: boolean;
}

export function SiteHeader({ departmentName, user }: { departmentName: string; user: HeaderUser | null }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const location = useLocation();
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
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
        <nav aria-label={t('nav.main')}>
          <ul className="nav-list">
            <li>
              <a href={href('/')}>{t('nav.home')}</a>
            </li>
            {user?.staff ? (
              <li>
                <a href={href('/admin')}>{t('nav.backOffice')}</a>
              </li>
            ) : null}
            {user ? (
              <>
                <li>
                  <a href={href('/account')}>{t('nav.account')}</a>
                </li>
                <li>
                  <Form method="post" action={href('/sign-out')} className="inline-form">
                    <button type="submit" className="link-button">
                      {t('nav.signOut')}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
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
        </nav>
      </div>
    </header>
  );
}
