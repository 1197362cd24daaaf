// Ask for a password-reset link. The answer is the same whether or not an account exists for the address,
// so the page cannot be used to find out who has an account.
import { z } from 'zod';
import { singleLineText } from '../../../lib/text.server.ts';
import { CLIENT_IP_HEADER } from '../../../modules/auth/auth.server.ts';
import { requestPasswordReset } from '../../../modules/auth/auth.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { formText, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/forgot-password.ts';

const EmailSchema = singleLineText({ max: 254 }).pipe(z.email());

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = { email: formText(form, 'email').slice(0, 254) };
  const parsed = EmailSchema.safeParse(values.email);
  if (!parsed.success) {
    return invalid([{ field: 'forgot-email', key: 'auth.forgot.invalidEmail' }], values);
  }
  const ip = request.headers.get(CLIENT_IP_HEADER);
  await requestPasswordReset(deps, { email: parsed.data, locale, ip });
  return { ok: true as const, errors: undefined, values };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  if (actionData?.ok) {
    return (
      <>
        <title>{`${t('auth.forgot.title')} — Suốt Đời`}</title>
        <h1>{t('auth.forgot.title')}</h1>
        <p className="alert-ok" role="status">
          {t('auth.forgot.sent')}
        </p>
        <p>
          <a href={href('/sign-in')}>{t('auth.backToSignIn')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <title>{`${t('auth.forgot.title')} — Suốt Đời`}</title>
      <h1>{t('auth.forgot.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <p>{t('auth.forgot.intro')}</p>
      <form method="post" className="form" noValidate>
        <TextField
          id="forgot-email"
          label={t('auth.field.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={actionData?.values.email ?? ''}
        />
        <div>
          <button type="submit">{t('auth.forgot.submit')}</button>
        </div>
      </form>
      <p>
        <a href={href('/sign-in')}>{t('auth.backToSignIn')}</a>
      </p>
    </>
  );
}
