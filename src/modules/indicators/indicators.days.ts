// Maps a session's local day (MM-DD) to the commemorative day it falls on: a single day first, else a range
// it lies in (2/10 is Ngày Khuyến học, inside the 1–7/10 week). Pure.
export interface DayRule {
  code: string;
  name: string;
  month: number;
  day: number;
  end?: { month: number; day: number } | undefined;
}

const md = (m: number, d: number) => m * 100 + d;

export function commemorativeDayOf(mmdd: string, days: readonly DayRule[]): DayRule | null {
  const m = /^(\d{2})-(\d{2})$/.exec(mmdd);
  if (!m) return null;
  const v = md(Number(m[1]), Number(m[2]));
  const single = days.find((d) => !d.end && md(d.month, d.day) === v);
  if (single) return single;
  return days.find((d) => d.end && md(d.month, d.day) <= v && v <= md(d.end.month, d.end.day)) ?? null;
}

/** Sums MM-DD rows per commemorative day, in the calendar's order; days with nothing are kept (zero). */
export function byCommemorativeDay(rows: ReadonlyMap<string, number>, days: readonly DayRule[]) {
  const totals = new Map<string, number>(days.map((d) => [d.code, 0]));
  let other = 0;
  for (const [mmdd, value] of rows) {
    const day = commemorativeDayOf(mmdd, days);
    if (day) totals.set(day.code, (totals.get(day.code) ?? 0) + value);
    else other += value;
  }
  return { days: days.map((d) => ({ code: d.code, name: d.name, value: totals.get(d.code) ?? 0 })), other };
}
