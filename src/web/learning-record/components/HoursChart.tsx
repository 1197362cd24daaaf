// Hours per year as stacked bars by category, drawn as SVG on the server (no script). The figures are also
// in the table the page shows next to it; the chart is labelled as an image that says so.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useT } from '../../i18n.ts';

export interface ChartData {
  years: number[];
  categories: string[];
  cells: Array<{ year: number; category: string; hours: number }>;
  totals: Array<{ year: number; hours: number }>;
}

// Colour-blind-safe palette (Okabe–Ito), dark enough against white for non-text contrast (3:1).
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#7A5C00', '#56407A', '#A23B00', '#3D3D3D'];

export function HoursChart({ data, label }: { data: ChartData; label: string }) {
  const t = useT();
  const max = Math.max(1, ...data.totals.map((x) => x.hours));
  const barW = 40;
  const gap = 24;
  const left = 40;
  const height = 160;
  const width = left + data.years.length * (barW + gap) + gap;
  const colour = (c: string) => COLOURS[data.categories.indexOf(c) % COLOURS.length] as string;
  const catLabel = (c: string) => t(`lrs.category.${c}` as MessageKey);
  return (
    <figure className="lr-chart">
      <svg
        role="img"
        viewBox={`0 0 ${width} ${height + 30}`}
        width={Math.max(width, 240)}
        className="lr-chart-svg"
      >
        <title>{label}</title>
        <line x1={left} y1={height} x2={width} y2={height} stroke="#3D3D3D" />
        <text x={left - 6} y={12} textAnchor="end" fontSize="11" fill="#222">
          {Math.round(max)}
        </text>
        <text x={left - 6} y={height} textAnchor="end" fontSize="11" fill="#222">
          0
        </text>
        {data.years.map((year, i) => {
          const x = left + gap + i * (barW + gap);
          let y = height;
          return (
            <g key={year}>
              {data.categories.map((c) => {
                const h = data.cells.find((cell) => cell.year === year && cell.category === c)?.hours ?? 0;
                const px = (h / max) * (height - 10);
                y -= px;
                return px > 0 ? <rect key={c} x={x} y={y} width={barW} height={px} fill={colour(c)} /> : null;
              })}
              <text x={x + barW / 2} y={height + 16} textAnchor="middle" fontSize="12" fill="#222">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="lr-legend">
          {data.categories.map((c) => (
            <li key={c}>
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" fill={colour(c)} />
              </svg>{' '}
              {catLabel(c)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
