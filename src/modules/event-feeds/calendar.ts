// Pure calendar arithmetic for the month view and the commemorative-day calendar. Calendar days are
// 'YYYY-MM-DD' strings in Vietnam time; no Date objects cross a day boundary by accident.

export interface MonthCell {
  /** 'YYYY-MM-DD' */
  day: string;
  /** Day of month, for display. */
  dayOfMonth: number;
  inMonth: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Weeks (Monday first, as Vietnamese calendars print them) covering the whole month; 4 to 6 rows. */
export function monthGrid(year: number, month: number): MonthCell[][] {
  const days = daysInMonth(year, month);
  // One UTC date walked a day at a time (parsing and printing an ISO string per cell was ~2 % of the page).
  const cursor = new Date(Date.UTC(year, month - 1, 1));
  let offset = -((cursor.getUTCDay() + 6) % 7); // from the Monday on or before the 1st; 0 = the 1st
  cursor.setUTCDate(1 + offset);
  const weeks: MonthCell[][] = [];
  while (offset < days) {
    const week: MonthCell[] = [];
    for (let i = 0; i < 7; i++, offset++) {
      const dayOfMonth = cursor.getUTCDate();
      week.push({
        day: isoDay(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, dayOfMonth),
        dayOfMonth,
        inMonth: offset >= 0 && offset < days,
      });
      cursor.setUTCDate(dayOfMonth + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The month before and after, for the navigation links. */
export function adjacentMonths(year: number, month: number) {
  return {
    prev: month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 },
    next: month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 },
  };
}

/** Half-open instant range [from, to) of a Vietnam calendar month. */
export function monthRange(year: number, month: number): { from: Date; to: Date } {
  const next = adjacentMonths(year, month).next;
  return {
    from: new Date(`${isoDay(year, month, 1)}T00:00:00+07:00`),
    to: new Date(`${isoDay(next.year, next.month, 1)}T00:00:00+07:00`),
  };
}

export interface CommemorativeDayRule {
  code: string;
  name: string;
  month: number;
  day: number;
  endMonth: number | null;
  endDay: number | null;
}

export interface CommemorativeOccurrence {
  code: string;
  name: string;
  /** First and last calendar day (equal for a single day). */
  start: string;
  end: string;
}

/** The seeded days as they fall in one year, in calendar order. */
export function commemorativeOccurrences(
  rules: readonly CommemorativeDayRule[],
  year: number,
): CommemorativeOccurrence[] {
  return rules
    .map((r) => {
      const start = isoDay(year, r.month, Math.min(r.day, daysInMonth(year, r.month)));
      const end =
        r.endMonth && r.endDay
          ? isoDay(year, r.endMonth, Math.min(r.endDay, daysInMonth(year, r.endMonth)))
          : start;
      return { code: r.code, name: r.name, start, end: [start, end].sort().at(-1) ?? start };
    })
    .sort((a, b) => (a.start === b.start ? a.end.localeCompare(b.end) : a.start.localeCompare(b.start)));
}

/** The occurrences covering a calendar day (a day inside the week of 1–7 October gets the week). */
export function occurrencesOn(
  occurrences: readonly CommemorativeOccurrence[],
  day: string,
): CommemorativeOccurrence[] {
  return occurrences.filter((o) => o.start <= day && day <= o.end);
}

/** Instant range [from, to) covering an occurrence's calendar days in Vietnam. */
export function occurrenceRange(o: CommemorativeOccurrence): { from: Date; to: Date } {
  return {
    from: new Date(`${o.start}T00:00:00+07:00`),
    to: new Date(`${addDays(o.end, 1)}T00:00:00+07:00`),
  };
}
