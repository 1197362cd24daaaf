// Public event page: details, sessions with seats left, schema.org Event JSON-LD, and the registration form
// (works without JavaScript: it posts to this route's action, which redirects to the ticket). When the event
// is full, the same kind of event with free seats at other venues nearby is offered.
import { randomUUID } from 'node:crypto';
import { redirect, useRouteLoaderData } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { eventJsonLd } from '../../../modules/events/events.presenters.ts';
import { getEvent, nearbyAlternatives } from '../../../modules/events/events.usecases.server.ts';
import { registerForEvent } from '../../../modules/events/events-registration.usecases.server.ts';
import { registrationFacts } from '../../../modules/events/events-registration-reads.server.ts';
import { currentLearner, learnersPort } from '../../../modules/learners/index.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { viData } from '../../ui/data-lang.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError, fieldAria, SelectField, TextField } from '../../ui/Field.tsx';
import { formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { EventFacts, SessionTime } from '../components/EventParts.tsx';
import {
  parseRegistrationForm,
  REGISTRATION_FIELDS,
  type RegistrationFormContext,
  type RegistrationFormValues,
  registrationFieldForError,
} from '../forms.server.ts';
import { registrationWindow } from '../registration-window.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const found = await getEvent(deps, actor, params.eventId);
    const now = deps.now();
    const live = found.sessions.filter((s) => !s.cancelled && s.endsAt > now);
    const full = found.event.capacity !== null && live.length > 0 && live.every((s) => s.seatsLeft === 0);
    const regWindow = registrationWindow(found.event, found.sessions, now);
    const canonical = `${deps.config.publicUrl}${new URL(request.url).pathname}`;
    const alternatives = full ? await nearbyAlternatives(deps, found.event) : [];
    // A signed-in person may register someone in the family they manage (issue 12): the one they act as first.
    const family =
      actor.kind === 'user'
        ? (await learnersPort.managedBy(deps, actor.userId)).map((m) => ({
            id: m.id,
            name: m.displayName,
            self: m.id === actor.userId,
          }))
        : [];
    const acting = (await currentLearner(actor))?.id ?? null;
    return {
      event: found.event,
      sessions: found.sessions,
      upcoming: live.length > 0,
      window: regWindow.state,
      opensAt: found.event.registrationOpensAt,
      openSessionIds: regWindow.openSessionIds,
      full,
      alternatives,
      ld: JSON.stringify(eventJsonLd(found, canonical)).replace(/</g, '\\u003c'),
      idempotencyKey: randomUUID(),
      signedIn: actor.kind === 'user' ? { name: actor.name, email: actor.email } : null,
      family: family.length > 1 ? family : [],
      acting,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values: RegistrationFormValues = formValues(form, REGISTRATION_FIELDS);
  // The sessions that can still be chosen, so that a bad choice is reported with the other problems at once.
  let ctx: RegistrationFormContext = { signedIn: actor.kind === 'user' };
  // The registration facts (one statement, shared with sign-ups asking at the same moment) serve the form's
  // checks and the registration itself; an event that cannot take sign-ups is looked at as before.
  const facts = await registrationFacts(deps, params.eventId);
  const known = facts && facts.event.status !== 'draft' && facts.event.source === 'local' ? facts : undefined;
  try {
    const found = known ?? (await getEvent(deps, actor, params.eventId));
    const w = registrationWindow(found.event, found.sessions, deps.now());
    ctx = {
      ...ctx,
      perSession: found.event.registrationMode === 'session',
      openSessionIds: w.openSessionIds,
    };
  } catch (e) {
    rethrowForPage(e);
  }
  const parsed = parseRegistrationForm(values, ctx);
  if (!parsed.ok) return invalid(parsed.errors, values);
  try {
    const r = await registerForEvent(deps, actor, params.eventId, parsed.data, locale, known);
    // A second registration with the same key, account or phone and name shows the ticket already held.
    const flag = r.created ? 'new=1' : 'again=1';
    return redirect(`${localePath(locale, `/events/tickets/${r.registration.ticketCode}`)}?${flag}`, 303);
  } catch (e) {
    return failure(e, values, isAppError(e) ? registrationFieldForError(e.code) : undefined);
  }
}

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const {
    event: e,
    sessions,
    full,
    alternatives,
    ld,
    signedIn,
    upcoming,
    window: regState,
    openSessionIds,
    family,
    acting,
  } = loaderData;
  const errors = actionData?.errors;
  const v: Partial<RegistrationFormValues> = actionData?.values ?? {};
  const seriesSeats = e.registrationMode === 'series' ? sessions[0]?.seatsLeft : undefined;
  // Only what can be chosen is offered: no form before the window opens or after it closes.
  const bookable =
    regState === 'open' && e.status === 'published' && e.capacity !== 0 && e.source === 'local';
  return (
    <article className="event">
      <title>{`${e.title} — Suốt Đời`}</title>
      {e.description ? <meta name="description" content={e.description.slice(0, 300)} /> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON from our presenter with every "<" escaped (loader) */}
      <script type="application/ld+json" nonce={root?.nonce} dangerouslySetInnerHTML={{ __html: ld }} />
      <p className="breadcrumb">
        <a href={href('/events')}>{t('events.list.title')}</a>
      </p>
      {/* GOV.UK pattern: every problem at the top, focused (and so scrolled to) on arrival, each linked to its field. */}
      <ErrorSummary errors={errors} autoFocus />
      <h1 {...vi}>{e.title}</h1>
      {e.imageFileId ? (
        <img
          className="event-image"
          src={`/media/${e.imageFileId}/medium`}
          alt=""
          width={960}
          loading="lazy"
        />
      ) : null}
      {e.status === 'cancelled' ? (
        <p className="alert-error" role="status">
          {t('events.detail.cancelled')}
        </p>
      ) : null}
      <EventFacts event={e} />
      <p>
        <a href={`/feeds/events/${e.id}.ics`} download>
          {t('events.detail.addToCalendar')}
        </a>
      </p>
      {e.source === 'external' && e.url ? (
        <p>
          {t('events.detail.external')}{' '}
          <a href={e.url} rel="noopener noreferrer">
            {t('events.detail.externalLink')}
          </a>
        </p>
      ) : null}
      {e.description ? (
        <section aria-labelledby="event-about">
          <h2 id="event-about">{t('events.detail.about')}</h2>
          {e.description.split(/\n{2,}/).map((p) => (
            <p key={p.slice(0, 40)} {...vi}>
              {p}
            </p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="event-sessions">
        <h2 id="event-sessions">{t('events.detail.sessions', { count: sessions.length })}</h2>
        {seriesSeats !== undefined ? (
          <p>
            {seriesSeats === null
              ? t('events.seats.unlimited')
              : t('events.seats.left', { count: seriesSeats })}
          </p>
        ) : null}
        <ul className="plain-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} />
              {s.cancelled ? <strong> — {t('events.session.cancelled')}</strong> : null}
              {e.registrationMode === 'session' && !s.cancelled ? (
                <span className="muted">
                  {' '}
                  —{' '}
                  {s.seatsLeft === null
                    ? t('events.seats.unlimited')
                    : t('events.seats.left', { count: s.seatsLeft })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {full && alternatives.length ? (
        <section aria-labelledby="event-alternatives" className="notice">
          <h2 id="event-alternatives">{t('events.alternatives.title')}</h2>
          <p>{t('events.alternatives.intro')}</p>
          <ul>
            {alternatives.map((a) => (
              <li key={a.session.event.id}>
                <a href={href(`/events/${a.session.event.id}`)} {...vi}>
                  {a.session.event.title}
                </a>{' '}
                — <SessionTime startsAt={a.session.startsAt} endsAt={a.session.endsAt} />
                {a.session.event.place ? (
                  <>
                    {' — '}
                    <span {...vi}>{a.session.event.place.name}</span>
                  </>
                ) : null}
                {a.distanceKm !== null
                  ? ` (${t('events.alternatives.km', { km: a.distanceKm.toFixed(1) })})`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {bookable ? (
        <section aria-labelledby="register-title">
          <h2 id="register-title">
            {full ? t('events.register.waitlistTitle') : t('events.register.title')}
          </h2>
          {full ? <p>{t('events.register.fullNotice')}</p> : null}
          <form method="post" action={href(`/events/${e.id}`)} className="form" noValidate>
            <input
              type="hidden"
              name="idempotencyKey"
              value={v.idempotencyKey || loaderData.idempotencyKey}
            />
            {e.registrationMode === 'session' ? (
              <SelectField
                id="reg-session"
                label={t('events.register.session')}
                errors={errors}
                name="sessionId"
                defaultValue={v.sessionId ?? ''}
              >
                <option value="">{t('events.register.chooseSession')}</option>
                {sessions
                  .filter((s) => openSessionIds.includes(s.id))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {`${formatDateTime(s.startsAt)}${s.seatsLeft === 0 ? ` (${t('events.register.waitlistOption')})` : ''}`}
                    </option>
                  ))}
              </SelectField>
            ) : null}
            {signedIn ? (
              <p>{t('events.register.signedInAs', { name: signedIn.name, email: signedIn.email })}</p>
            ) : null}
            {family.length ? (
              <SelectField
                id="reg-learner"
                label={t('events.register.forWhom')}
                errors={errors}
                name="learnerId"
                defaultValue={v.learnerId || acting || ''}
              >
                {family.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.self ? t('events.register.forSelf', { name: m.name }) : m.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField
              id="reg-name"
              label={t('events.register.name')}
              errors={errors}
              name="name"
              autoComplete="name"
              maxLength={120}
              required={!signedIn}
              defaultValue={v.name ?? (family.length ? '' : (signedIn?.name ?? ''))}
            />
            <TextField
              id="reg-phone"
              label={t('events.register.phone')}
              errors={errors}
              hint={t('events.register.contactHint')}
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              maxLength={30}
              defaultValue={v.phone ?? ''}
            />
            <TextField
              id="reg-email"
              label={t('events.register.email')}
              errors={errors}
              name="email"
              type="email"
              autoComplete="email"
              maxLength={254}
              defaultValue={v.email ?? signedIn?.email ?? ''}
            />
            <TextField
              id="reg-party"
              label={t('events.register.partySize')}
              errors={errors}
              name="partySize"
              type="number"
              min={1}
              max={10}
              inputMode="numeric"
              defaultValue={v.partySize ?? '1'}
            />
            {signedIn ? null : (
              <div className="field checkbox-field">
                <FieldError id="reg-consent" errors={errors} />
                <input
                  id="reg-consent"
                  name="consent"
                  type="checkbox"
                  value="yes"
                  defaultChecked={v.consent === 'yes'}
                  {...fieldAria('reg-consent', errors)}
                />
                <label htmlFor="reg-consent">{t('portal.register.consent')}</label>
              </div>
            )}
            <div>
              <button type="submit">
                {full ? t('events.register.submitWaitlist') : t('events.register.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : !upcoming ? (
        <p>{t('events.detail.over')}</p>
      ) : e.source === 'local' && e.status === 'published' && e.capacity !== 0 ? (
        <p className="notice">
          {regState === 'notYet' && loaderData.opensAt
            ? t('portal.register.opensAt', { when: formatDateTime(loaderData.opensAt) })
            : t('events.error.closed')}
        </p>
      ) : null}
    </article>
  );
}
