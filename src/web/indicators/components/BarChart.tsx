// A horizontal bar chart rendered on the server as SVG (no JavaScript, printable), with an optional target mark
// per bar. The chart is an image with a title; the same data follows as a table (ChartFigure) and as CSV.
export interface Bar {
  /** Unique among the bars. */
  key: string;
  label: string;
  value: number | null;
  target?: number | null | undefined;
}

const ROW = 28;
const LABEL_W = 150;
const WIDTH = 560;

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
  const plot = WIDTH - LABEL_W - 60;
  const height = Math.max(ROW, bars.length * ROW) + 8;
  const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((b, i) => {
        const y = 4 + i * ROW;
        const w = b.value ? (b.value / max) * plot : 0;
        const tx = b.target !== null && b.target !== undefined ? LABEL_W + (b.target / max) * plot : null;
        return (
          <g key={b.key}>
            <text x={LABEL_W - 6} y={y + 17} textAnchor="end" fontSize="13" fill="#1b1b1b">
              {short(b.label)}
            </text>
            <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 10} fill="#1d5e8c" />
            <text x={LABEL_W + w + 4} y={y + 17} fontSize="13" fill="#1b1b1b">
              {formatNumber(b.value, locale)}
            </text>
            {tx !== null ? (
              <line x1={tx} x2={tx} y1={y + 1} y2={y + ROW - 3} stroke="#b3261e" strokeWidth="3" />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
