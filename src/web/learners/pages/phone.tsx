// Sign in — or sign up, it is the same — with a Vietnamese mobile number and a one-time code. Two plain form
// posts, no JavaScript: the number, then the code. The first answer is the same for every valid number, with or
// without an account. The number travels in the form, never in the address bar.
import { data, redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { redirectTarget } from '../../../lib/redirect-target.ts';
import { finishPhoneSignIn, startPhoneSignIn } from '../../../modules/learners/learners.accounts.server.ts';
import { maskPhone } from '../../../modules/learners/learners.phone.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { cookieHeaders, formText, forwardActionHeaders } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { refused } from '../forms.server.ts';
import type { Route } from './+types/phone.ts';

export const headers: Route.HeadersFunction = forwardActionHeaders;

export function loader({ request, context }: Route.LoaderArgs) {
  const { actor, locale } = context.get(requestContext);
  const next = redirectTarget(new URL(request.url).searchParams.get('next'), localePath(locale, '/my'));
  if (actor.kind === 'user') throw redirect(next);
  return { next };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const next = redirectTarget(formText(form, 'next'), localePath(locale, '/my'));
  const phone = formText(form, 'phone').slice(0, 32);
  if (formText(form, 'intent') === 'verify') {
    try {
      const r = await finishPhoneSignIn(deps, {
        phone,
        code: formText(form, 'code').slice(0, 16),
        headers: request.headers,
      });
      const to = r.created ? localePath(locale, `/my/profile/${r.userId}?welcome=1`) : next;
      return redirect(to, { headers: cookieHeaders([r.setCookie]) });
    } catch (e) {
      return refused(e, { step: 'code' as const, phone, masked: maskPhone(phone) });
    }
  }
  try {
    const e164 = await startPhoneSignIn(deps, { phone, headers: request.headers, locale });
    return data({
      ok: true as const,
      errors: undefined,
      values: { step: 'code' as const, phone: e164, masked: maskPhone(e164) },
    });
  } catch (e) {
    return refused(e, { step: 'phone' as const, phone, masked: '' });
  }
}

export default function PhoneSignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const onCode = values?.step === 'code';
  return (
    <>
      <title>{`${t('learners.phone.title')} — Suốt Đời`}</title>
      <h1>{t('learners.phone.title')}</h1>
      <ErrorSummary errors={errors} />
      {onCode ? (
        <>
          <p role="status">{t('learners.phone.codeSent', { phone: values.masked })}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="next" value={loaderData.next} />
            <input type="hidden" name="phone" value={values.phone} />
            <input type="hidden" name="intent" value="verify" />
            <div className="field">
              <label htmlFor="learners-code">{t('learners.field.code')}</label>
              <input
                id="learners-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                required
                aria-describedby="learners-code-hint"
                aria-invalid={errors ? true : undefined}
              />
              <p id="learners-code-hint" className="hint">
                {t('learners.phone.codeHint')}
              </p>
            </div>
            <div>
              <button type="submit">{t('learners.phone.verify')}</button>
            </div>
          </form>
          <form method="post">
            <input type="hidden" name="next" value={loaderData.next} />
            <input type="hidden" name="phone" value={values.phone} />
            <input type="hidden" name="intent" value="send" />
            <button type="submit" className="secondary">
              {t('learners.phone.resend')}
            </button>
          </form>
        </>
      ) : (
        <>
          <p>{t('learners.phone.lead')}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="next" value={loaderData.next} />
            <input type="hidden" name="intent" value="send" />
            <div className="field">
              <label htmlFor="learners-phone">{t('learners.field.phone')}</label>
              <input
                id="learners-phone"
                name="phone"
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                required
                maxLength={32}
                defaultValue={values?.phone ?? ''}
                aria-describedby="learners-phone-hint"
                aria-invalid={errors ? true : undefined}
              />
              <p id="learners-phone-hint" className="hint">
                {t('learners.phone.hint')}
              </p>
            </div>
            <div>
              <button type="submit">{t('learners.phone.send')}</button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={href('/sign-in')}>{t('learners.phone.withEmail')}</a>
        {' · '}
        <a href={href('/join')}>{t('learners.phone.joinEmail')}</a>
      </p>
    </>
  );
}
