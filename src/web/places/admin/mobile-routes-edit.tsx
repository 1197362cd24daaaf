// Back office: one mobile-library route — its details, its stops (weekly or on dates), and the next five
// weeks where any single visit can be cancelled with a reason (shown to the public) or restored.
import { formatIsoDay } from '../../../lib/dates.ts';
import { routeForEdit, stopPlaceOptions, unitOptions } from '../../../modules/places/places.admin.server.ts';
import { getRoute } from '../../../modules/places/places.mobile.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { conflictOf, submittedOf, versionForForm } from '../../ui/version-forms.ts';
import { UnitSelect } from '../../units/components/UnitFormParts.tsx';
import { dayLabel, weekdayKey } from '../format.ts';
import type { Route } from './+types/mobile-routes-edit.ts';
import { editRouteAction } from './mobile-routes-edit.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const route = await routeForEdit(deps, actor, params.routeId);
    const [detail, places, units] = await Promise.all([
      getRoute(deps, actor, route.id, { days: 35, limit: 60 }),
      stopPlaceOptions(deps, actor),
      unitOptions(deps, actor, 'places.route.update'),
    ]);
    return {
      route: {
        id: route.id,
        name: route.name,
        vehicle: route.vehicle ?? '',
        description: route.description ?? '',
        status: route.status,
        unitId: route.unitId,
      },
      version: route.version,
      stops: detail.stops,
      next: detail.next,
      places,
      units,
      notice: doneNotice(request.url, { created: 'places.admin.routeCreated', saved: 'places.admin.saved' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  return editRouteAction(deps, actor, locale, request, params.routeId);
}

export default function EditRoutePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const errors = actionData?.errors;
  const posted: Record<string, string> = actionData?.values ?? {};
  const r = posted.intent === 'route' ? { ...d.route, ...posted } : d.route;
  const s = posted.intent === 'addStop' ? posted : {};
  return (
    <>
      <title>{`${t('places.route.title', { name: d.route.name })} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/places')}>{t('places.admin.title')}</a>
      </p>
      <h1>{t('places.route.title', { name: d.route.name })}</h1>
      {d.notice ? (
        <p className="alert-ok" role="status">
          {t(d.notice)}
        </p>
      ) : null}
      <p>
        <a href={href(`/places/mobile-routes/${d.route.id}`)}>{t('places.route.publicPage')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={{
          name: t('places.route.name'),
          vehicle: t('places.route.vehicle'),
          description: t('places.route.description'),
          status: t('places.field.status'),
        }}
      />

      <section aria-labelledby="route-details">
        <h2 id="route-details">{t('places.admin.detailsHeading')}</h2>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="route" />
          <input type="hidden" name="version" value={versionForForm(d.version, actionData)} />
          <TextField
            id="route-name"
            label={t('places.route.name')}
            errors={errors}
            name="name"
            maxLength={300}
            defaultValue={r.name}
          />
          <TextField
            id="route-vehicle"
            label={t('places.route.vehicle')}
            errors={errors}
            name="vehicle"
            maxLength={100}
            defaultValue={r.vehicle}
          />
          <TextArea
            id="route-description"
            label={t('places.route.description')}
            errors={errors}
            name="description"
            rows={3}
            maxLength={2000}
            defaultValue={r.description}
          />
          <UnitSelect
            id="route-unit"
            name="unitId"
            label={t('places.field.unit')}
            units={d.units}
            value={r.unitId}
            errors={errors}
          />
          <SelectField
            id="route-status"
            label={t('places.field.status')}
            name="status"
            defaultValue={r.status}
          >
            <option value="active">{t('places.status.active')}</option>
            <option value="closed">{t('places.status.closed')}</option>
          </SelectField>
          <div>
            <button type="submit">{t('places.admin.save')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="route-stops" className="places-admin-section">
        <h2 id="route-stops">{t('places.route.stopsHeading')}</h2>
        {d.stops.length ? (
          <ul>
            {d.stops.map((stop) => (
              <li key={stop.id}>
                <strong>{stop.placeName}</strong>:{' '}
                {stop.weekday !== null
                  ? t('places.stop.weekly', {
                      weekday: t(weekdayKey(stop.weekday)),
                      starts: stop.starts,
                      ends: stop.ends,
                    })
                  : t('places.stop.dated', {
                      dates: stop.dates.map(formatIsoDay).join(', '),
                      starts: stop.starts,
                      ends: stop.ends,
                    })}{' '}
                <form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeStop" />
                  <input type="hidden" name="stopId" value={stop.id} />
                  <button type="submit" className="link-button">
                    {t('places.route.removeStop', { name: stop.placeName })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('places.route.noStops')}</p>
        )}
        <h3>{t('places.route.addStopHeading')}</h3>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="addStop" />
          <FormToken />
          <SelectField
            id="stop-place"
            label={t('places.route.stopPlace')}
            errors={errors}
            name="placeId"
            defaultValue={s.placeId ?? ''}
          >
            <option value="">{t('places.field.choose')}</option>
            {d.places.map((p) => (
              <option key={p.id} value={p.id}>
                {[p.name, p.commune, p.district].filter(Boolean).join(' · ')}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="stop-weekday"
            label={t('places.route.weekday')}
            errors={errors}
            name="weekday"
            defaultValue={s.weekday ?? ''}
          >
            <option value="">{t('places.route.noWeekday')}</option>
            {[1, 2, 3, 4, 5, 6, 7].map((w) => (
              <option key={w} value={w}>
                {t(weekdayKey(w))}
              </option>
            ))}
          </SelectField>
          <TextField
            id="stop-dates"
            label={t('places.route.dates')}
            errors={errors}
            name="dates"
            maxLength={800}
            defaultValue={s.dates ?? ''}
          />
          <TextField
            id="stop-starts"
            label={t('places.route.starts')}
            errors={errors}
            name="starts"
            type="time"
            defaultValue={s.starts ?? ''}
          />
          <TextField
            id="stop-ends"
            label={t('places.route.ends')}
            errors={errors}
            name="ends"
            type="time"
            defaultValue={s.ends ?? ''}
          />
          <TextField
            id="stop-note"
            label={t('places.route.stopNote')}
            errors={errors}
            name="note"
            maxLength={300}
            defaultValue={s.note ?? ''}
          />
          <div>
            <button type="submit">{t('places.route.addStop')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="route-next-admin" className="places-admin-section">
        <h2 id="route-next-admin">{t('places.route.nextHeading')}</h2>
        <ul className="plain-list">
          {d.next.map((o) => {
            const label = `${dayLabel(t, o.day, o.weekday)}, ${o.starts}–${o.ends}, ${o.placeName}`;
            const id = `cancel-${o.stopId}-${o.day}`;
            return (
              <li key={`${o.stopId}-${o.day}`} className={o.cancelled ? 'stop-cancelled result' : 'result'}>
                <span className="stop-when">{label}</span>
                {o.cancelled ? (
                  <>
                    {' '}
                    <span className="stop-cancel-reason">
                      {t('places.stop.cancelled', { reason: o.reason ?? '' })}
                    </span>
                    <form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="stopId" value={o.stopId} />
                      <input type="hidden" name="day" value={o.day} />
                      <button type="submit" className="link-button">
                        {t('places.route.restore', { day: formatIsoDay(o.day) })}
                      </button>
                    </form>
                  </>
                ) : (
                  <form method="post" className="filters">
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="stopId" value={o.stopId} />
                    <input type="hidden" name="day" value={o.day} />
                    <TextField
                      id={id}
                      label={t('places.route.cancelReason', { day: formatIsoDay(o.day) })}
                      name="reason"
                      maxLength={500}
                    />
                    <button type="submit">{t('places.route.cancel')}</button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
