import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  calendarMonth,
  DAY_RANGES,
  instantWithin,
  isCalendarDay,
  shiftYears,
} from './date-fields.server.ts';
import { formatIsoDay, isoDateInVietnam } from './dates.ts';

const issueParams = (r: { success: boolean; error?: { issues: unknown[] } }) =>
  (r.error?.issues[0] as { params?: Record<string, string> } | undefined)?.params;

describe('date fields', () => {
  it('knows the real calendar: no 31/02, 29/02 only in leap years, no month 13', () => {
    expect(isCalendarDay('2027-02-31')).toBe(false);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2100-02-29')).toBe(false);
    expect(isCalendarDay('2000-02-29')).toBe(true);
    expect(isCalendarDay('2027-13-01')).toBe(false);
    expect(isCalendarDay('2027-04-31')).toBe(false);
    expect(isCalendarDay('2027-4-1')).toBe(false);
  });

  it('agrees with the JavaScript calendar on every day written YYYY-MM-DD', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const js = new Date(0);
          js.setUTCFullYear(y, m - 1, d);
          const real = m >= 1 && m <= 12 && d >= 1 && js.toISOString().slice(0, 10) === s;
          return isCalendarDay(s) === real;
        },
      ),
    );
  });

  it('refuses an event day outside −1/+5 years of today and says the allowed days dd/mm/yyyy', () => {
    const today = isoDateInVietnam();
    const day = calendarDay(DAY_RANGES.event);
    expect(day.safeParse(today).success).toBe(true);
    expect(day.safeParse(shiftYears(today, 5)).success).toBe(true);
    const far = day.safeParse('2100-01-01');
    expect(far.success).toBe(false);
    expect(issueParams(far)).toEqual({
      messageKey: 'error.dateOutOfRange',
      from: formatIsoDay(shiftYears(today, -1)),
      to: formatIsoDay(shiftYears(today, 5)),
    });
    expect(issueParams(day.safeParse('2027-02-31'))?.messageKey).toBe('error.invalidDate');
  });

  it('keeps history loose and the plan inside its program years', () => {
    expect(calendarDay(DAY_RANGES.history).safeParse('1975-04-30').success).toBe(true);
    expect(calendarDay(DAY_RANGES.history).safeParse('9999-01-01').success).toBe(false);
    expect(calendarDay(DAY_RANGES.plan).safeParse('2030-12-31').success).toBe(true);
    expect(calendarDay(DAY_RANGES.plan).safeParse('2040-01-01').success).toBe(false);
  });

  it('checks instants by their day in Vietnam, and months by overlap with the range', () => {
    const inst = instantWithin(DAY_RANGES.event);
    expect(inst.safeParse(new Date().toISOString()).success).toBe(true);
    expect(inst.safeParse('2100-01-01T00:00:00Z').success).toBe(false);
    const month = calendarMonth(DAY_RANGES.eventQuery);
    expect(month.safeParse(isoDateInVietnam().slice(0, 7)).success).toBe(true);
    expect(month.safeParse('2027-13').success).toBe(false);
    expect(month.safeParse('9999-01').success).toBe(false);
  });

  it('moves 29/02 to 28/02 when shifting into a common year', () => {
    expect(shiftYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(shiftYears('2027-06-30', -1)).toBe('2026-06-30');
  });
});
