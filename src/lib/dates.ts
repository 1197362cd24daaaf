// Dates are shown dd/mm/yyyy in Asia/Ho_Chi_Minh whatever the server's or client's zone.
import type { Locale } from './i18n.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDate(d: Date | string): string {
  return dateFmt.format(typeof d === 'string' ? new Date(d) : d);
}

export function formatDateTime(d: Date | string): string {
  return dateTimeFmt.format(typeof d === 'string' ? new Date(d) : d).replace(',', '');
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(n);
}

const yearFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' });

/**
 * The calendar year in Vietnam for an instant (the plan's years are Vietnamese years). The formatter is made
 * once: making one per call cost about a millisecond, which was most of a MARC record's import (issue 17).
 */
export function yearInVietnam(d: Date = new Date()): number {
  return Number(yearFmt.format(d));
}

const isoDayFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Vietnam for an instant, as 'YYYY-MM-DD' (the form date columns and inputs use). */
export function isoDateInVietnam(d: Date = new Date()): string {
  return isoDayFmt.format(d);
}

/** Shows a 'YYYY-MM-DD' calendar day as dd/mm/yyyy without any time-zone shift. */
export function formatIsoDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
