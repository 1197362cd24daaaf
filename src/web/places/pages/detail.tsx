// A service point's public page: today's opening status, the weekly hours, upcoming exceptions (holidays,
// special hours), services, accessibility, contact, mobile-library visits, and schema.org JSON-LD
// (Library / Museum / CivicStructure) carrying the request's CSP nonce, as on the catalogue record page.
import { useRouteLoaderData } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { listPublicSessions } from '../../../modules/events/events.usecases.server.ts';
import { weeklyTable } from '../../../modules/places/places.hours.ts';
import { placeJsonLd } from '../../../modules/places/places.presenters.server.ts';
import { isoWeekday, localNow } from '../../../modules/places/places.time.ts';
import { getPlace } from '../../../modules/places/places.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { SessionTime } from '../../events/components/EventParts.tsx';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { viData } from '../../ui/data-lang.ts';
import { directionsUrl } from '../../ui/map-links.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { dayLabel, weekdayKey } from '../format.ts';
import placesCss from '../places.css?url';
import type { Route } from './+types/detail.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: placesCss }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const detail = await getPlace(deps, actor, params.placeId);
    const upcoming = await listPublicSessions(deps, { place: detail.place.id }, 5);
    const url = new URL(request.url);
    const canonical = `${deps.config.publicUrl.replace(/\/$/, '')}${url.pathname}`;
    const { place, ...rest } = detail;
    return {
      place: { ...place, createdAt: place.createdAt.toISOString(), updatedAt: place.updatedAt.toISOString() },
      ...rest,
      events: upcoming.map((s) => ({
        sessionId: s.sessionId,
        eventId: s.event.id,
        title: s.event.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        cancelled: s.cancelled,
      })),
      today: localNow(deps.now()),
      ld: JSON.stringify(placeJsonLd(detail, canonical)).replace(/</g, '\\u003c'),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PlaceDetailPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { place: p, status, weekly, exceptions, visits, events, today, ld, canEdit } = loaderData;
  const where = [p.address, p.commune, p.district].filter(Boolean).join(', ');
  const statusText =
    status.state === 'open'
      ? t('places.detail.openNow', { closes: status.closesAt })
      : status.state === 'closed'
        ? status.next
          ? status.next.day === today.day
            ? t('places.detail.closedOpensToday', { opens: status.next.opens })
            : t('places.detail.closedOpensOn', {
                opens: status.next.opens,
                day: dayLabel(t, status.next.day, isoWeekday(status.next.day)),
              })
          : t('places.detail.closedNoNext')
        : t('places.detail.hoursUnknown');
  return (
    <article className="place">
      <title>{`${p.name} — Suốt Đời`}</title>
      {p.description ? <meta name="description" content={p.description.slice(0, 300)} /> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON from our presenter with every "<" escaped (loader) */}
      <script type="application/ld+json" nonce={root?.nonce} dangerouslySetInnerHTML={{ __html: ld }} />
      <p>
        <a href={href('/places')}>{t('places.detail.back')}</a>
      </p>
      <p className="muted">{t(`places.kind.${p.kind}` as MessageKey)}</p>
      <h1 {...vi}>{p.name}</h1>
      {p.status !== 'active' ? (
        <p className="notice" role="status">
          {t('places.detail.closedPermanently')}
        </p>
      ) : null}
      {canEdit ? (
        <p>
          <a href={href(`/admin/places/${p.id}`)}>{t('places.detail.edit')}</a>
        </p>
      ) : null}
      <p className={`place-status-${status.state === 'open' ? 'open' : 'closed'}`}>
        <strong>{t('places.detail.today')}</strong> {statusText}
        {status.today.exception?.note ? ` (${status.today.exception.note})` : ''}
      </p>
      <dl className="record-fields">
        {where ? (
          <div>
            <dt>{t('places.detail.address')}</dt>
            <dd {...vi}>{where}</dd>
          </div>
        ) : null}
        {p.phone ? (
          <div>
            <dt>{t('places.detail.phone')}</dt>
            <dd>
              <a href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>{p.phone}</a>
            </dd>
          </div>
        ) : null}
        {p.email ? (
          <div>
            <dt>{t('places.detail.email')}</dt>
            <dd>
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </dd>
          </div>
        ) : null}
        {p.website ? (
          <div>
            <dt>{t('places.detail.website')}</dt>
            <dd>
              <a href={p.website} rel="noopener noreferrer">
                {p.website}
              </a>
            </dd>
          </div>
        ) : null}
        {p.lat !== null && p.lng !== null ? (
          <div>
            <dt>{t('places.detail.directions')}</dt>
            <dd>
              <a href={`geo:${p.lat},${p.lng}?q=${p.lat},${p.lng}(${encodeURIComponent(p.name)})`}>
                {t('places.detail.directionsApp')}
              </a>{' '}
              ·{' '}
              <a href={directionsUrl(p)} rel="noopener noreferrer">
                {t('places.detail.directionsWeb')}
              </a>
            </dd>
          </div>
        ) : null}
        {p.lat !== null && p.lng !== null ? (
          <div>
            <dt>{t('places.detail.coordinates')}</dt>
            <dd>
              {p.lat.toFixed(5)}, {p.lng.toFixed(5)} ·{' '}
              <a href={`${href('/places')}?lat=${p.lat}&lng=${p.lng}`}>{t('places.detail.nearby')}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {p.description ? <p {...vi}>{p.description}</p> : null}
      {p.photos.length ? (
        <ul className="plain-list place-photos">
          {p.photos.map((ph) => (
            <li key={ph.fileId}>
              <img src={`/media/${ph.fileId}/medium`} alt={ph.alt} loading="lazy" />
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby="place-hours">
        <h2 id="place-hours">{t('places.detail.hoursHeading')}</h2>
        {weekly.length ? (
          <table className="hours-table">
            <caption className="visually-hidden">{t('places.detail.hoursCaption', { name: p.name })}</caption>
            <tbody>
              {weeklyTable(weekly).map((row) => (
                <tr key={row.weekday} className={row.weekday === today.weekday ? 'hours-today' : undefined}>
                  <th scope="row">
                    {t(weekdayKey(row.weekday))}
                    {row.weekday === today.weekday ? (
                      <span className="visually-hidden"> ({t('places.detail.todayShort')})</span>
                    ) : null}
                  </th>
                  <td>
                    {row.intervals.length
                      ? row.intervals.map((i) => `${i.opens}–${i.closes}`).join(', ')
                      : t('places.detail.closedDay')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('places.detail.noHours')}</p>
        )}
        {exceptions.length ? (
          <>
            <h3>{t('places.detail.exceptionsHeading')}</h3>
            <ul>
              {exceptions.map((e) => (
                <li key={e.day}>
                  <strong>{formatIsoDay(e.day)}</strong>:{' '}
                  {e.closed
                    ? t('places.detail.exceptionClosed')
                    : t('places.detail.exceptionHours', { opens: e.opens ?? '', closes: e.closes ?? '' })}
                  {e.note ? ` — ${e.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {p.services.length ? (
        <section aria-labelledby="place-services">
          <h2 id="place-services">{t('places.detail.servicesHeading')}</h2>
          <ul>
            {p.services.map((s) => (
              <li key={s}>{t(`places.service.${s}` as MessageKey)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="place-access">
        <h2 id="place-access">{t('places.detail.accessibilityHeading')}</h2>
        <p>{p.accessibility ?? t('places.detail.noAccessibility')}</p>
      </section>

      <section aria-labelledby="place-events">
        <h2 id="place-events">{t('places.detail.eventsHeading')}</h2>
        {events.length ? (
          <ul>
            {events.map((e) => (
              <li key={e.sessionId}>
                <a href={href(`/events/${e.eventId}`)} {...vi}>
                  {e.title}
                </a>{' '}
                — <SessionTime startsAt={e.startsAt} endsAt={e.endsAt} />
                {e.cancelled ? <strong> — {t('events.session.cancelled')}</strong> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('places.detail.noEvents')}</p>
        )}
        <p>
          <a href={`${href('/events')}?place=${encodeURIComponent(p.id)}`}>
            {t('places.detail.eventsAll', { name: p.name })}
          </a>
        </p>
      </section>

      {visits.length ? (
        <section aria-labelledby="place-visits">
          <h2 id="place-visits">{t('places.detail.visitsHeading')}</h2>
          <ul>
            {visits.map((v) => (
              <li key={`${v.stopId}-${v.day}`} className={v.cancelled ? 'stop-cancelled' : undefined}>
                <span className="stop-when">
                  {dayLabel(t, v.day, v.weekday)}, {v.starts}–{v.ends}
                </span>{' '}
                (
                <a href={href(`/places/mobile-routes/${v.routeId}`)} {...vi}>
                  {v.routeName}
                </a>
                )
                {v.cancelled ? (
                  <span className="stop-cancel-reason">
                    {' '}
                    {t('places.stop.cancelled', { reason: v.reason ?? '' })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
