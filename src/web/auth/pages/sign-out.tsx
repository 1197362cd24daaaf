// Signing out changes state, so it happens only on POST (the header's button). A GET shows the button.
import { redirect } from 'react-router';
import { signOut } from '../../../modules/auth/auth.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { cookieHeaders, homeFor } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/sign-out.ts';

export function loader({ context }: Route.LoaderArgs) {
  const { actor } = context.get(requestContext);
  return { signedIn: actor.kind === 'user' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, locale } = context.get(requestContext);
  await readPageForm(request); // nothing to read, but a body that is not a form is refused like everywhere
  const result = await signOut(deps, request.headers);
  return redirect(homeFor(locale), { headers: cookieHeaders(result.setCookies) });
}

export default function SignOut({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('nav.signOut')} — Suốt Đời`}</title>
      <h1>{t('nav.signOut')}</h1>
      {loaderData.signedIn ? (
        <form method="post" className="form">
          <p>{t('auth.signOut.confirm')}</p>
          <div>
            <button type="submit">{t('nav.signOut')}</button>
          </div>
        </form>
      ) : (
        <p>{t('auth.signOut.done')}</p>
      )}
    </>
  );
}
