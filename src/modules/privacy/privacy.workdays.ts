// Legal deadlines in working days (pure): Monday–Friday that are not public holidays. Holidays are data
// (the public_holidays table, confirmed by an administrator each year); nothing here knows any year's dates.

const DAY_MS = 86_400_000;

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  const wd = new Date(toDay(iso)).getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays.has(iso);
}

/**
 * The day `n` working days after `from` (a request received on `from` is answered by this day). Received on a
 * non-working day, counting starts at the next working day.
 */
export function addWorkingDays(from: string, n: number, holidays: ReadonlySet<string>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(toDay(from))) throw new Error(`not a day: ${from}`);
  let t = toDay(from);
  let left = n;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(toIso(t), holidays)) left--;
  }
  return toIso(t);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  const a = toDay(from);
  const b = toDay(to);
  const sign = b >= a ? 1 : -1;
  let n = 0;
  for (let t = Math.min(a, b) + DAY_MS; t <= Math.max(a, b); t += DAY_MS)
    if (isWorkingDay(toIso(t), holidays)) n++;
  return sign * n;
}
