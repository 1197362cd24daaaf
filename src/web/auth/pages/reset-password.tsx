// Choose a new password from a mailed link (/reset-password?token=…), for a reset or a first-time
// invitation. Success signs the account out everywhere — always, with no box to untick (why: auth.ts, at
// revokeSessionsOnPasswordReset) — and ends every other link; the person then signs in with the new password.
import { resetPassword } from '../../../modules/auth/auth.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { type FormMessage, failure, formText, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/reset-password.ts';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get('token') ?? '';
  return { token: TOKEN.test(token) ? token : '', welcome: url.searchParams.get('welcome') === '1' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps } = context.get(requestContext);
  const form = await readPageForm(request);
  const token = formText(form, 'token');
  const password = formText(form, 'password');
  const values = { token: TOKEN.test(token) ? token : '' };
  const errors: FormMessage[] = [];
  if (!values.token) errors.push({ key: 'auth.error.invalidToken' });
  if (!password) errors.push({ field: 'reset-password', key: 'auth.error.passwordTooShort' });
  else if (password !== formText(form, 'confirm')) {
    errors.push({ field: 'reset-confirm', key: 'auth.reset.mismatch' });
  }
  if (errors.length) return invalid(errors, values);
  try {
    await resetPassword(deps, { token: values.token, newPassword: password });
    return { ok: true as const, errors: undefined, values };
  } catch (e) {
    return failure(e, values, 'reset-password');
  }
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const title = loaderData.welcome ? t('auth.reset.welcomeTitle') : t('auth.reset.title');
  if (actionData?.ok) {
    return (
      <>
        <title>{`${title} — Suốt Đời`}</title>
        <h1>{title}</h1>
        <p className="alert-ok" role="status">
          {t('auth.reset.done')}
        </p>
        <p>
          <a href={href('/sign-in')}>{t('auth.signIn.title')}</a>
        </p>
      </>
    );
  }
  const token = actionData?.values.token ?? loaderData.token;
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <h1>{title}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {token ? (
        <form method="post" className="form" noValidate>
          <input type="hidden" name="token" value={token} />
          <TextField
            id="reset-password"
            label={t('auth.field.newPassword')}
            hint={t('auth.passwordRules')}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={1024}
            required
          />
          <TextField
            id="reset-confirm"
            label={t('auth.field.confirmPassword')}
            name="confirm"
            type="password"
            autoComplete="new-password"
            maxLength={1024}
            required
          />
          {loaderData.welcome ? null : <p className="hint">{t('auth.reset.signsOutEverywhere')}</p>}
          <div>
            <button type="submit">{t('auth.reset.submit')}</button>
          </div>
        </form>
      ) : (
        <p className="alert-error">
          {t('auth.error.invalidToken')} <a href={href('/forgot-password')}>{t('auth.forgot.title')}</a>
        </p>
      )}
    </>
  );
}
