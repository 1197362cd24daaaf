// Back office: add an event (one session or a weekly series). Posts to this route; errors re-render the form.
import { redirect } from 'react-router';
import { scopeRoots } from '../../../app/policies.server.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { createEvent, eventFormOptions } from '../../../modules/events/events.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { EventForm } from '../components/EventForm.tsx';
import { eventFieldForError, eventFormMessages, parseEventForm, readEventForm } from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'events.event.create').length === 0) throw new Response(null, { status: 403 });
  return { options: await eventFormOptions(deps, actor, 'events.event.create') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readEventForm(form);
  const parsed = parseEventForm(values);
  if (!parsed.success) return invalid(eventFormMessages(parsed.error), values);
  try {
    const id = await onceForm(deps, actor, 'events.event.create', form, (d) =>
      createEvent(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/events/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, isAppError(e) ? eventFieldForError(e.code) : undefined);
  }
}

export default function NewEvent({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const values = actionData?.values ?? { registrationMode: 'series', status: 'draft', priceVnd: '0' };
  return (
    <>
      <title>{`${t('events.admin.new')} — Suốt Đời`}</title>
      <h1>{t('events.admin.new')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <EventForm
        options={loaderData.options}
        values={values}
        errors={actionData?.errors}
        submitLabel={t('events.admin.create')}
      />
    </>
  );
}
