// Shapes sessions for the month view and lists: Vietnam calendar day, local times, flags. Plain data only.
import { isoDateInVietnam, TIME_ZONE } from '../../lib/dates.ts';
import type { FeedSession } from './feeds.repository.server.ts';

const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface SessionRow {
  sessionId: string;
  eventId: string;
  title: string;
  /** 'YYYY-MM-DD' in Vietnam. */
  day: string;
  /** Last Vietnam day the session touches (after midnight for late events). */
  endDay: string;
  time: string;
  unitName: string;
  placeName: string | null;
  category: string;
  external: boolean;
  externalUrl: string | null;
  cancelled: boolean;
}

export function sessionRow(s: FeedSession): SessionRow {
  return {
    sessionId: s.sessionId,
    eventId: s.eventId,
    title: s.title,
    day: isoDateInVietnam(s.startsAt),
    endDay: isoDateInVietnam(new Date(s.endsAt.getTime() - 1)),
    time: `${timeFmt.format(s.startsAt)}–${timeFmt.format(s.endsAt)}`,
    unitName: s.unitName,
    placeName: s.placeName,
    category: s.category,
    external: s.source === 'external',
    externalUrl: s.source === 'external' ? s.url : null,
    cancelled: s.status === 'cancelled' || s.sessionCancelled,
  };
}

/** Rows grouped by their starting day, days in order. */
export function groupByDay(rows: readonly SessionRow[]): Map<string, SessionRow[]> {
  const out = new Map<string, SessionRow[]>();
  for (const r of rows) {
    const list = out.get(r.day);
    if (list) list.push(r);
    else out.set(r.day, [r]);
  }
  return out;
}
