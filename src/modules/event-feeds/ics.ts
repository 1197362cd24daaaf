// RFC 5545 iCalendar writer for our feeds. Written here rather than with ical-generator (installed) because
// ical-generator 11, given native Dates and a TZID, prints the *host's* wall-clock time under the TZID (wrong by
// 7 hours on a UTC server) and drops the `Z` from DTSTAMP once the calendar has a time zone; fixing that needs a
// date library we do not ship. Vietnam has used UTC+7 without daylight saving since 1975, so the VTIMEZONE and
// the local-time conversion are exact and small. Output is parsed back with ical.js in the tests.

export const ICS_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;

export const VTIMEZONE_HO_CHI_MINH = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICS_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:+07',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface IcsEvent {
  /** Globally unique and stable across fetches: `<session id>@<host>`. */
  uid: string;
  summary: string;
  description?: string | null | undefined;
  location?: string | null | undefined;
  url?: string | null | undefined;
  start: Date;
  end: Date;
  /** Last revision of the event: stable output for unchanged events (caching, no spurious updates). */
  stamp: Date;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE' | undefined;
  categories?: readonly string[] | undefined;
  geo?: { lat: number; lng: number } | null | undefined;
  /** Bumped when the event changes so calendar clients replace their copy. */
  sequence?: number | undefined;
  /** A recurrence rule (RFC 5545 RECUR value, UNTIL in UTC) for a series; see ics-series.ts. */
  rrule?: string | undefined;
  /** Occurrences of the rule that do not happen (Vietnam local time, like DTSTART). */
  exdates?: readonly Date[] | undefined;
}

export interface IcsCalendar {
  name: string;
  description?: string | undefined;
  /** Suggested refresh interval for subscribed clients, in minutes. */
  refreshMinutes?: number | undefined;
  events: Iterable<IcsEvent>;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline; other controls dropped. */
const TEXT_SPECIALS = /\r\n|[\\;,\r\n]|\p{Cc}/gu;

export function escapeText(value: string): string {
  return value.replace(TEXT_SPECIALS, (m) =>
    m === '\\'
      ? '\\\\'
      : m === ';'
        ? '\\;'
        : m === ','
          ? '\\,'
          : m === '\r\n' || m === '\r' || m === '\n'
            ? '\\n'
            : '',
  );
}

/** UTF-8 length of one code point. */
const utf8Size = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 sequence: Vietnamese text is
 * mostly multi-byte, so counting characters would produce over-long lines.
 */
export function foldLine(line: string): string {
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Size(ch.codePointAt(0) ?? 0);
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function stamp(d: Date, utc: boolean): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${utc ? 'Z' : ''}`
  );
}

/** UTC form for DTSTAMP: `20260421T020000Z`. */
export function formatUtc(d: Date): string {
  return stamp(d, true);
}

/** Wall-clock time in Vietnam for DTSTART/DTEND with TZID: `20260421T090000`. */
export function formatVietnamLocal(d: Date): string {
  return stamp(new Date(d.getTime() + OFFSET_MS), false);
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${formatUtc(e.stamp)}`,
    `LAST-MODIFIED:${formatUtc(e.stamp)}`,
    `SEQUENCE:${e.sequence ?? 0}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${formatVietnamLocal(e.start)}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${formatVietnamLocal(new Date(Math.max(e.end.getTime(), e.start.getTime())))}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.rrule) lines.push(`RRULE:${e.rrule.replace(/[^A-Z0-9=;,]/g, '')}`);
  if (e.exdates?.length)
    lines.push(`EXDATE;TZID=${ICS_TIME_ZONE}:${e.exdates.map(formatVietnamLocal).join(',')}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.geo && Number.isFinite(e.geo.lat) && Number.isFinite(e.geo.lng)) {
    lines.push(`GEO:${e.geo.lat.toFixed(6)};${e.geo.lng.toFixed(6)}`);
  }
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
  lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** The whole calendar as one string with CRLF line ends, every line folded. */
export function buildIcs(cal: IcsCalendar): string {
  const out: string[] = [];
  const push = (lines: string[]) => {
    for (const l of lines) out.push(foldLine(l));
  };
  push([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Suot Doi//Lich su kien//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `NAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
  ]);
  if (cal.description) push([`X-WR-CALDESC:${escapeText(cal.description)}`]);
  if (cal.refreshMinutes) {
    push([
      `REFRESH-INTERVAL;VALUE=DURATION:PT${cal.refreshMinutes}M`,
      `X-PUBLISHED-TTL:PT${cal.refreshMinutes}M`,
    ]);
  }
  push(VTIMEZONE_HO_CHI_MINH);
  for (const e of cal.events) push(eventLines(e));
  push(['END:VCALENDAR']);
  return `${out.join('\r\n')}\r\n`;
}
