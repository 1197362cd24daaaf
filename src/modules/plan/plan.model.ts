// The program plan's vocabulary (phases, sections, time cells) and the rule that turns a task's time cell
// into yearly instances. Pure: no I/O, so the rules are unit-tested on their own.

export const PLAN_PHASES = ['2023-2025', '2025-2030'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

export const PLAN_SECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** The years each appendix covers (Phụ lục I: 2023–2025, Phụ lục II: 2025–2030). */
export const PHASE_YEARS: Readonly<Record<PlanPhase, { from: number; to: number }>> = {
  '2023-2025': { from: 2023, to: 2025 },
  '2025-2030': { from: 2025, to: 2030 },
};

/** The program runs to 2030; the plan was issued in 2023. No instance falls outside these years. */
export const PROGRAM_YEARS = { from: 2023, to: 2030 } as const;
/** Every year of the program, in order (2023 … 2030). */
export const PROGRAM_YEAR_LIST: readonly number[] = Array.from(
  { length: PROGRAM_YEARS.to - PROGRAM_YEARS.from + 1 },
  (_, i) => PROGRAM_YEARS.from + i,
);

/**
 * The "Thời gian thực hiện" cell. `unspecified` is an empty cell in the source (Phụ lục I, III.2): it is
 * kept as such rather than guessed, and its instances are marked as inferred (see `expandInstanceYears`).
 */
export type PlanTime =
  | { kind: 'range'; from: number; to: number }
  | { kind: 'year'; year: number }
  | { kind: 'yearly' }
  | { kind: 'unspecified' };
export type PlanTimeKind = PlanTime['kind'];

export interface InstanceYear {
  year: number;
  /** True when the source did not give a time and the year was inferred from the task's phase. */
  inferred: boolean;
}

function yearsBetween(from: number, to: number, inferred: boolean): InstanceYear[] {
  const lo = Math.max(from, PROGRAM_YEARS.from);
  const hi = Math.min(to, PROGRAM_YEARS.to);
  const out: InstanceYear[] = [];
  for (let year = lo; year <= hi; year++) out.push({ year, inferred });
  return out;
}

/**
 * One instance per year the task is due:
 * - a range → every year in it (a Phụ lục I range may run past 2025, e.g. "2025 - 2026": the source wins);
 * - a single year → that year;
 * - "Hàng năm" → every year of the task's phase;
 * - an empty time cell → every year of the task's phase, flagged `inferred` so people can correct it.
 * Everything is clipped to the program years 2023–2030.
 */
export function expandInstanceYears(phase: PlanPhase, time: PlanTime): InstanceYear[] {
  switch (time.kind) {
    case 'range':
      return yearsBetween(time.from, time.to, false);
    case 'year':
      return yearsBetween(time.year, time.year, false);
    case 'yearly':
      return yearsBetween(PHASE_YEARS[phase].from, PHASE_YEARS[phase].to, false);
    case 'unspecified':
      return yearsBetween(PHASE_YEARS[phase].from, PHASE_YEARS[phase].to, true);
  }
}

/** A short, language-neutral label for a time cell: "2024–2025", "2025"; yearly/unspecified are translated. */
export function timeRangeLabel(time: PlanTime): string | null {
  if (time.kind === 'range') return `${time.from}–${time.to}`;
  if (time.kind === 'year') return String(time.year);
  return null;
}
