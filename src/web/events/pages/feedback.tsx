// The short survey after an event (link mailed by the feedback job): a rating from 1 to 5 and a comment.
import { data } from 'react-router';
import { FeedbackInputSchema } from '../../../modules/events/events.schemas.server.ts';
import {
  feedbackContext,
  submitFeedback,
} from '../../../modules/events/events-attendance.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { type FieldMessages, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError, fieldAria, TextArea } from '../../ui/Field.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/feedback.ts';

const MESSAGES: FieldMessages = {
  rating: { field: 'fb-rating-1', key: 'events.error.feedback.rating' },
  comment: { field: 'fb-comment', key: 'events.error.feedback.comment' },
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  const token = (new URL(request.url).searchParams.get('token') ?? '').slice(0, 200);
  try {
    const { event, answered } = await feedbackContext(deps, token);
    return { valid: true as const, token, title: event.title, answered };
  } catch {
    return data({ valid: false as const, token: '', title: '', answered: false }, { status: 404 });
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = { rating: formText(form, 'rating'), comment: formText(form, 'comment') };
  const parsed = FeedbackInputSchema.safeParse({
    token: formText(form, 'token'),
    rating: /^[1-5]$/.test(values.rating) ? Number(values.rating) : 0,
    comment: values.comment,
  });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, MESSAGES), values);
  try {
    await submitFeedback(deps, parsed.data);
    return { ok: true as const, errors: undefined, values };
  } catch (e) {
    return failure(e, values);
  }
}

export default function FeedbackPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('events.feedback.title')} — Suốt Đời`}</title>
      <h1>{t('events.feedback.title')}</h1>
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('events.feedback.thanks')}
        </p>
      ) : !d.valid ? (
        <p className="alert-error" role="alert">
          {t('events.error.feedback.invalidLink')}
        </p>
      ) : d.answered ? (
        <p className="alert-ok">{t('events.error.feedback.already')}</p>
      ) : (
        <>
          <p>{t('events.feedback.intro', { title: d.title })}</p>
          <ErrorSummary errors={errors} />
          <form method="post" className="form" noValidate>
            <input type="hidden" name="token" value={d.token} />
            <fieldset {...fieldAria('fb-rating-1', errors)}>
              <legend>{t('events.feedback.rating')}</legend>
              <FieldError id="fb-rating-1" errors={errors} />
              {[1, 2, 3, 4, 5].map((n) => (
                <div className="field-inline" key={n}>
                  <input
                    id={`fb-rating-${n}`}
                    type="radio"
                    name="rating"
                    value={n}
                    defaultChecked={actionData?.values?.rating === String(n)}
                  />
                  <label htmlFor={`fb-rating-${n}`}>{t('events.feedback.stars', { count: n })}</label>
                </div>
              ))}
            </fieldset>
            <TextArea
              id="fb-comment"
              label={t('events.feedback.comment')}
              errors={errors}
              name="comment"
              rows={4}
              maxLength={2000}
              defaultValue={actionData?.values?.comment ?? ''}
            />
            <button type="submit">{t('events.feedback.submit')}</button>
          </form>
        </>
      )}
    </>
  );
}
