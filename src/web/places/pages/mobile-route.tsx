// A mobile-library route's public page: the next stops in Asia/Ho_Chi_Minh (cancelled ones kept, marked
// and explained), then the regular schedule. No framework JavaScript; one inline line registers the worker that
// keeps the page for reading with no network once visited (places.route-offline.http.server.ts).

import { useRouteLoaderData } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { getRoute } from '../../../modules/places/places.mobile.usecases.server.ts';
import { ROUTE_OFFLINE_SCRIPT } from '../../../modules/places/places.route-offline.http.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { viData } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { dayLabel, weekdayKey } from '../format.ts';
import placesCss from '../places.css?url';
import type { Route } from './+types/mobile-route.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: placesCss }];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const d = await getRoute(deps, actor, params.routeId, { days: 35, limit: 24 });
    return {
      route: {
        id: d.route.id,
        name: d.route.name,
        vehicle: d.route.vehicle,
        description: d.route.description,
        status: d.route.status,
      },
      stops: d.stops,
      next: d.next,
      canEdit: d.canEdit,
      offlineScript: ROUTE_OFFLINE_SCRIPT,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function MobileRoutePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { route, stops, next, canEdit, offlineScript } = loaderData;
  const cancelledCount = next.filter((o) => o.cancelled).length;
  return (
    <article>
      <title>{`${route.name} — Suốt Đời`}</title>
      <p>
        <a href={href('/places')}>{t('places.detail.back')}</a>
      </p>
      <p className="muted">{t('places.routes.kicker')}</p>
      <h1 {...vi}>{route.name}</h1>
      {route.vehicle ? <p>{t('places.routes.vehicle', { vehicle: route.vehicle })}</p> : null}
      {route.description ? <p>{route.description}</p> : null}
      {route.status !== 'active' ? <p className="notice">{t('places.routes.inactive')}</p> : null}
      {canEdit ? (
        <p>
          <a href={href(`/admin/places/routes/${route.id}`)}>{t('places.routes.edit')}</a>
        </p>
      ) : null}

      <section aria-labelledby="route-next">
        <h2 id="route-next">{t('places.routes.nextHeading')}</h2>
        {cancelledCount ? (
          <p className="notice" role="status">
            {t('places.routes.cancelledNotice', { count: cancelledCount })}
          </p>
        ) : null}
        {next.length ? (
          // A list rather than a table: one stop per card, readable on a 360 px phone without sideways scrolling.
          <ol className="stop-list" aria-label={t('places.routes.nextCaption', { name: route.name })}>
            {next.map((o) => (
              <li key={`${o.stopId}-${o.day}`} className={o.cancelled ? 'stop-cancelled' : undefined}>
                <p className="stop-when">
                  <strong>{dayLabel(t, o.day, o.weekday)}</strong>, {o.starts}–{o.ends}
                </p>
                <p>
                  <a href={href(`/places/${o.placeId}`)} {...vi}>
                    {o.placeName}
                  </a>
                  {o.placeCommune || o.placeDistrict ? (
                    <span className="muted">
                      {' '}
                      · {[o.placeCommune, o.placeDistrict].filter(Boolean).join(', ')}
                    </span>
                  ) : null}
                </p>
                <p>
                  {o.cancelled ? (
                    <span className="stop-cancel-reason">
                      {t('places.stop.cancelled', { reason: o.reason ?? '' })}
                    </span>
                  ) : (
                    t('places.stop.scheduled')
                  )}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('places.routes.noNext')}</p>
        )}
      </section>

      <section aria-labelledby="route-stops">
        <h2 id="route-stops">{t('places.routes.scheduleHeading')}</h2>
        <ul>
          {stops.map((s) => (
            <li key={s.id}>
              <a href={href(`/places/${s.placeId}`)} {...vi}>
                {s.placeName}
              </a>
              :{' '}
              {s.weekday !== null
                ? t('places.stop.weekly', {
                    weekday: t(weekdayKey(s.weekday)),
                    starts: s.starts,
                    ends: s.ends,
                  })
                : t('places.stop.dated', {
                    dates: s.dates.map(formatIsoDay).join(', '),
                    starts: s.starts,
                    ends: s.ends,
                  })}
              {s.note ? ` — ${s.note}` : ''}
            </li>
          ))}
        </ul>
      </section>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of our own (no user data), nonce'd */}
      <script nonce={root?.nonce} dangerouslySetInnerHTML={{ __html: offlineScript }} />
    </article>
  );
}
