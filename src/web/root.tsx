import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, useRouteLoaderData } from 'react-router';
import { publicNav } from '../app/registries.server.ts';
import { messagesFor } from '../lib/i18n.server.ts';
import { isStaff } from '../lib/staff.ts';
import type { Route } from './+types/root.ts';
import { requestContext } from './context.ts';
import { usePageHydrates, useTranslation } from './i18n.ts';
import { siteNavFor } from './site/site-nav.ts';
import styles from './ui/app.css?url';
import { SITE_HEADER_MESSAGES, SiteHeader } from './ui/SiteHeader.tsx';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.ico' },
];

/** What the error boundary and the site header say in a hydrating page's browser (ADR 0002). */
const ROOT_MESSAGES = [
  ...SITE_HEADER_MESSAGES,
  'error.notFound',
  'error.forbidden',
  'error.unauthenticated',
  'error.unavailable',
  'error.generic',
  'error.requestId',
] as const;

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor, locale, nonce, requestId } = context.get(requestContext);
  const departmentName =
    (await deps.repos.settings.getCached<string>('department.name')) ??
    'Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa';
  // The public menu (header and footer) from the modules' publicNav entries, for this visitor.
  const nav = siteNavFor(publicNav, actor.kind === 'user');
  return {
    locale,
    nav,
    nonce,
    requestId,
    departmentName,
    user: actor.kind === 'user' ? { name: actor.name, email: actor.email, staff: isStaff(actor) } : null,
    messages: messagesFor(locale, [...ROOT_MESSAGES, ...nav.map((n) => n.label)]),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  // Pages hydrate only when a matched route asks for it (`handle.hydrate`); pure content ships no JS.
  const hydrate = usePageHydrates();
  return (
    <html lang={data?.locale ?? 'vi'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? <Scripts nonce={data?.nonce} /> : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t, has } = useTranslation();
  const data = useRouteLoaderData<typeof loader>('root');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // An action may say exactly what was wrong with a request (src/web/page-form.ts).
  const said: unknown = isRouteErrorResponse(error)
    ? (error.data as { messageKey?: unknown } | null)?.messageKey
    : null;
  const message = has(said)
    ? t(said)
    : status === 404
      ? t('error.notFound')
      : status === 403
        ? t('error.forbidden')
        : status === 401
          ? t('error.unauthenticated')
          : status === 503
            ? t('error.unavailable')
            : t('error.generic');
  return (
    <>
      <SiteHeader
        departmentName={data?.departmentName ?? ''}
        user={data?.user ?? null}
        nav={data?.nav ?? []}
      />
      <main id="main" className="container error-page">
        <title>{`${message} — Suốt Đời`}</title>
        <h1>{message}</h1>
        {data?.requestId ? (
          <p className="muted">
            {t('error.requestId')}: <code>{data.requestId}</code>
          </p>
        ) : null}
        <p>
          <a href={data?.locale === 'en' ? '/en' : '/'}>{t('nav.home')}</a>
        </p>
      </main>
    </>
  );
}
