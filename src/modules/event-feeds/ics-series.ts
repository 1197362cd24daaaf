// A weekly series in our feeds as ONE recurring VEVENT (issue 18): RRULE:FREQ=WEEKLY;BYDAY=…;UNTIL=… from the
// first to the last live session, with an EXDATE for every day the rule names but the series skips (an
// exception day, a cancelled session), so calendar apps show a series instead of unrelated events. The rule is
// read off the sessions themselves (same time of day and length every time), so the VEVENT says exactly what
// the sessions say; a series whose sessions do not fit one weekly rule stays one VEVENT per session. Vietnam
// keeps UTC+7 all year, so local days and times are exact (the same assumption as ics.ts).
import { formatUtc, type IcsEvent } from './ics.ts';

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** More skipped days than this and the series is clearer as single sessions. */
const MAX_EXDATES = 100;

export interface SeriesSession {
  start: Date;
  end: Date;
  cancelled: boolean;
}

/** Local (Vietnam) day number since the epoch, weekday 0 = Monday, minutes after local midnight. */
function local(d: Date) {
  const t = d.getTime() + OFFSET_MS;
  const day = Math.floor(t / DAY_MS);
  return { day, weekday: (day + 3) % 7, minuteOfDay: Math.round((t - day * DAY_MS) / 60_000) };
}

/**
 * The recurring VEVENT for these sessions of one event (in start order), built on `base` (the first live
 * session's event text); null when they do not form one weekly rule.
 */
export function weeklySeries(
  sessions: readonly SeriesSession[],
  base: IcsEvent,
  uid: string,
): IcsEvent | null {
  const live = sessions.filter((s) => !s.cancelled);
  const first = live[0];
  const last = live.at(-1);
  if (live.length < 2 || !first || !last) return null;
  const length = first.end.getTime() - first.start.getTime();
  const time = local(first.start).minuteOfDay;
  for (const s of sessions) {
    if (s.end.getTime() - s.start.getTime() !== length || local(s.start).minuteOfDay !== time) return null;
  }
  const liveDays = new Set(live.map((s) => local(s.start).day));
  if (liveDays.size !== live.length) return null; // two sessions on one day: not a weekly rule
  const weekdays = [...new Set(live.map((s) => local(s.start).weekday))].sort((a, b) => a - b);
  const exdates: Date[] = [];
  const firstDay = local(first.start).day;
  for (let day = firstDay; day <= local(last.start).day; day++) {
    if (!weekdays.includes((day + 3) % 7) || liveDays.has(day)) continue;
    if (exdates.length >= MAX_EXDATES) return null;
    exdates.push(new Date(first.start.getTime() + (day - firstDay) * DAY_MS));
  }
  return {
    ...base,
    uid,
    start: first.start,
    end: first.end,
    rrule: `FREQ=WEEKLY;BYDAY=${weekdays.map((w) => BYDAY[w]).join(',')};UNTIL=${formatUtc(last.start)}`,
    exdates,
  };
}
