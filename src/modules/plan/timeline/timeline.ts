// The plan's timeline 2023–2030 as a Gantt-like chart: pure layout (no I/O, no React) so that positions,
// the today line and the milestones are unit-tested; the page draws the SVG from this and renders the same
// facts as a table.
import { PROGRAM_YEARS } from '../plan.model.ts';

/** How an instance is drawn. `overdue`: past its due date and neither done nor given up with a reason. */
export const TIMELINE_STATUSES = [
  'not_started',
  'in_progress',
  'overdue',
  'done',
  'not_done',
  'other',
] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

/**
 * The reporting milestones of the plan (Phụ lục I, VII.2 and Phụ lục II, VII.2–3): sơ kết 2025, sơ kết 5 năm
 * 2027, tổng kết 2030. Their day is the due date of the report task's instance; 15 December (the default due
 * date of report tasks) when that instance is missing or has none.
 */
export const PLAN_MILESTONES = [
  { code: 'soKet2025', sourceKey: 'PL1-VII-2', year: 2025 },
  { code: 'soKet5Nam2027', sourceKey: 'PL2-VII-2', year: 2027 },
  { code: 'tongKet2030', sourceKey: 'PL2-VII-3', year: 2030 },
] as const;
export type MilestoneCode = (typeof PLAN_MILESTONES)[number]['code'];

export interface TimelineInstance {
  id: string;
  year: number;
  status: string;
  /** 'YYYY-MM-DD' or null. */
  dueDate: string | null;
}

export interface TimelineTask {
  id: string;
  /** Short label drawn at the left ("I.1 · 23–25"). */
  label: string;
  title: string;
  instances: readonly TimelineInstance[];
}

export interface TimelineOptions {
  /** Today in Vietnam, 'YYYY-MM-DD'. */
  today: string;
  fromYear?: number;
  toYear?: number;
  /** Milestone days by code, when known (from the report tasks' instances). */
  milestoneDays?: Partial<Record<MilestoneCode, string | null>>;
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
}

export interface TimelineBar {
  instanceId: string;
  year: number;
  status: TimelineStatus;
  rawStatus: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineRow {
  taskId: string;
  label: string;
  title: string;
  y: number;
  /** The span from the first to the last instance year, drawn as a thin outline behind the bars. */
  span: { x: number; width: number } | null;
  bars: TimelineBar[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  chart: { left: number; top: number; right: number; bottom: number };
  years: Array<{ year: number; x: number; width: number }>;
  rows: TimelineRow[];
  today: { x: number; day: string } | null;
  milestones: Array<{ code: MilestoneCode; year: number; day: string; x: number }>;
  /** Statuses that occur, in legend order. */
  statuses: TimelineStatus[];
}

const FINAL = new Set(['done', 'not_done']);

/** The category an instance is drawn in. */
export function timelineStatus(status: string, dueDate: string | null, today: string): TimelineStatus {
  if (status === 'done' || status === 'not_done') return status;
  if (dueDate && dueDate < today && !FINAL.has(status)) return 'overdue';
  if (status === 'not_started' || status === 'in_progress') return status;
  return 'other';
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Fraction of the year elapsed at the start of `day` ('YYYY-MM-DD'), 0 ≤ f < 1, and its year. */
export function yearFraction(day: string): { year: number; fraction: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const year = Number(m[1]);
  const start = Date.UTC(year, 0, 1);
  const at = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
  return { year, fraction: (at - start) / 86_400_000 / (isLeap(year) ? 366 : 365) };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function layoutTimeline(tasks: readonly TimelineTask[], opts: TimelineOptions): TimelineLayout {
  const fromYear = opts.fromYear ?? PROGRAM_YEARS.from;
  const toYear = opts.toYear ?? PROGRAM_YEARS.to;
  const width = opts.width ?? 960;
  const labelWidth = opts.labelWidth ?? 150;
  const rowHeight = opts.rowHeight ?? 24;
  const top = 40; // year labels and milestone flags above the rows
  const bottom = top + tasks.length * rowHeight;
  const chart = { left: labelWidth, top, right: width - 10, bottom };
  const yearCount = toYear - fromYear + 1;
  const yearWidth = (chart.right - chart.left) / yearCount;
  const xOfYear = (year: number) => chart.left + (year - fromYear) * yearWidth;
  const xOfDay = (day: string): number | null => {
    const f = yearFraction(day);
    if (!f || f.year < fromYear || f.year > toYear) return null;
    return round(xOfYear(f.year) + f.fraction * yearWidth);
  };

  const years = Array.from({ length: yearCount }, (_, i) => ({
    year: fromYear + i,
    x: round(xOfYear(fromYear + i)),
    width: round(yearWidth),
  }));

  const seen = new Set<TimelineStatus>();
  const pad = Math.min(4, yearWidth / 10);
  const barHeight = Math.max(4, rowHeight - 10);
  const rows: TimelineRow[] = tasks.map((task, index) => {
    const y = top + index * rowHeight;
    const inRange = task.instances.filter((i) => i.year >= fromYear && i.year <= toYear);
    const bars = inRange.map((i) => {
      const status = timelineStatus(i.status, i.dueDate, opts.today);
      seen.add(status);
      return {
        instanceId: i.id,
        year: i.year,
        status,
        rawStatus: i.status,
        x: round(xOfYear(i.year) + pad),
        y: round(y + (rowHeight - barHeight) / 2),
        width: round(yearWidth - 2 * pad),
        height: barHeight,
      };
    });
    const yearsOf = inRange.map((i) => i.year);
    const span = yearsOf.length
      ? {
          x: round(xOfYear(Math.min(...yearsOf))),
          width: round((Math.max(...yearsOf) - Math.min(...yearsOf) + 1) * yearWidth),
        }
      : null;
    return { taskId: task.id, label: task.label, title: task.title, y, span, bars };
  });

  const todayX = xOfDay(opts.today);
  const milestones = PLAN_MILESTONES.flatMap((m) => {
    const day = opts.milestoneDays?.[m.code] ?? `${m.year}-12-15`;
    const x = xOfDay(day);
    return x === null ? [] : [{ code: m.code, year: m.year, day, x }];
  });

  return {
    width,
    height: bottom + 10,
    chart,
    years,
    rows,
    today: todayX === null ? null : { x: todayX, day: opts.today },
    milestones,
    statuses: TIMELINE_STATUSES.filter((s) => seen.has(s)),
  };
}
