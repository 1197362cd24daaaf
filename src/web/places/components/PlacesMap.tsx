// The optional map of the places page (only when a tile server is configured). The list below it carries
// the same information, so the map is an extra for sighted mouse/touch users, never the only way.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import leafletJs from 'leaflet/dist/leaflet.js?url';
import { useT } from '../../i18n.ts';

export interface MapPlace {
  id: string;
  name: string;
  lat: number | null;
  lng: number | null;
}

export function PlacesMap(props: {
  nonce: string | undefined;
  tileUrl: string;
  attribution: string | null;
  places: readonly MapPlace[];
  placeHref: (id: string) => string;
  near: { lat: number; lng: number } | null;
}) {
  const t = useT();
  const data = JSON.stringify({
    tileUrl: props.tileUrl,
    attribution: props.attribution ?? '',
    near: props.near,
    places: props.places.map((p) => ({ name: p.name, lat: p.lat, lng: p.lng, href: props.placeHref(p.id) })),
  }).replace(/</g, '\\u003c');
  return (
    <section aria-labelledby="places-map-title" className="places-map-section">
      <link rel="stylesheet" href={leafletCss} />
      <h2 id="places-map-title">{t('places.map.heading')}</h2>
      <p className="muted">{t('places.map.listAlternative')}</p>
      <div id="places-map" className="places-map" />
      <script
        type="application/json"
        id="places-map-data"
        nonce={props.nonce}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with every "<" escaped above
        dangerouslySetInnerHTML={{ __html: data }}
      />
      <script src={leafletJs} nonce={props.nonce} defer />
    </section>
  );
}
