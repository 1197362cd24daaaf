// Sign in with e-mail and password. A plain form post: works without JavaScript. After success the visitor
// goes to `next` (a local path only) or, when the account uses two-step verification, to /two-factor.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { redirectTarget } from '../../../lib/redirect-target.ts';
import { SignInSchema, signInWithPassword } from '../../../modules/auth/auth.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { cookieHeaders, failure, formText, forwardActionHeaders, homeFor, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/sign-in.ts';

export const headers: Route.HeadersFunction = forwardActionHeaders;

export function loader({ request, context }: Route.LoaderArgs) {
  const { actor, locale } = context.get(requestContext);
  const next = redirectTarget(new URL(request.url).searchParams.get('next'), homeFor(locale));
  if (actor.kind === 'user') throw redirect(next);
  return { next };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const next = redirectTarget(formText(form, 'next'), homeFor(locale));
  const values = { email: formText(form, 'email').slice(0, 254) };
  const parsed = SignInSchema.safeParse({
    email: formText(form, 'email'),
    password: formText(form, 'password'),
  });
  if (!parsed.success) {
    return invalid([{ field: 'sign-in-email', key: 'auth.signIn.missing' }], values);
  }
  try {
    const result = await signInWithPassword(deps, { ...parsed.data, headers: request.headers });
    const headers = cookieHeaders(result.setCookies);
    if (result.twoFactor) {
      return redirect(`${localePath(locale, '/two-factor')}?next=${encodeURIComponent(next)}`, { headers });
    }
    return redirect(next, { headers });
  } catch (e) {
    return failure(e, values);
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('auth.signIn.title')} — Suốt Đời`}</title>
      <h1>{t('auth.signIn.title')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="next" value={loaderData.next} />
        <div className="field">
          <label htmlFor="sign-in-email">{t('auth.field.email')}</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            maxLength={254}
            defaultValue={actionData?.values.email ?? ''}
            aria-invalid={errors ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('auth.field.password')}</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            aria-invalid={errors ? true : undefined}
          />
        </div>
        <div>
          <button type="submit">{t('auth.signIn.submit')}</button>
        </div>
      </form>
      <p>
        <a href={href('/forgot-password')}>{t('auth.signIn.forgot')}</a>
      </p>
      <p>
        <a href={href('/sign-in/phone')}>{t('learners.signIn.withPhone')}</a>
      </p>
    </>
  );
}
