// Mobile-library schedule: the next stops of a route, computed from weekly stops and dated stops in
// Asia/Ho_Chi_Minh, with per-date cancellations kept in the list (shown struck through with their reason).
import { addDays, isoWeekday, type LocalNow, localNow, toMinutes } from './places.time.ts';

export interface StopSchedule {
  id: string;
  placeId: string;
  /** Every week on this ISO weekday… */
  weekday: number | null;
  /** …or on these calendar days. */
  dates: readonly string[];
  starts: string;
  ends: string;
}

export interface StopCancellation {
  stopId: string;
  day: string;
  reason: string;
}

export interface StopOccurrence {
  stopId: string;
  placeId: string;
  day: string;
  weekday: number;
  starts: string;
  ends: string;
  cancelled: boolean;
  reason: string | null;
}

/**
 * Occurrences from now until `days` ahead, soonest first, at most `limit`. A visit already over today is
 * left out; one under way is kept (the van is still there).
 */
export function nextStopOccurrences(
  stops: readonly StopSchedule[],
  cancellations: readonly StopCancellation[],
  now: Date | LocalNow,
  opts: { days?: number; limit?: number } = {},
): StopOccurrence[] {
  const local = now instanceof Date ? localNow(now) : now;
  const days = opts.days ?? 28;
  const limit = opts.limit ?? 20;
  const cancelled = new Map(cancellations.map((c) => [`${c.stopId}|${c.day}`, c.reason]));
  const out: StopOccurrence[] = [];
  for (let n = 0; n <= days; n++) {
    const day = addDays(local.day, n);
    const weekday = isoWeekday(day);
    for (const s of stops) {
      const runs = s.weekday !== null ? s.weekday === weekday : s.dates.includes(day);
      if (!runs) continue;
      if (n === 0 && toMinutes(s.ends) <= local.minutes) continue;
      const reason = cancelled.get(`${s.id}|${day}`);
      out.push({
        stopId: s.id,
        placeId: s.placeId,
        day,
        weekday,
        starts: s.starts,
        ends: s.ends,
        cancelled: reason !== undefined,
        reason: reason ?? null,
      });
    }
  }
  out.sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      toMinutes(a.starts) - toMinutes(b.starts) ||
      a.stopId.localeCompare(b.stopId),
  );
  return out.slice(0, limit);
}
