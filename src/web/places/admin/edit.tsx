// Back office: edit one service point — details, weekly opening hours (two sessions a day), and dated
// exceptions (holidays, special hours). Each form posts to this route's action with an `intent`.
import { formatIsoDay } from '../../../lib/dates.ts';
import { placeForEdit, unitOptions } from '../../../modules/places/places.admin.server.ts';
import { weeklyTable } from '../../../modules/places/places.hours.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { conflictOf, submittedOf, versionForForm } from '../../ui/version-forms.ts';
import { PlaceForm } from '../components/PlaceForm.tsx';
import { weekdayKey } from '../format.ts';
import type { PlaceFormValues } from '../forms.server.ts';
import type { Route } from './+types/edit.ts';
import { editPlaceAction, placeFormValues } from './edit.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { place, weekly, exceptions } = await placeForEdit(deps, actor, params.placeId);
    const units = await unitOptions(deps, actor, 'places.place.update');
    return {
      id: place.id,
      name: place.name,
      status: place.status,
      version: place.version,
      values: placeFormValues(place),
      units,
      weekly,
      exceptions,
      photos: place.photos,
      notice: doneNotice(request.url, {
        created: 'places.admin.created',
        saved: 'places.admin.saved',
        photo: 'places.photos.added',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  return editPlaceAction(deps, actor, locale, request, params.placeId);
}

/** The details compared side by side after a stale save. */
const PLACE_COMPARED = [
  'name',
  'kind',
  'district',
  'commune',
  'address',
  'phone',
  'email',
  'website',
  'description',
  'accessibility',
  'status',
] as const;

export default function EditPlacePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const errors = actionData?.errors;
  const posted: Record<string, string> = actionData?.values ?? {};
  const intent = posted.intent;
  const placeValues = intent === 'details' ? (posted as unknown as PlaceFormValues) : d.values;
  const hoursValue = (key: string, fallback: string) => (intent === 'hours' ? (posted[key] ?? '') : fallback);
  const table = weeklyTable(d.weekly);
  const ex = intent === 'exception' ? posted : {};
  const version = versionForForm(d.version, actionData);
  return (
    <>
      <title>{`${t('places.admin.editTitle', { name: d.name })} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/places')}>{t('places.admin.title')}</a>
      </p>
      <h1>{t('places.admin.editTitle', { name: d.name })}</h1>
      {d.notice ? (
        <p className="alert-ok" role="status">
          {t(d.notice)}
        </p>
      ) : null}
      {d.status === 'active' ? (
        <p>
          <a href={href(`/places/${d.id}`)}>{t('places.route.publicPage')}</a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={intent === 'details' ? conflictOf(actionData) : undefined}
        submitted={submittedOf(actionData)}
        labels={Object.fromEntries(PLACE_COMPARED.map((f) => [f, t(`places.field.${f}`)]))}
      />

      <section aria-labelledby="place-details">
        <h2 id="place-details">{t('places.admin.detailsHeading')}</h2>
        <PlaceForm
          values={placeValues}
          errors={intent === 'details' ? errors : undefined}
          units={d.units}
          submitLabel={t('places.admin.save')}
          intent="details"
          version={version}
        />
      </section>

      <section aria-labelledby="place-hours-form" className="places-admin-section">
        <h2 id="place-hours-form">{t('places.hours.heading')}</h2>
        <p className="hint">{t('places.hours.hint')}</p>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="hours" />
          <input type="hidden" name="version" value={version} />
          <div className="table-wrap" id="hours-table" tabIndex={-1}>
            <table className="hours-table">
              <caption className="visually-hidden">{t('places.hours.heading')}</caption>
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('places.hours.session1')}</th>
                  <th scope="col">{t('places.hours.session2')}</th>
                </tr>
              </thead>
              <tbody>
                {table.map((row) => (
                  <tr key={row.weekday}>
                    <th scope="row">{t(weekdayKey(row.weekday))}</th>
                    {[1, 2].map((s) => {
                      const i = row.intervals[s - 1];
                      const session = t(s === 1 ? 'places.hours.session1' : 'places.hours.session2');
                      const weekday = t(weekdayKey(row.weekday));
                      return (
                        <td key={s}>
                          <input
                            type="time"
                            name={`h${row.weekday}_${s}_opens`}
                            aria-label={t('places.hours.fieldLabel', {
                              weekday,
                              session,
                              which: t('places.hours.opens'),
                            })}
                            defaultValue={hoursValue(`h${row.weekday}_${s}_opens`, i?.opens ?? '')}
                          />{' '}
                          –{' '}
                          <input
                            type="time"
                            name={`h${row.weekday}_${s}_closes`}
                            aria-label={t('places.hours.fieldLabel', {
                              weekday,
                              session,
                              which: t('places.hours.closes'),
                            })}
                            defaultValue={hoursValue(`h${row.weekday}_${s}_closes`, i?.closes ?? '')}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <button type="submit">{t('places.hours.save')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="place-exceptions" className="places-admin-section">
        <h2 id="place-exceptions">{t('places.exceptions.heading')}</h2>
        {d.exceptions.length ? (
          <ul>
            {d.exceptions.map((e) => (
              <li key={e.day}>
                <strong>{formatIsoDay(e.day)}</strong>:{' '}
                {e.closed
                  ? t('places.detail.exceptionClosed')
                  : t('places.detail.exceptionHours', { opens: e.opens ?? '', closes: e.closes ?? '' })}
                {e.note ? ` — ${e.note}` : ''}{' '}
                <form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeException" />
                  <input type="hidden" name="version" value={version} />
                  <input type="hidden" name="day" value={e.day} />
                  <button type="submit" className="link-button">
                    {t('places.exceptions.remove', { day: formatIsoDay(e.day) })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('places.exceptions.none')}</p>
        )}
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="exception" />
          <FormToken />
          <input type="hidden" name="version" value={version} />
          <TextField
            id="exception-day"
            label={t('places.exceptions.day')}
            errors={errors}
            name="day"
            type="date"
            defaultValue={ex.day ?? ''}
          />
          <div className="field checkbox-field">
            <input
              id="exception-closed"
              name="closed"
              type="checkbox"
              defaultChecked={intent !== 'exception' || ex.closed === 'on'}
            />
            <label htmlFor="exception-closed">{t('places.exceptions.closed')}</label>
          </div>
          <TextField
            id="exception-opens"
            label={t('places.exceptions.opens')}
            errors={errors}
            name="opens"
            type="time"
            defaultValue={ex.opens ?? ''}
          />
          <TextField
            id="exception-closes"
            label={t('places.exceptions.closes')}
            errors={errors}
            name="closes"
            type="time"
            defaultValue={ex.closes ?? ''}
          />
          <TextField
            id="exception-note"
            label={t('places.exceptions.note')}
            errors={errors}
            name="note"
            maxLength={300}
            defaultValue={ex.note ?? ''}
          />
          <div>
            <button type="submit">{t('places.exceptions.add')}</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="place-photos" className="places-admin-section">
        <h2 id="place-photos">{t('places.photos.heading')}</h2>
        {d.photos.length ? (
          <ul className="plain-list place-photos">
            {d.photos.map((ph) => (
              <li key={ph.fileId}>
                <img src={`/media/${ph.fileId}/thumb`} alt={ph.alt} width={160} />
                <form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removePhoto" />
                  <input type="hidden" name="fileId" value={ph.fileId} />
                  <button type="submit" className="link-button">
                    {t('places.photos.remove', { alt: ph.alt })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('places.photos.none')}</p>
        )}
        <p>
          <a href={href(`/admin/places/${d.id}/photos`)}>{t('places.photos.add')}</a>
        </p>
      </section>
    </>
  );
}
