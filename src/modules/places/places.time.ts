// Calendar arithmetic in Asia/Ho_Chi_Minh for opening hours and mobile-library stops. Pure functions: the
// caller passes "now", so tests can stand on any instant (midnight edges, year ends, leap days).
import { TIME_ZONE } from '../../lib/dates.ts';

export interface LocalNow {
  /** Calendar day in Vietnam, 'YYYY-MM-DD'. */
  day: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const partsFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function localNow(now: Date): LocalNow {
  const p = Object.fromEntries(partsFmt.formatToParts(now).map((x) => [x.type, x.value]));
  const day = `${p.year}-${p.month}-${p.day}`;
  return { day, weekday: isoWeekday(day), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** ISO weekday of a calendar day (no time zone involved: the day is already local). */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 'HH:MM' or 'HH:MM:SS' → minutes since midnight. */
export function toMinutes(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** Postgres `time` comes back as 'HH:MM:SS'; pages and the API use 'HH:MM'. */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}
