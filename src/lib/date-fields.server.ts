// One date field builder for every schema and query parser (ADR 0008): real calendar days only (31/02 is
// refused, never rolled over) within a range chosen per field, and a message that says what is allowed,
// shown dd/mm/yyyy in Vietnam time. Ranges relative to today are computed when a value is checked, so a
// long-running process never works with a stale "today".
import { z } from '@hono/zod-openapi';
import { formatIsoDay, isoDateInVietnam } from './dates.ts';
import { type KeyedIssueParams, markBoundary } from './text.server.ts';

export interface DayRange {
  readonly from: () => string;
  readonly to: () => string;
}

/** 'YYYY-MM-DD' moved by whole years; 29/02 lands on 28/02 in a common year. */
export function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  return md === '02-29' && !isCalendarDay(`${y}-02-29`)
    ? `${y}-02-28`
    : `${String(y).padStart(4, '0')}-${md}`;
}

/** From `back` years before today to `ahead` years after, in Vietnam. */
export const yearsAroundToday = (back: number, ahead: number): DayRange => ({
  from: () => shiftYears(isoDateInVietnam(), -back),
  to: () => shiftYears(isoDateInVietnam(), ahead),
});

/** The ranges of the app's date fields: the one place to read or change them. */
export const DAY_RANGES = {
  /** Event sessions, repetition end and exceptions, registration window. */
  event: yearsAroundToday(1, 5),
  /** Date filters on event lists, calendars and feeds: a little looser than the events themselves. */
  eventQuery: yearsAroundToday(5, 6),
  /** Place opening exceptions, mobile-library stop dates and cancellations. */
  placeSchedule: yearsAroundToday(1, 5),
  /** History: exhibition periods, unit founding and change days. */
  history: { from: () => '1000-01-01', to: () => shiftYears(isoDateInVietnam(), 10) },
  /** The plan's due dates: program years 2023–2030, a year either side for deadlines. */
  plan: { from: () => '2022-01-01', to: () => '2031-12-31' },
  /** Audit log filters: the platform's own life. */
  audit: { from: () => '2000-01-01', to: () => shiftYears(isoDateInVietnam(), 1) },
} satisfies Record<string, DayRange>;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the Gregorian calendar written 'YYYY-MM-DD' (2027-02-31 is not one). */
export function isCalendarDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(2000, mo, 0)).getUTCDate(); // days in that month of a leap year
  if (d > dim) return false;
  return !(mo === 2 && d === 29) || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

type Ctx = { value: unknown; issues: unknown[] };
const push = (ctx: Ctx, message: string, params: KeyedIssueParams) =>
  (ctx.issues as Array<Record<string, unknown>>).push({ code: 'custom', input: ctx.value, message, params });

function checkDayInRange(ctx: Ctx, day: string, range: DayRange) {
  const from = range.from();
  const to = range.to();
  if (day < from || day > to) {
    const params = { from: formatIsoDay(from), to: formatIsoDay(to) };
    push(ctx, `Ngày phải trong khoảng ${params.from} – ${params.to}`, {
      messageKey: 'error.dateOutOfRange',
      ...params,
    });
  }
}

/** A calendar day 'YYYY-MM-DD' within `range`. */
export const calendarDay = (range: DayRange) =>
  markBoundary(
    z.string().check((ctx) => {
      if (!isCalendarDay(ctx.value)) {
        push(ctx, 'Ngày không có thật hoặc sai dạng (dd/mm/yyyy)', { messageKey: 'error.invalidDate' });
        return;
      }
      checkDayInRange(ctx, ctx.value, range);
    }),
  );

/** An instant with offset (ISO 8601) whose day in Vietnam lies within `range`. */
export const instantWithin = (range: DayRange) =>
  z.iso.datetime({ offset: true }).check((ctx) => {
    const at = new Date(ctx.value);
    if (Number.isNaN(at.getTime()) || !isCalendarDay(ctx.value.slice(0, 10))) {
      push(ctx, 'Ngày không có thật hoặc sai dạng (dd/mm/yyyy)', { messageKey: 'error.invalidDate' });
      return;
    }
    checkDayInRange(ctx, isoDateInVietnam(at), range);
  });

/** A month 'YYYY-MM' that overlaps `range`. */
export const calendarMonth = (range: DayRange) =>
  markBoundary(
    z.string().check((ctx) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(ctx.value)) {
        push(ctx, 'Tháng không hợp lệ (mm/yyyy)', { messageKey: 'error.invalidDate' });
        return;
      }
      const from = range.from().slice(0, 7);
      const to = range.to().slice(0, 7);
      if (ctx.value < from || ctx.value > to) {
        const params = { from: formatIsoDay(range.from()), to: formatIsoDay(range.to()) };
        push(ctx, `Ngày phải trong khoảng ${params.from} – ${params.to}`, {
          messageKey: 'error.dateOutOfRange',
          ...params,
        });
      }
    }),
  );

/** A whole year between `from` and `to` (functions of today when they move with it). */
export const yearWithin = (from: number | (() => number), to: number | (() => number)) =>
  z
    .number()
    .int()
    .check((ctx) => {
      const lo = typeof from === 'function' ? from() : from;
      const hi = typeof to === 'function' ? to() : to;
      if (ctx.value < lo || ctx.value > hi)
        push(ctx, `Năm phải trong khoảng ${lo} – ${hi}`, {
          messageKey: 'error.yearOutOfRange',
          from: lo,
          to: hi,
        });
    });
