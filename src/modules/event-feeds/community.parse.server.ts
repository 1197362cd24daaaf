// Reads a partner's iCalendar feed (ical.js) into plain events with concrete sessions. Recurring events are
// expanded over a bounded window; everything is capped (events, sessions, text lengths) because the input is
// foreign. Times without a known zone (floating, all-day, or a TZID the feed does not define) are read as
// Vietnam wall-clock time: the partners are local organisations.
import ICAL from 'ical.js';

export interface PartnerEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string | null;
  cancelled: boolean;
  sessions: Array<{ startsAt: Date; endsAt: Date }>;
}

export interface ParseOptions {
  now: Date;
  /** Sessions ending before now − pastDays or starting after now + horizonDays are dropped. */
  pastDays: number;
  horizonDays: number;
  maxEvents: number;
  maxSessionsPerEvent: number;
}

export class PartnerCalendarError extends Error {}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

function clean(s: unknown, max: number): string {
  return typeof s === 'string'
    ? s
        .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => (c === '\n' ? '\n' : ' '))
        .trim()
        .slice(0, max)
    : '';
}

function toDate(t: ICAL.Time): Date {
  const tzid = t.zone?.tzid;
  const known = tzid && tzid !== 'floating' && tzid !== 'Asia/Ho_Chi_Minh';
  if (known && !t.isDate) return t.toJSDate();
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - VIETNAM_OFFSET_MS);
}

function sessionOf(start: ICAL.Time, end: ICAL.Time | null): { startsAt: Date; endsAt: Date } {
  const startsAt = toDate(start);
  let endsAt = end ? toDate(end) : new Date(startsAt.getTime() + (start.isDate ? DAY_MS : 3_600_000));
  if (endsAt <= startsAt) endsAt = new Date(startsAt.getTime() + (start.isDate ? DAY_MS : 3_600_000));
  return { startsAt, endsAt };
}

function registerZones(root: ICAL.Component): void {
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const tzid = tz.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string' || /^(utc|z|gmt)$/i.test(tzid)) continue;
    if (!ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  }
}

function httpUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.slice(0, 2000) : null;
  } catch {
    return null;
  }
}

/**
 * Most occurrences read from one series: an open-ended daily series started years ago (Google exports them)
 * must still reach today, while a hostile FREQ=SECONDLY rule stays bounded. Occurrences before the window
 * are skipped by their start alone (no details asked), so walking 50,000 of them is cheap.
 */
const MAX_OCCURRENCES = 50_000;
/** A moved occurrence (RECURRENCE-ID) may start up to this long before or after its original slot. */
const SLACK_MS = 31 * DAY_MS;

/**
 * Expands a recurring event with ical.js: RRULE, RDATE and EXDATE, with RECURRENCE-ID overrides replacing
 * their occurrence (an override with STATUS:CANCELLED removes it).
 */
function expand(
  event: ICAL.Event,
  from: Date,
  to: Date,
  max: number,
  keep: (s: { startsAt: Date; endsAt: Date }) => void,
): void {
  const it = event.iterator();
  let kept = 0;
  for (let i = 0, next = it.next(); next && i < MAX_OCCURRENCES; i++, next = it.next()) {
    const slot = toDate(next).getTime();
    if (slot < from.getTime() - SLACK_MS) continue;
    if (slot >= to.getTime() + SLACK_MS || kept >= max) break;
    const d = event.getOccurrenceDetails(next);
    const status = d.item.component.getFirstPropertyValue('status');
    if (String(status ?? '').toUpperCase() === 'CANCELLED' && d.item !== event) continue;
    const s = sessionOf(d.startDate, d.endDate);
    if (s.endsAt > from && s.startsAt < to) kept++;
    keep(s);
  }
}

export function parsePartnerCalendar(text: string, opts: ParseOptions): PartnerEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    throw new PartnerCalendarError(`not an iCalendar file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (root.name !== 'vcalendar') throw new PartnerCalendarError('not a VCALENDAR');
  registerZones(root);
  const from = new Date(opts.now.getTime() - opts.pastDays * DAY_MS);
  const to = new Date(opts.now.getTime() + opts.horizonDays * DAY_MS);
  const vevents = root.getAllSubcomponents('vevent');
  // Overrides of single occurrences (RECURRENCE-ID) belong to their master event.
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
  const overrides = vevents.filter((v) => v.hasProperty('recurrence-id'));
  const out: PartnerEvent[] = [];
  for (const component of masters) {
    if (out.length >= opts.maxEvents) break;
    const uid = clean(component.getFirstPropertyValue('uid'), 255);
    if (!uid || out.some((e) => e.uid === uid)) continue;
    let event: ICAL.Event;
    try {
      event = new ICAL.Event(component);
      for (const o of overrides) if (o.getFirstPropertyValue('uid') === uid) event.relateException(o);
      if (!event.startDate) continue;
    } catch {
      continue;
    }
    const sessions: Array<{ startsAt: Date; endsAt: Date }> = [];
    const keep = (s: { startsAt: Date; endsAt: Date }) => {
      if (s.endsAt > from && s.startsAt < to && !sessions.some((x) => +x.startsAt === +s.startsAt)) {
        sessions.push(s);
      }
    };
    try {
      if (event.isRecurring()) expand(event, from, to, opts.maxSessionsPerEvent, keep);
      else keep(sessionOf(event.startDate, event.endDate ?? null));
    } catch {
      continue;
    }
    sessions.sort((a, b) => +a.startsAt - +b.startsAt);
    if (!sessions.length) continue;
    const title = clean(event.summary, 300) || uid.slice(0, 300);
    out.push({
      uid,
      title,
      description: clean(event.description, 5000),
      location: clean(event.location, 500),
      url: httpUrl(component.getFirstPropertyValue('url')),
      cancelled: String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
      sessions,
    });
  }
  return out;
}
