// Opening hours: a weekly pattern of intervals plus dated exceptions (closed all day, or special hours).
// Answers "is it open now, until when, and when does it open next" for a place's public page.
import { addDays, isoWeekday, type LocalNow, localNow, toMinutes } from './places.time.ts';

export interface HoursInterval {
  weekday: number;
  opens: string;
  closes: string;
}

export interface HoursException {
  day: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: string | null;
}

export interface DayHours {
  day: string;
  weekday: number;
  intervals: Array<{ opens: string; closes: string }>;
  exception: HoursException | null;
}

export function hoursOn(
  day: string,
  weekly: readonly HoursInterval[],
  exceptions: readonly HoursException[],
): DayHours {
  const weekday = isoWeekday(day);
  const exception = exceptions.find((e) => e.day === day) ?? null;
  if (exception) {
    const intervals =
      exception.closed || !exception.opens || !exception.closes
        ? []
        : [{ opens: exception.opens, closes: exception.closes }];
    return { day, weekday, intervals, exception };
  }
  const intervals = weekly
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ opens: h.opens, closes: h.closes }))
    .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
  return { day, weekday, intervals, exception: null };
}

export type OpeningStatus =
  | { state: 'open'; today: DayHours; closesAt: string }
  | { state: 'closed'; today: DayHours; next: { day: string; opens: string } | null }
  | { state: 'unknown'; today: DayHours };

/** Where the place stands at `now` (Vietnam time). Looks up to two weeks ahead for the next opening. */
export function openingStatus(
  weekly: readonly HoursInterval[],
  exceptions: readonly HoursException[],
  now: Date | LocalNow,
): OpeningStatus {
  const local = now instanceof Date ? localNow(now) : now;
  const today = hoursOn(local.day, weekly, exceptions);
  if (weekly.length === 0 && exceptions.length === 0) return { state: 'unknown', today };
  const current = today.intervals.find(
    (i) => toMinutes(i.opens) <= local.minutes && local.minutes < toMinutes(i.closes),
  );
  if (current) return { state: 'open', today, closesAt: current.closes };
  const laterToday = today.intervals.find((i) => toMinutes(i.opens) > local.minutes);
  if (laterToday) return { state: 'closed', today, next: { day: local.day, opens: laterToday.opens } };
  for (let n = 1; n <= 14; n++) {
    const day = addDays(local.day, n);
    const first = hoursOn(day, weekly, exceptions).intervals[0];
    if (first) return { state: 'closed', today, next: { day, opens: first.opens } };
  }
  return { state: 'closed', today, next: null };
}

/** Exceptions from `today` on, within `days`, oldest first (the public page lists them). */
export function upcomingExceptions(
  exceptions: readonly HoursException[],
  today: string,
  days = 90,
): HoursException[] {
  const last = addDays(today, days);
  return exceptions.filter((e) => e.day >= today && e.day <= last).sort((a, b) => a.day.localeCompare(b.day));
}

/** The weekly pattern grouped by weekday 1…7 (an empty list = closed that day). */
export function weeklyTable(
  weekly: readonly HoursInterval[],
): Array<{ weekday: number; intervals: HoursInterval[] }> {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    intervals: weekly
      .filter((h) => h.weekday === weekday)
      .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens)),
  }));
}

/** Two intervals of the same day may not overlap (checked before saving a weekly pattern). */
export function overlappingWeekday(weekly: readonly HoursInterval[]): number | null {
  for (const { weekday, intervals } of weeklyTable(weekly)) {
    for (let i = 1; i < intervals.length; i++) {
      const prev = intervals[i - 1] as HoursInterval;
      const cur = intervals[i] as HoursInterval;
      if (toMinutes(cur.opens) < toMinutes(prev.closes)) return weekday;
    }
  }
  return null;
}
