// Cancelling by the link in the confirmation mail. Opening the link only asks for confirmation (mail scanners
// follow links); the POST cancels, and people on the waitlist move up in order.
import { data } from 'react-router';
import {
  cancelRegistrationByToken,
  registrationForCancelToken,
} from '../../../modules/events/events-registration.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { viData } from '../../ui/data-lang.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, formText } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { SentenceWithTitle, titleSlot } from '../components/EventParts.tsx';
import type { Route } from './+types/cancel.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  try {
    const { registration, event } = await registrationForCancelToken(deps, token.slice(0, 200));
    return {
      token,
      valid: true as const,
      eventId: event.id,
      title: event.title,
      status: registration.status,
      checkedIn: registration.checkedInAt !== null,
    };
  } catch {
    return data({ token: '', valid: false as const }, { status: 404 });
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps } = context.get(requestContext);
  const form = await readPageForm(request);
  try {
    const out = await cancelRegistrationByToken(deps, formText(form, 'token').slice(0, 200));
    return { ok: true as const, errors: undefined, moved: out.promotions.length > 0 };
  } catch (e) {
    return failure(e, {});
  }
}

export default function CancelPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const d = loaderData;
  return (
    <>
      <title>{`${t('events.cancel.title')} — Suốt Đời`}</title>
      <h1>{t('events.cancel.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok || (d.valid && d.status === 'cancelled') ? (
        <p className="alert-ok" role="status">
          {actionData?.ok && actionData.moved
            ? t('portal.ticket.cancelledMoved')
            : t('portal.ticket.cancelled')}
        </p>
      ) : !d.valid ? (
        <p className="alert-error" role="alert">
          {t('events.error.cancelLinkInvalid')}
        </p>
      ) : d.checkedIn ? (
        <p className="alert-error">{t('events.error.cancelAfterCheckIn')}</p>
      ) : (
        <form method="post" className="form">
          <p>
            <SentenceWithTitle
              message={t('events.cancel.confirm', titleSlot)}
              title={d.title}
              locale={locale}
            />
          </p>
          <input type="hidden" name="token" value={d.token} />
          <button type="submit">{t('events.cancel.submit')}</button>
        </form>
      )}
      {d.valid ? (
        <p>
          <a href={href(`/events/${d.eventId}`)} {...viData(locale)}>
            {d.title}
          </a>
        </p>
      ) : null}
    </>
  );
}
