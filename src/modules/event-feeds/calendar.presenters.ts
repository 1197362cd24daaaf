// Shapes sessions for the month view and lists: Vietnam calendar day, local times, flags. Plain data only.
import type { FeedSession } from './feeds.repository.server.ts';

/** What a row is made from: a month-view session (always published) or a feed session. */
export type RowSource = Pick<
  FeedSession,
  | 'sessionId'
  | 'eventId'
  | 'title'
  | 'startsAt'
  | 'endsAt'
  | 'unitName'
  | 'placeName'
  | 'category'
  | 'source'
  | 'url'
  | 'sessionCancelled'
> & { status?: FeedSession['status'] };

/**
 * Vietnam has kept UTC+7 without summer time since 1975, so a session's day and clock time there are UTC's moved
 * by seven hours: two string slices per row instead of four Intl formats (the month view formats 100 rows per
 * request; profiled, isoDateInVietnam and the time formats were ~5 % of its CPU). calendar.test.ts checks this
 * against Intl's Asia/Ho_Chi_Minh.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const inVietnam = (d: Date) => new Date(d.getTime() + VIETNAM_OFFSET_MS).toISOString();

export interface SessionRow {
  sessionId: string;
  eventId: string;
  title: string;
  /** 'YYYY-MM-DD' in Vietnam. */
  day: string;
  /** 'HH:MM–HH:MM' in Vietnam. */
  time: string;
  unitName: string;
  placeName: string | null;
  category: string;
  external: boolean;
  externalUrl: string | null;
  cancelled: boolean;
}

export function sessionRow(s: RowSource): SessionRow {
  const starts = inVietnam(s.startsAt);
  return {
    sessionId: s.sessionId,
    eventId: s.eventId,
    title: s.title,
    day: starts.slice(0, 10),
    time: `${starts.slice(11, 16)}–${inVietnam(s.endsAt).slice(11, 16)}`,
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
