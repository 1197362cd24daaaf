// The plan's timeline drawn as server-rendered SVG (no JavaScript): one row per task, one bar per yearly
// instance filled with a pattern per status (the legend names each pattern, so colour is never the only cue),
// a dashed line for today and diamonds for the milestones. An equivalent table follows it on the page.
import type { MessageKey } from '../../../lib/i18n.ts';
import type { TimelineLayout, TimelineStatus } from '../../../modules/plan/timeline/timeline.ts';
import { useT } from '../../i18n.ts';

export const statusKey = (s: TimelineStatus): MessageKey => `planTimeline.status.${s}`;
export const milestoneKey = (code: string): MessageKey => `planTimeline.milestone.${code as 'soKet2025'}`;
const milestoneShortKey = (code: string): MessageKey => `planTimeline.milestoneShort.${code as 'soKet2025'}`;

const INK = '#1a1a1a';

/** Fill patterns, one per status: outline, hatch, cross-hatch, solid, stripes, dots. */
function Patterns() {
  return (
    <defs>
      <pattern
        id="tl-in_progress"
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#d6e6f7" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#1d5fa8" strokeWidth="3" />
      </pattern>
      <pattern id="tl-overdue" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fbe3e1" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#b3261e" strokeWidth="1.5" />
      </pattern>
      <pattern id="tl-not_done" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ececec" />
        <line x1="0" y1="3" x2="6" y2="3" stroke="#4d4d4d" strokeWidth="2" />
      </pattern>
      <pattern id="tl-other" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fff" />
        <circle cx="3" cy="3" r="1.5" fill="#444" />
      </pattern>
    </defs>
  );
}

export function statusFill(s: TimelineStatus): string {
  if (s === 'done') return '#1b7a3a';
  if (s === 'not_started') return '#ffffff';
  return `url(#tl-${s})`;
}

/** A small swatch for the legend, filled like the bars (patterns are defined once, in the chart). */
export function StatusSwatch({ status }: { status: TimelineStatus }) {
  return (
    <svg
      width="28"
      height="14"
      viewBox="0 0 28 14"
      aria-hidden="true"
      focusable="false"
      className="tl-swatch"
    >
      <rect x="1" y="1" width="26" height="12" fill={statusFill(status)} stroke="#333" strokeWidth="1" />
    </svg>
  );
}

export function PlanTimelineChart({
  layout,
  title,
  description,
  rowHeight,
}: {
  layout: TimelineLayout;
  title: string;
  description: string;
  rowHeight: number;
}) {
  const t = useT();
  const { chart } = layout;
  return (
    <svg
      role="img"
      aria-labelledby="tl-title tl-desc"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="timeline-svg"
      fontFamily="system-ui, sans-serif"
    >
      <title id="tl-title">{title}</title>
      <desc id="tl-desc">{description}</desc>
      <Patterns />
      {layout.years.map((y, i) => (
        <g key={y.year}>
          <rect
            x={y.x}
            y={chart.top}
            width={y.width}
            height={chart.bottom - chart.top}
            fill={i % 2 ? '#f4f6f8' : '#ffffff'}
          />
          <line x1={y.x} y1={chart.top - 4} x2={y.x} y2={chart.bottom} stroke="#8a8a8a" strokeWidth="0.5" />
          <text x={y.x + y.width / 2} y={14} textAnchor="middle" fontSize="12" fontWeight="600" fill={INK}>
            {y.year}
          </text>
        </g>
      ))}
      {layout.rows.map((row) => (
        <g key={row.taskId}>
          <text x={4} y={row.y + rowHeight * 0.68} fontSize="11" fill={INK}>
            {row.label}
          </text>
          {row.span ? (
            <rect
              x={row.span.x + 1}
              y={row.y + 2}
              width={row.span.width - 2}
              height={rowHeight - 4}
              fill="none"
              stroke="#8a8a8a"
              strokeDasharray="2 2"
            />
          ) : null}
          {row.bars.map((b) => (
            <rect
              key={b.instanceId}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              fill={statusFill(b.status)}
              stroke="#333"
            >
              <title>{`${row.label} · ${b.year}: ${t(statusKey(b.status))}`}</title>
            </rect>
          ))}
        </g>
      ))}
      {layout.milestones.map((m, i) => (
        <g key={m.code}>
          <line
            x1={m.x}
            y1={chart.top - 6}
            x2={m.x}
            y2={chart.bottom}
            stroke="#5b2a86"
            strokeWidth="1.5"
            strokeDasharray="6 3"
          />
          <path d={`M${m.x} ${chart.top - 12}l6 6l-6 6l-6 -6z`} fill="#5b2a86" />
          <text
            x={i === layout.milestones.length - 1 ? m.x - 8 : m.x + 8}
            y={chart.top - 6}
            textAnchor={i === layout.milestones.length - 1 ? 'end' : 'start'}
            fontSize="10"
            fill="#5b2a86"
          >
            {t(milestoneShortKey(m.code))}
          </text>
        </g>
      ))}
      {layout.today ? (
        <g>
          <line
            x1={layout.today.x}
            y1={chart.top - 14}
            x2={layout.today.x}
            y2={chart.bottom + 6}
            stroke="#b3261e"
            strokeWidth="2"
          />
          <text x={layout.today.x + 4} y={layout.height - 1} fontSize="10" fontWeight="700" fill="#b3261e">
            {t('planTimeline.today')}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
