// The language layout: `/` is Vietnamese, `/en` English; any other first segment is not a language.
import { data, Outlet, useRouteLoaderData } from 'react-router';
import { messagesFor } from '../../lib/i18n.server.ts';
import { requestContext } from '../context.ts';
import { useT } from '../i18n.ts';
import type { loader as rootLoader } from '../root.tsx';
import { newFormToken } from '../ui/FormToken.tsx';
import { SiteFooter, SiteHeader } from '../ui/SiteHeader.tsx';
import type { Route } from './+types/locale.ts';

// Middleware, not only a loader: actions below an unknown prefix (`/xx/admin/…`) must not run either.
export const middleware: Route.MiddlewareFunction[] = [
  ({ params }) => {
    if (params.lang !== undefined && params.lang !== 'en') throw data(null, { status: 404 });
  },
];

// A fresh one-time token for the creating forms of this render (web/form-token.tsx), and the footer's text
// for a hydrating page (ADR 0002).
export function loader({ context }: Route.LoaderArgs) {
  const { locale } = context.get(requestContext);
  return { formToken: newFormToken(), messages: messagesFor(locale, ['footer.program']) };
}

export default function LocaleLayout() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const t = useT();
  return (
    <>
      <SiteHeader
        departmentName={root?.departmentName ?? ''}
        user={root?.user ?? null}
        nav={root?.nav ?? []}
      />
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter
        departmentName={root?.departmentName ?? ''}
        nav={root?.nav ?? []}
        program={t('footer.program')}
      />
    </>
  );
}
