// Back office: one event — sessions (cancel or restore one), registrations and waitlist, attendance per
// session, feedback results, and the edit form. Every form posts to this route with an `intent`.
import { redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import {
  cancelEvent,
  eventFormOptions,
  getStaffEvent,
  setSessionCancelled,
  updateEvent,
} from '../../../modules/events/events.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import {
  conflictForm,
  conflictOf,
  formVersion,
  submittedOf,
  versionForForm,
} from '../../ui/version-forms.ts';
import { EventForm } from '../components/EventForm.tsx';
import { SessionTime } from '../components/EventParts.tsx';
import {
  eventFieldForError,
  eventFormMessages,
  eventToFormValues,
  parseEventForm,
  readEventForm,
} from '../forms.server.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const view = await getStaffEvent(deps, actor, params.eventId);
    return {
      ...view,
      formValues: eventToFormValues(view.event, view.sessions),
      options: view.canEdit ? await eventFormOptions(deps, actor, 'events.event.update') : null,
      done: doneNotice(request.url, {
        created: 'events.admin.done.created',
        saved: 'events.admin.done.saved',
        session: 'events.admin.done.session',
        image: 'events.admin.done.image',
        cancelled: 'events.admin.done.cancelled',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/events/${params.eventId}`)}?done=${done}`, 303);
  if (intent === 'cancel-event') {
    try {
      await cancelEvent(deps, actor, params.eventId);
      return back('cancelled');
    } catch (e) {
      return failure(e, {});
    }
  }
  if (intent === 'cancel-session' || intent === 'restore-session') {
    try {
      await setSessionCancelled(
        deps,
        actor,
        params.eventId,
        formText(form, 'sessionId'),
        intent === 'cancel-session',
      );
      return back('session');
    } catch (e) {
      return failure(e, {});
    }
  }
  const version = formVersion(form);
  const values = { ...readEventForm(form), version: String(version) };
  const parsed = parseEventForm(values);
  if (!parsed.success) return invalid(eventFormMessages(parsed.error), values);
  try {
    await updateEvent(deps, actor, params.eventId, { ...parsed.data, version });
    return back('saved');
  } catch (e) {
    if (isVersionConflict(e)) {
      const now = await getStaffEvent(deps, actor, params.eventId);
      const saved = eventToFormValues(now.event, now.sessions);
      return conflictForm(values, { version: now.event.version, saved }, 'ev-title');
    }
    return failure(e, values, isAppError(e) ? eventFieldForError(e.code) : undefined);
  }
}

/** The fields shown side by side after a stale save (ids of units and places are not compared as text). */
const EVENT_COMPARED = [
  'title',
  'description',
  'category',
  'audience',
  'onlineUrl',
  'capacity',
  'registrationMode',
  'priceVnd',
  'organiserContact',
  'status',
  'firstDate',
  'startTime',
  'endTime',
  'until',
  'exceptions',
] as const;

export default function AdminEvent({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const e = d.event;
  const errors = actionData?.errors;
  const waiting = d.registrations.filter((r) => r.status === 'waitlisted');
  const attendanceTotal = d.attendance.reduce((n, a) => n + a.registered + a.walkIns, 0);
  return (
    <>
      <title>{`${e.title} — ${t('events.admin.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/events')}>{t('events.admin.title')}</a>
      </p>
      <h1>{e.title}</h1>
      {d.done ? (
        <p className="alert-ok" role="status">
          {t(d.done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={Object.fromEntries(EVENT_COMPARED.map((f) => [f, t(`events.field.${f}`)]))}
      />
      <p>
        {t(`events.eventStatus.${e.status}`)} · {e.unitName} ·{' '}
        {e.status === 'published' ? (
          <a href={href(`/events/${e.id}`)}>{t('events.admin.publicPage')}</a>
        ) : null}
        {d.canEdit ? (
          <>
            {' · '}
            <a href={href(`/admin/events/${e.id}/image`)}>{t('events.image.title')}</a>
          </>
        ) : null}
        {d.canCheckIn ? (
          <>
            {' · '}
            <a href={href(`/admin/events/${e.id}/check-in`)}>{t('events.checkin.title')}</a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="ev-summary">
        <h2 id="ev-summary">{t('events.admin.registrations')}</h2>
        <ul className="summary-list">
          <li>
            {t('events.admin.count.confirmed', {
              people: d.counts.confirmedPeople,
              count: d.counts.confirmed,
            })}
          </li>
          <li>
            {t('events.admin.count.waitlisted', {
              people: d.counts.waitlistedPeople,
              count: d.counts.waitlisted,
            })}
          </li>
          <li>{t('events.admin.count.cancelled', { count: d.counts.cancelled })}</li>
          <li>{t('events.admin.count.capacity', { capacity: e.capacity === null ? '∞' : e.capacity })}</li>
        </ul>
        {d.registrations.length ? (
          <ScrollRegion>
            <table>
              <caption>{t('events.admin.registrationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.ticket.name')}</th>
                  <th scope="col">{t('events.admin.contact')}</th>
                  <th scope="col">{t('events.register.partySize')}</th>
                  <th scope="col">{t('events.ticket.status')}</th>
                  <th scope="col">{t('events.admin.checkedIn')}</th>
                </tr>
              </thead>
              <tbody>
                {d.registrations.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{[r.phone, r.email].filter(Boolean).join(', ')}</td>
                    <td className="num">{r.partySize}</td>
                    <td>
                      {r.status === 'waitlisted'
                        ? t('events.status.waitlisted', {
                            position: waiting.findIndex((w) => w.id === r.id) + 1,
                          })
                        : t(`events.status.${r.status}`)}
                    </td>
                    <td>{r.checkedInAt ? formatDateTime(r.checkedInAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </section>

      <section aria-labelledby="ev-attendance">
        <h2 id="ev-attendance">{t('events.admin.attendance', { count: attendanceTotal })}</h2>
        <ScrollRegion>
          <table>
            <caption>{t('events.admin.attendanceCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.admin.session')}</th>
                <th scope="col">{t('events.admin.registeredPresent')}</th>
                <th scope="col">{t('events.admin.walkIns')}</th>
                <th scope="col">{t('events.admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.sessions.map((s) => {
                const a = d.attendance.find((x) => x.sessionId === s.id);
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} />
                      {s.cancelled ? ` — ${t('events.session.cancelled')}` : ''}
                    </th>
                    <td className="num">{a?.registered ?? 0}</td>
                    <td className="num">{a?.walkIns ?? 0}</td>
                    <td>
                      {d.canEdit ? (
                        <form method="post" className="inline-form">
                          <input type="hidden" name="sessionId" value={s.id} />
                          <button
                            type="submit"
                            name="intent"
                            value={s.cancelled ? 'restore-session' : 'cancel-session'}
                            className="link-button"
                          >
                            {s.cancelled ? t('events.admin.restoreSession') : t('events.admin.cancelSession')}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      {d.feedback ? (
        <section aria-labelledby="ev-feedback">
          <h2 id="ev-feedback">{t('events.admin.feedback')}</h2>
          <p>
            {d.feedback.average === null
              ? t('events.admin.feedbackNone')
              : t('events.admin.feedbackAverage', {
                  average: d.feedback.average.toFixed(1),
                  count: d.feedback.count,
                })}
          </p>
          {d.feedback.comments.length ? (
            <ul>
              {d.feedback.comments.map((c) => (
                <li key={`${c.createdAt.toISOString()}${c.comment.slice(0, 20)}`}>
                  {t('events.feedback.stars', { count: c.rating })}: {c.comment}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {d.canEdit && e.status !== 'cancelled' ? (
        <section aria-labelledby="ev-cancel">
          <h2 id="ev-cancel">{t('events.admin.cancelEvent')}</h2>
          <p>{t('events.admin.cancelEventHint')}</p>
          <form method="post">
            <button type="submit" name="intent" value="cancel-event">
              {t('events.admin.cancelEvent')}
            </button>
          </form>
        </section>
      ) : null}

      {d.options ? (
        <section aria-labelledby="ev-edit">
          <h2 id="ev-edit">{t('events.admin.edit')}</h2>
          <EventForm
            options={d.options}
            values={
              actionData && 'title' in (actionData.values ?? {})
                ? (actionData.values as typeof d.formValues)
                : d.formValues
            }
            errors={errors}
            version={versionForForm(e.version, actionData)}
            submitLabel={t('events.admin.save')}
          />
        </section>
      ) : null}
    </>
  );
}
