// Back office: one training course — its sessions (day, hours), participants chosen from the staff accounts of
// the units the actor keeps records for, attendance per session (one form per session) and certificates.
import { redirect } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  addParticipants,
  addSession,
  getCourse,
  SessionInputSchema,
  setAttendance,
  staffOptions,
} from '../../../modules/training/training.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getCourse(deps, actor, params.courseId);
    const enrolled = new Set(v.participants.map((p) => p.userId));
    return {
      course: {
        ...v.course,
        createdAt: undefined,
        dates: `${formatIsoDay(v.course.startsOn)} – ${formatIsoDay(v.course.endsOn)}`,
      },
      unitName: v.unitName,
      placeName: v.placeName,
      canEdit: v.canEdit,
      sessions: v.sessions.map((s) => ({ ...s, day: formatIsoDay(s.heldOn) })),
      participants: v.participants,
      staff: v.canEdit ? (await staffOptions(deps, actor)).filter((s) => !enrolled.has(s.userId)) : [],
      done: doneNotice(request.url, {
        created: 'training.done.created',
        session: 'training.done.session',
        participants: 'training.done.participants',
        attendance: 'training.done.attendance',
        certificate: 'training.done.certificate',
        updated: 'training.done.updated',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = String(form.get('intent') ?? '');
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/training/${params.courseId}`)}?done=${done}`, 303);
  const v = formValues(form, ['heldOn', 'title', 'hours', 'sessionId'] as const);
  try {
    if (intent === 'session') {
      const parsed = SessionInputSchema.safeParse({
        heldOn: formDay(v.heldOn) ?? v.heldOn,
        title: v.title,
        hours: v.hours.replace(',', '.'),
      });
      if (!parsed.success)
        return invalid(
          issuesToMessages(parsed.error, {
            heldOn: { field: 'ts-day', key: 'training.invalid.date' },
            hours: { field: 'ts-hours', key: 'training.invalid.hours' },
            title: { field: 'ts-title', key: 'training.invalid.title' },
          }),
          v,
        );
      await onceForm(deps, actor, 'training.session.create', form, (d) =>
        addSession(d, actor, params.courseId, parsed.data),
      );
      return back('session');
    }
    if (intent === 'participants') {
      await onceForm(deps, actor, 'training.participants.add', form, (d) =>
        addParticipants(d, actor, params.courseId, form.getAll('userIds').map(String)),
      );
      return back('participants');
    }
    if (intent === 'attendance') {
      await setAttendance(deps, actor, params.courseId, v.sessionId, form.getAll('userIds').map(String));
      return back('attendance');
    }
    return new Response(null, { status: 400 });
  } catch (e) {
    return failure(e, v, intent === 'session' ? 'ts-day' : undefined);
  }
}

export default function CourseDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { course: c, sessions, participants, staff } = loaderData;
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${c.title} — ${t('training.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/training')}>{t('training.title')}</a>
      </p>
      <h1>{c.title}</h1>
      {loaderData.done ? (
        <p className="alert-ok" role="status">
          {t(loaderData.done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="details-list">
        <dt>{t('training.field.level')}</dt>
        <dd>
          {t(`training.level.${c.organiserLevel}`)}: {c.organiser}
        </dd>
        <dt>{t('training.field.unit')}</dt>
        <dd>{loaderData.unitName}</dd>
        <dt>{t('training.field.dates')}</dt>
        <dd>{c.dates}</dd>
        {c.topic ? (
          <>
            <dt>{t('training.field.topic')}</dt>
            <dd>{c.topic}</dd>
          </>
        ) : null}
        {loaderData.placeName ? (
          <>
            <dt>{t('training.field.place')}</dt>
            <dd>{loaderData.placeName}</dd>
          </>
        ) : null}
        {c.onlineUrl ? (
          <>
            <dt>{t('training.field.onlineUrl')}</dt>
            <dd>
              <a href={c.onlineUrl} rel="noopener noreferrer">
                {c.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      {loaderData.canEdit ? (
        <p>
          <a href={href(`/admin/training/${c.id}/edit`)}>{t('training.edit')}</a>
        </p>
      ) : null}

      <h2>{t('training.sessions.heading')}</h2>
      {sessions.length === 0 ? <p>{t('training.sessions.none')}</p> : null}
      {sessions.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`}>
          <h3 id={`s-${s.id}`}>
            {s.day} · {t('training.hoursValue', { hours: s.hours })}
            {s.title ? ` · ${s.title}` : ''}
          </h3>
          {loaderData.canEdit && participants.length > 0 ? (
            <form method="post" className="form">
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="sessionId" value={s.id} />
              <CheckboxGroup
                legend={t('training.attendance.legend', { day: s.day })}
                name="userIds"
                idPrefix={`a-${s.id}-`}
                options={participants.map((p) => ({ value: p.userId, label: p.name }))}
                checked={
                  new Set(participants.filter((p) => p.sessionIds.includes(s.id)).map((p) => p.userId))
                }
              />
              <button type="submit">{t('training.attendance.save')}</button>
            </form>
          ) : null}
        </section>
      ))}
      {loaderData.canEdit ? (
        <form method="post" className="form">
          <h3>{t('training.sessions.add')}</h3>
          <FormToken />
          <input type="hidden" name="intent" value="session" />
          <TextField
            id="ts-day"
            label={t('training.field.heldOn')}
            errors={errors}
            name="heldOn"
            type="date"
            defaultValue={c.startsOn}
          />
          <TextField
            id="ts-hours"
            label={t('training.field.hours')}
            errors={errors}
            name="hours"
            inputMode="decimal"
            defaultValue="4"
          />
          <TextField id="ts-title" label={t('training.field.sessionTitle')} name="title" />
          <button type="submit">{t('training.sessions.add')}</button>
        </form>
      ) : null}

      <h2>{t('training.participants.heading')}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t('training.participants.caption', { count: participants.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.col.person')}</th>
              <th scope="col">{t('training.field.unit')}</th>
              <th scope="col">{t('training.col.hours')}</th>
              <th scope="col">{t('training.col.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.userId}>
                <th scope="row">
                  <a href={href(`/admin/training/people/${p.userId}`)}>{p.name}</a>
                </th>
                <td>{p.unitName}</td>
                <td>{p.hours}</td>
                <td>
                  {p.certificateFileId ? (
                    <a href={`/admin/training/${c.id}/certificates/${p.userId}`}>
                      {p.certificateNo ?? t('training.certificate.open')}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.canEdit && participants.length > 0 ? (
        <p>
          <a href={href(`/admin/training/${c.id}/certificate`)}>{t('training.certificate.upload')}</a>
        </p>
      ) : null}
      {loaderData.canEdit && staff.length > 0 ? (
        <form method="post" className="form">
          <FormToken />
          <input type="hidden" name="intent" value="participants" />
          <CheckboxGroup
            legend={t('training.participants.add')}
            name="userIds"
            idPrefix="p-"
            options={staff.map((s) => ({
              value: s.userId,
              label: (
                <>
                  {s.name} <span className="muted">({s.unitName})</span>
                </>
              ),
            }))}
          />
          <button type="submit">{t('training.participants.submit')}</button>
        </form>
      ) : null}
    </>
  );
}
