// Sessions of an event from what staff type: a first day, a start and end time of day in the event's time
// zone, and optionally a weekly rule (weekdays, last day, skipped days). Pure: the wall-clock times are
// converted with Intl for the event's zone, so neither the server's nor the visitor's zone changes anything.
// An end time at or before the start time means the session ends the next day (a night screening).
import { AppError } from '../../lib/errors.ts';

export const MAX_SESSIONS = 200;

export interface WeeklyRule {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Last calendar day of the series (YYYY-MM-DD, inclusive). */
  until: string;
  /** Calendar days skipped (holidays, a cancelled week). */
  exceptions: string[];
}

export interface ScheduleInput {
  firstDate: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  weekly?: WeeklyRule | null | undefined;
}

export interface GeneratedSession {
  /** The calendar day the session starts on, in the event's zone. */
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

type ScheduleErrorCode =
  | 'bad_date'
  | 'bad_time'
  | 'bad_zone'
  | 'until_before_start'
  | 'bad_weekday'
  | 'too_many'
  | 'empty';

function scheduleError(code: ScheduleErrorCode): AppError {
  return new AppError(`events.schedule.${code}`, 422, `events.error.schedule.${code}`);
}

function parseDay(day: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(day);
  if (!match) throw scheduleError('bad_date');
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d)
    throw scheduleError('bad_date');
  return { y, m, d };
}

function parseTime(time: string): { h: number; mi: number } {
  const match = TIME_RE.exec(time);
  if (!match) throw scheduleError('bad_time');
  return { h: Number(match[1]), mi: Number(match[2]) };
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw scheduleError('bad_zone');
    }
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant at which clocks in `timeZone` show `day` `time`. */
export function zonedToUtc(day: string, time: string, timeZone: string): Date {
  const { y, m, d } = parseDay(day);
  const { h, mi } = parseTime(time);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let utc = wall - zoneOffsetMs(wall, timeZone);
  // Second pass lands on the right side of an offset change (zones with daylight saving time).
  utc = wall - zoneOffsetMs(utc, timeZone);
  return new Date(utc);
}

/** The calendar day and time of day an instant shows in `timeZone`: ['YYYY-MM-DD', 'HH:MM']. */
export function utcToZoned(at: Date, timeZone: string): [string, string] {
  const shifted = new Date(at.getTime() + zoneOffsetMs(at.getTime(), timeZone));
  const iso = shifted.toISOString();
  return [iso.slice(0, 10), iso.slice(11, 16)];
}

function isoWeekday(day: string): number {
  const { y, m, d } = parseDay(day);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

function addDays(day: string, n: number): string {
  const { y, m, d } = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

function sessionOn(day: string, input: ScheduleInput): GeneratedSession {
  const startsAt = zonedToUtc(day, input.startTime, input.timeZone);
  const crossesMidnight = input.endTime <= input.startTime;
  const endsAt = zonedToUtc(crossesMidnight ? addDays(day, 1) : day, input.endTime, input.timeZone);
  return { localDate: day, startsAt, endsAt };
}

export function generateSessions(input: ScheduleInput): GeneratedSession[] {
  parseDay(input.firstDate);
  parseTime(input.startTime);
  parseTime(input.endTime);
  formatterFor(input.timeZone);
  const rule = input.weekly;
  if (!rule) return [sessionOn(input.firstDate, input)];
  parseDay(rule.until);
  if (rule.until < input.firstDate) throw scheduleError('until_before_start');
  if (rule.weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) throw scheduleError('bad_weekday');
  for (const e of rule.exceptions) parseDay(e);
  const weekdays = new Set(rule.weekdays.length ? rule.weekdays : [isoWeekday(input.firstDate)]);
  const skipped = new Set(rule.exceptions);
  const out: GeneratedSession[] = [];
  for (let day = input.firstDate; day <= rule.until; day = addDays(day, 1)) {
    if (!weekdays.has(isoWeekday(day)) || skipped.has(day)) continue;
    out.push(sessionOn(day, input));
    if (out.length > MAX_SESSIONS) throw scheduleError('too_many');
  }
  if (out.length === 0) throw scheduleError('empty');
  return out;
}
