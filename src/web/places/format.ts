// Shared formatting for the places pages: distances and weekday/day labels in the reader's language.
import { formatIsoDay } from '../../lib/dates.ts';
import type { Locale, MessageKey, Translate } from '../../lib/i18n.ts';

export function formatKm(km: number, locale: Locale): string {
  const nf = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: km < 10 ? 1 : 0,
  });
  return km < 1 ? `${Math.round(km * 1000)} m` : `${nf.format(km)} km`;
}

export const weekdayKey = (weekday: number) => `places.weekday.${weekday}` as MessageKey;

/** "Thứ Hai, 20/04/2026" */
export function dayLabel(t: Translate, day: string, weekday: number): string {
  return `${t(weekdayKey(weekday))}, ${formatIsoDay(day)}`;
}
