// A horizontal bar chart rendered on the server as SVG (no JavaScript, printable), with an optional target mark
// per bar. The chart is an image with a title; the same data follows as a table (ChartFigure) and as CSV.
export interface Bar {
  /** Unique among the bars. */
  key: string;
  label: string;
  value: number | null;
  target?: number | null | undefined;
}

// Each bar has its label above it, so the chart reads at 360 px as well as on a desktop (the SVG scales to
// the column's width, at most 40rem: see `.chart` in app.css).
const ROW = 44;
const WIDTH = 360;
const VALUE_W = 70;

export function formatNumber(v: number | null | undefined, locale: string): string {
  if (v === null || v === undefined) return '—';
  return v.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
}

export function BarChart({
  id,
  title,
  bars,
  locale,
}: {
  id: string;
  title: string;
  bars: readonly Bar[];
  locale: string;
}) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value ?? 0, b.target ?? 0)));
  const plot = WIDTH - VALUE_W;
  const height = Math.max(ROW, bars.length * ROW) + 4;
  const short = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title`}
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((b, i) => {
        const y = i * ROW;
        const w = b.value ? (b.value / max) * plot : 0;
        const tx = b.target !== null && b.target !== undefined ? (b.target / max) * plot : null;
        return (
          <g key={b.key}>
            <text x={0} y={y + 14} fontSize="13" fill="#1b1b1b">
              {short(b.label)}
            </text>
            <rect x={0} y={y + 20} width={Math.max(w, b.value ? 1 : 0)} height={16} fill="#1d5e8c" />
            <text x={w + 4} y={y + 33} fontSize="13" fill="#1b1b1b">
              {formatNumber(b.value, locale)}
            </text>
            {tx !== null ? (
              <line x1={tx} x2={tx} y1={y + 17} y2={y + 39} stroke="#b3261e" strokeWidth="3" />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
