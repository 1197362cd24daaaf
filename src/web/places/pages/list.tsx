// Public registry of service points: an accessible list sorted by district and commune, filters by kind and
// text (diacritics folded), "near me" from typed coordinates (GET form, no JavaScript) sorted by distance.
// With JavaScript a small script fills the coordinates from the browser's location; a Leaflet map is added
// only when an administrator configured a tile server (otherwise no page calls any third party).
import { data, useRouteLoaderData } from 'react-router';
import type { MessageKey } from '../../../lib/i18n.ts';
import { PLACE_KINDS } from '../../../modules/places/places.kinds.ts';
import { listCommuneCentres, mapPoints } from '../../../modules/places/places.map.server.ts';
import { listRoutes } from '../../../modules/places/places.mobile.usecases.server.ts';
import { readMapSettings } from '../../../modules/places/places.settings.server.ts';
import { communeLabel, listDistricts, listPlaces } from '../../../modules/places/places.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { viData } from '../../ui/data-lang.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { OverviewMap } from '../components/OverviewMap.tsx';
import { PlacesMap } from '../components/PlacesMap.tsx';
import { formatKm } from '../format.ts';
import { placesHref } from '../href.ts';
import placesCss from '../places.css?url';
import enhanceUrl from '../places-enhance.js?url&no-inline';
import { readPlacesQuery } from '../query.server.ts';
import type { Route } from './+types/list.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: placesCss }];

/** Lets the security headers add the configured tile server to img-src (see src/http/security.ts). */
export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const pq = readPlacesQuery(new URL(request.url));
  try {
    // The commune centres are read once: the "near me" choices, and the centre a `near=<commune>` sorts from.
    const centres = listCommuneCentres(deps, actor);
    const [list, districts, routes, map, communes] = await Promise.all([
      centres.then((c) => listPlaces(deps, actor, pq.query, c)),
      listDistricts(deps, actor),
      listRoutes(deps, actor),
      readMapSettings(deps),
      centres,
    ]);
    // Without a configured tile server the page draws its own map of the filter's located places.
    const points = map.tileUrl ? [] : await mapPoints(deps, actor, pq.query);
    const tileHeaders: Record<string, string> = map.tileUrl
      ? { 'X-Csp-Img-Origin': new URL(map.tileUrl.replace(/[{}]/g, '')).origin }
      : {};
    const payload = {
      pq,
      districts,
      routes: routes.map((r) => ({ id: r.id, name: r.name })),
      map,
      total: list.total,
      page: list.page,
      lastPage: Math.max(1, Math.ceil(list.total / list.pageSize)),
      near: list.near,
      nearCommune: list.nearCommune,
      unknownCommune: Boolean(pq.query.near && !list.nearCommune && !list.near),
      communes: communes.map(communeLabel),
      points: points.map((p) => ({ id: p.id, kind: p.kind, district: p.district, lat: p.lat, lng: p.lng })),
      places: list.rows.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        district: p.district,
        commune: p.commune,
        address: p.address,
        lat: p.lat,
        lng: p.lng,
        distanceKm: p.distanceKm,
      })),
    };
    return data(payload, { headers: tileHeaders });
  } catch (e) {
    rethrowForPage(e);
  }
}

type PlaceItem = Route.ComponentProps['loaderData']['places'][number];

function groupByDistrict(
  places: readonly PlaceItem[],
): Array<{ district: string | null; places: PlaceItem[] }> {
  const groups: Array<{ district: string | null; places: PlaceItem[] }> = [];
  for (const p of places) {
    const last = groups.at(-1);
    if (last && last.district === p.district) last.places.push(p);
    else groups.push({ district: p.district, places: [p] });
  }
  return groups;
}

