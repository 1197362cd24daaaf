// A map of the service points drawn on the server as SVG: no tile server, no third party, no JavaScript.
// It is a sketch of where places are (districts labelled, "you" marked when sorting by distance); the list below
// carries the same places with links, so the picture is described once and hidden from the reading order.
import { useT } from '../../i18n.ts';
import { kindGroup, layoutOverview, type MapPoint } from '../overview-map.ts';

const GROUPS = ['library', 'museum', 'culture', 'other'] as const;

export function OverviewMap(props: {
  points: readonly MapPoint[];
  you: { lat: number; lng: number } | null;
  youLabel: string | null;
}) {
  const t = useT();
  const m = layoutOverview(props.points, props.you);
  if (!m) return null;
  return (
    <figure className="places-overview" aria-labelledby="places-overview-caption">
      <svg
        viewBox={`0 0 ${m.width} ${m.height}`}
        role="img"
        aria-labelledby="places-overview-title"
        className="places-overview-map"
      >
        <title id="places-overview-title">
          {t('places.overview.alt', { count: m.points.length, districts: m.districts.length })}
        </title>
        <rect x="0" y="0" width={m.width} height={m.height} className="overview-sea" />
        {m.points.map((p) => (
          <circle
            key={p.id}
            cx={p.x}
            cy={p.y}
            r="6"
            className={`overview-pt overview-${kindGroup(p.kind)}`}
          />
        ))}
        {m.districts.map((d) => (
          <text key={d.name} x={d.x} y={d.y - 10} className="overview-label" textAnchor="middle">
            {d.name}
          </text>
        ))}
        {m.inset ? (
          <g className="overview-inset">
            <rect x={m.inset.x} y={m.inset.y} width={m.inset.width} height={m.inset.height} />
            {m.inset.points.map((p) => (
              <circle
                key={p.id}
                cx={p.x}
                cy={p.y}
                r="6"
                className={`overview-pt overview-${kindGroup(p.kind)}`}
              />
            ))}
            {m.inset.districts.map((d) => (
              <text key={d.name} x={d.x} y={d.y - 10} className="overview-label" textAnchor="middle">
                {d.name}
              </text>
            ))}
          </g>
        ) : null}
        {m.you ? (
          <g className="overview-you">
            <circle cx={m.you.x} cy={m.you.y} r="9" />
            <circle cx={m.you.x} cy={m.you.y} r="3" />
            <text x={m.you.x + 13} y={m.you.y + 4} className="overview-label">
              {props.youLabel ?? t('places.overview.you')}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption id="places-overview-caption">
        <ul className="overview-legend">
          {GROUPS.map((g) => (
            <li key={g}>
              <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
                <circle cx="6" cy="6" r="6" className={`overview-pt overview-${g}`} />
              </svg>{' '}
              {t(`places.overview.group.${g}`)}
            </li>
          ))}
        </ul>
        <p className="hint">{t('places.overview.caption')}</p>
      </figcaption>
    </figure>
  );
}
