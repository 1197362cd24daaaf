// Second sign-in step for accounts with two-step verification: a code from the authenticator app, or one
// of the backup codes. The pending sign-in lives in better-auth's short-lived signed two_factor cookie.
import { redirect } from 'react-router';
import { z } from 'zod';
import { redirectTarget } from '../../../lib/redirect-target.ts';
import { verifySignInCode } from '../../../modules/auth/auth.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { cookieHeaders, failure, formText, forwardActionHeaders, homeFor, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/two-factor.ts';

const CodeSchema = z.strictObject({
  method: z.enum(['totp', 'backup']),
  code: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().min(6).max(32)),
});

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
  const method = formText(form, 'method') === 'backup' ? 'backup' : 'totp';
  const field = method === 'backup' ? 'two-factor-backup' : 'two-factor-code';
  const values = { method };
  const parsed = CodeSchema.safeParse({ method, code: formText(form, 'code') });
  if (!parsed.success) return invalid([{ field, key: 'auth.twoFactor.codeMissing' }], values);
  try {
    const result = await verifySignInCode(deps, { ...parsed.data, headers: request.headers });
    return redirect(next, { headers: cookieHeaders(result.setCookies) });
  } catch (e) {
    return failure(e, values, field);
  }
}

export default function TwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('auth.twoFactor.title')} — Suốt Đời`}</title>
      <h1>{t('auth.twoFactor.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <p>{t('auth.twoFactor.intro')}</p>
      <form method="post" className="form" noValidate>
        <input type="hidden" name="next" value={loaderData.next} />
        <input type="hidden" name="method" value="totp" />
        <TextField
          id="two-factor-code"
          label={t('auth.field.totpCode')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={12}
          required
        />
        <div>
          <button type="submit">{t('auth.twoFactor.submit')}</button>
        </div>
      </form>
      <details>
        <summary>{t('auth.twoFactor.useBackup')}</summary>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="next" value={loaderData.next} />
          <input type="hidden" name="method" value="backup" />
          <TextField
            id="two-factor-backup"
            label={t('auth.field.backupCode')}
            name="code"
            autoComplete="off"
            maxLength={32}
            required
          />
          <div>
            <button type="submit" className="secondary">
              {t('auth.twoFactor.submitBackup')}
            </button>
          </div>
        </form>
      </details>
      <p>
        <a href={href('/sign-in')}>{t('auth.twoFactor.restart')}</a>
      </p>
    </>
  );
}
