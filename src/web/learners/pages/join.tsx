// Sign up with an e-mail address and a password; the address is confirmed with a code before the account
// signs in. The answer is the same whether or not the address already has an account (its owner is told by
// mail instead). Signing up with a phone number is the first choice offered.
import { data, redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { confirmEmail, signUpWithEmail } from '../../../modules/learners/learners.accounts.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { cookieHeaders, formText, forwardActionHeaders } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { refused } from '../forms.server.ts';
import type { Route } from './+types/join.ts';

export const headers: Route.HeadersFunction = forwardActionHeaders;

export function loader({ context }: Route.LoaderArgs) {
  const { actor, locale } = context.get(requestContext);
  if (actor.kind === 'user') throw redirect(localePath(locale, '/my'));
  return {};
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const email = formText(form, 'email').slice(0, 254);
  const displayName = formText(form, 'displayName').slice(0, 200);
  if (formText(form, 'intent') === 'verify') {
    try {
      const r = await confirmEmail(deps, {
        email,
        code: formText(form, 'code').slice(0, 16),
        headers: request.headers,
      });
      return redirect(localePath(locale, `/my/profile/${r.userId}?welcome=1`), {
        headers: cookieHeaders([r.setCookie]),
      });
    } catch (e) {
      return refused(e, { step: 'code' as const, email, displayName });
    }
  }
  try {
    const to = await signUpWithEmail(deps, {
      email,
      displayName,
      password: formText(form, 'password'),
      headers: request.headers,
      locale,
    });
    return data({
      ok: true as const,
      errors: undefined,
      values: { step: 'code' as const, email: to, displayName },
    });
  } catch (e) {
    return refused(e, { step: 'form' as const, email, displayName });
  }
}

export default function Join({ actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <>
      <title>{`${t('learners.join.title')} — Suốt Đời`}</title>
      <h1>{t('learners.join.title')}</h1>
      <ErrorSummary errors={errors} />
      {values?.step === 'code' ? (
        <>
          <p role="status">{t('learners.join.codeSent', { email: values.email })}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="email" value={values.email} />
            <div className="field">
              <label htmlFor="learners-code">{t('learners.field.code')}</label>
              <input
                id="learners-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                aria-invalid={errors ? true : undefined}
              />
            </div>
            <div>
              <button type="submit">{t('learners.phone.verify')}</button>
            </div>
          </form>
        </>
      ) : (
        <>
          <p>
            <a className="button" href={href('/sign-in/phone')}>
              {t('learners.join.withPhone')}
            </a>
          </p>
          <h2>{t('learners.join.withEmail')}</h2>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="sign-up" />
            <TextField
              id="learners-name"
              label={t('learners.field.displayName')}
              name="displayName"
              autoComplete="name"
              required
              maxLength={120}
              defaultValue={values?.displayName ?? ''}
            />
            <TextField
              id="learners-email"
              label={t('learners.field.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={values?.email ?? ''}
            />
            <div className="field">
              <label htmlFor="learners-password">{t('learners.field.password')}</label>
              <input
                id="learners-password"
                name="password"
                type="password"
                autoComplete="new-password"
                required
                maxLength={1024}
                aria-describedby="learners-password-hint"
              />
              <p id="learners-password-hint" className="hint">
                {t('learners.join.passwordHint')}
              </p>
            </div>
            <div>
              <button type="submit">{t('learners.join.submit')}</button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