export default function PlacesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const vi = viData(locale);
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const d = loaderData;
  const base = href('/places');
  const kind = typeof d.pq.query.kind === 'string' ? d.pq.query.kind : '';
  const filtered = Boolean(d.pq.query.q || kind || d.pq.query.district);
  const item = (p: PlaceItem, headingLevel: 'h3' | 'h4') => {
    const Heading = headingLevel;
    return (
      <li key={p.id} className="result place-result">
        <Heading>
          <a href={href(`/places/${p.id}`)} {...vi}>
            {p.name}
          </a>
        </Heading>
        <p className="muted">{t(`places.kind.${p.kind}` as MessageKey)}</p>
        <p {...vi}>{[p.address, p.commune, p.district].filter(Boolean).join(', ')}</p>
        {d.near ? (
          <p className="place-distance">
            {p.distanceKm === null
              ? t('places.list.noCoordinates')
              : t('places.list.distance', { distance: formatKm(p.distanceKm, locale) })}
          </p>
        ) : null}
      </li>
    );
  };
  return (
    <>
      <title>{`${t('places.list.title')} — Suốt Đời`}</title>
      <meta name="description" content={t('places.list.metaDescription')} />
      <h1>{t('places.list.title')}</h1>
      <p className="lead">{t('places.list.intro')}</p>

      <search className="places-forms">
        <form method="get" action={base} className="filters" aria-labelledby="places-filter-title">
          <h2 id="places-filter-title" className="small-heading">
            {t('places.list.filterHeading')}
          </h2>
          <TextField
            id="places-q"
            label={t('places.list.q')}
            type="search"
            name="q"
            maxLength={200}
            defaultValue={d.pq.query.q ?? ''}
          />
          <SelectField id="places-kind" label={t('places.list.kind')} name="kind" defaultValue={kind}>
            <option value="">{t('places.list.anyKind')}</option>
            {PLACE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`places.kind.${k}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="places-district"
            label={t('places.list.district')}
            name="district"
            defaultValue={d.pq.query.district ?? ''}
          >
            <option value="">{t('places.list.anyDistrict')}</option>
            {d.districts.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          {d.nearCommune ? <input type="hidden" name="near" value={d.nearCommune} /> : null}
          {d.near && !d.nearCommune ? (
            <>
              <input type="hidden" name="lat" value={d.pq.typed.lat} />
              <input type="hidden" name="lng" value={d.pq.typed.lng} />
            </>
          ) : null}
          <button type="submit">{t('places.list.filterSubmit')}</button>
        </form>

        {d.communes.length ? (
          <form
            method="get"
            action={base}
            className="filters places-commune"
            aria-labelledby="places-commune-title"
          >
            <h2 id="places-commune-title" className="small-heading">
              {t('places.commune.heading')}
            </h2>
            {d.unknownCommune ? (
              <p className="field-error" id="places-commune-error" role="alert">
                {t('places.commune.unknown')}
              </p>
            ) : null}
            <SelectField
              id="places-commune"
              label={t('places.commune.label')}
              name="near"
              defaultValue={d.nearCommune ?? ''}
              {...(d.unknownCommune
                ? { 'aria-invalid': true, 'aria-describedby': 'places-commune-error' }
                : {})}
            >
              <option value="">{t('places.commune.choose')}</option>
              {d.communes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </SelectField>
            {d.pq.query.q ? <input type="hidden" name="q" value={d.pq.query.q} /> : null}
            {kind ? <input type="hidden" name="kind" value={kind} /> : null}
            <button type="submit">{t('places.commune.submit')}</button>
          </form>
        ) : null}

        <form
          method="get"
          action={base}
          className="filters places-near"
          id="places-near-form"
          aria-labelledby="places-near-title"
          data-locate-label={t('places.near.useLocation')}
          data-locating-label={t('places.near.locating')}
          data-locate-error={t('places.near.locateError')}
        >
          <h2 id="places-near-title" className="small-heading">
            {t('places.near.heading')}
          </h2>
          <p className="hint" id="places-near-hint">
            {t('places.near.hint')}
          </p>
          {d.pq.invalidCoordinates ? (
            <p className="field-error" id="places-near-error" role="alert">
              {t('places.near.invalid')}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="places-lat">{t('places.near.lat')}</label>
            <input
              id="places-lat"
              name="lat"
              inputMode="decimal"
              autoComplete="off"
              maxLength={30}
              defaultValue={d.pq.typed.lat}
              aria-describedby={
                d.pq.invalidCoordinates ? 'places-near-hint places-near-error' : 'places-near-hint'
              }
              {...(d.pq.invalidCoordinates ? { 'aria-invalid': true } : {})}
            />
          </div>
          <div className="field">
            <label htmlFor="places-lng">{t('places.near.lng')}</label>
            <input
              id="places-lng"
              name="lng"
              inputMode="decimal"
              autoComplete="off"
              maxLength={30}
              defaultValue={d.pq.typed.lng}
              aria-describedby={
                d.pq.invalidCoordinates ? 'places-near-hint places-near-error' : 'places-near-hint'
              }
              {...(d.pq.invalidCoordinates ? { 'aria-invalid': true } : {})}
            />
          </div>
          {d.pq.query.q ? <input type="hidden" name="q" value={d.pq.query.q} /> : null}
          {kind ? <input type="hidden" name="kind" value={kind} /> : null}
          {d.pq.query.district ? <input type="hidden" name="district" value={d.pq.query.district} /> : null}
          <p className="places-near-status" role="status" aria-live="polite" />
          <button type="submit">{t('places.near.submit')}</button>
        </form>
      </search>

      {d.map.tileUrl ? (
        <PlacesMap
          nonce={root?.nonce}
          tileUrl={d.map.tileUrl}
          attribution={d.map.attribution}
          places={d.places.filter((p) => p.lat !== null && p.lng !== null)}
          placeHref={(id) => href(`/places/${id}`)}
          near={d.near}
        />
      ) : (
        <OverviewMap points={d.points} you={d.near} youLabel={d.nearCommune} />
      )}

      <section aria-labelledby="places-results">
        <h2 id="places-results">
          {d.nearCommune
            ? t('places.list.resultsNearCommune', { count: d.total, commune: d.nearCommune })
            : d.near
              ? t('places.list.resultsNear', { count: d.total })
              : t('places.list.results', { count: d.total })}
        </h2>
        {d.near || filtered ? (
          <p>
            <a href={base}>{t('places.list.clear')}</a>
          </p>
        ) : null}
        {d.total === 0 ? <p className="notice">{t('places.list.none')}</p> : null}
        {d.near ? (
          <ol className="results">{d.places.map((p) => item(p, 'h3'))}</ol>
        ) : (
          groupByDistrict(d.places).map((g, i) => (
            <section key={g.district ?? '-'} aria-labelledby={`places-district-${i}`}>
              <h3 id={`places-district-${i}`} className="places-district" {...(g.district ? vi : {})}>
                {g.district ?? t('places.list.noDistrict')}
              </h3>
              <ul className="results">{g.places.map((p) => item(p, 'h4'))}</ul>
            </section>
          ))
        )}
        {d.lastPage > 1 ? (
          <nav aria-label={t('places.list.pagination')} className="pagination">
            {d.page > 1 ? (
              <a rel="prev" href={placesHref(base, d.pq, { page: String(d.page - 1) })}>
                {t('places.list.prev')}
              </a>
            ) : null}
            <span>{t('places.list.pageOf', { page: d.page, last: d.lastPage })}</span>
            {d.page < d.lastPage ? (
              <a rel="next" href={placesHref(base, d.pq, { page: String(d.page + 1) })}>
                {t('places.list.next')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>

      {d.routes.length ? (
        <section aria-labelledby="places-routes">
          <h2 id="places-routes">{t('places.routes.heading')}</h2>
          <p>{t('places.routes.intro')}</p>
          <ul>
            {d.routes.map((r) => (
              <li key={r.id}>
                <a href={href(`/places/mobile-routes/${r.id}`)} {...vi}>
                  {r.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <script src={enhanceUrl} nonce={root?.nonce} defer />
    </>
  );
}
