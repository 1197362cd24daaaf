// Pure calculations of the learner's record: streaks of learning days and the hours table and chart series.
import { RECORD_CATEGORIES } from './lrs.vocab.ts';

const DAY = 86_400_000;
const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);

/** Current streak (ending today or yesterday) and longest streak, from distinct `YYYY-MM-DD` days. */
export function streaks(days: readonly string[], today: string): { current: number; longest: number } {
  const nums = [...new Set(days.map(dayNumber))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < nums.length; i++) {
    run = i > 0 && nums[i] === (nums[i - 1] as number) + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const t = dayNumber(today);
  const last = nums.at(-1);
  let current = 0;
  if (last !== undefined && (last === t || last === t - 1)) {
    current = 1;
    for (let i = nums.length - 1; i > 0 && nums[i] === (nums[i - 1] as number) + 1; i--) current++;
  }
  return { current, longest };
}

export interface HoursCell {
  year: number;
  category: string;
  hours: number;
}

/** Hours per year and category, every category in vocabulary order, rounded to 0.1 h. */
export function hoursTable(rows: ReadonlyArray<{ year: number; category: string; seconds: number }>) {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const categories = RECORD_CATEGORIES.filter((c) => rows.some((r) => r.category === c && r.seconds > 0));
  const cells: HoursCell[] = [];
  for (const year of years) {
    for (const category of categories) {
      const s = rows
        .filter((r) => r.year === year && r.category === category)
        .reduce((n, r) => n + r.seconds, 0);
      cells.push({ year, category, hours: Math.round(s / 360) / 10 });
    }
  }
  const totals = years.map((year) => ({
    year,
    hours: Math.round(rows.filter((r) => r.year === year).reduce((n, r) => n + r.seconds, 0) / 360) / 10,
  }));
  return { years, categories: [...categories], cells, totals };
}

export const AGE_BAND_OF = (birthYear: number | null, year: number): string => {
  if (birthYear === null) return 'unknown';
  const age = year - birthYear;
  if (age < 16) return '0-15';
  if (age < 25) return '16-24';
  if (age < 40) return '25-39';
  if (age < 60) return '40-59';
  return '60+';
};
