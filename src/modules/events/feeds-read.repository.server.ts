// SQL behind the events module's read ports for calendars and follows (index.server.ts, `eventFeedsPort`): the
// published sessions the feeds list, the month view (its sessions and per-day counts in one statement), the
// commemorative-day coverage and what the follows module needs to know of an event. Read-only; units named through the units module's published
// `unit_directory` view, places completed by the places module's port (one query per list).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';
import { placeSummaries } from '../places/index.server.ts';

export interface FeedSession {
  sessionId: string;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  sessionCancelled: boolean;
  title: string;
  description: string;
  category: string;
  status: 'published' | 'cancelled';
  source: 'local' | 'external';
  url: string | null;
  onlineUrl: string | null;
  updatedAt: Date;
  unitId: string;
  unitName: string;
  placeId: string | null;
  placeName: string | null;
  placeAddress: string | null;
  lat: number | null;
  lng: number | null;
  /** The event was made with a weekly rule (a series): the feed writes it as one recurring VEVENT. */
  recurring: boolean;
}

export interface FeedFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  /** Events of this unit and every unit below it. */
  unitRootId?: string | undefined;
  category?: string | undefined;
  placeId?: string | undefined;
  eventId?: string | undefined;
  /** Sessions the user registered for (whole series or the one session), not cancelled registrations. */
  registeredUserId?: string | undefined;
  /** Events matching any of these (a citizen's follows); nothing when all three lists are empty. */
  anyOf?:
    | { unitIds: readonly string[]; placeIds: readonly string[]; categories: readonly string[] }
    | undefined;
  /** Also return cancelled events (feeds: calendars must learn of a cancellation). */
  includeCancelled?: boolean | undefined;
  limit: number;
}

type SessionRow = Omit<FeedSession, 'placeId' | 'placeName' | 'placeAddress' | 'lat' | 'lng'> & {
  eventPlaceId: string | null;
};

const COLUMNS = sql`s.id AS "sessionId", e.id AS "eventId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.cancelled AS "sessionCancelled", e.title, e.description, e.category, e.status, e.source, e.url,
  e.online_url AS "onlineUrl", e.updated_at AS "updatedAt", e.unit_id AS "unitId", u.name AS "unitName",
  e.place_id AS "eventPlaceId", (e.recurrence IS NOT NULL) AS recurring`;

/** Ids of a unit and its descendants. */
const unitSubtree = (rootId: string): SQL => sql`(WITH RECURSIVE sub(id) AS (
    SELECT id FROM unit_directory WHERE id = ${rootId}
    UNION SELECT c.id FROM unit_directory c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`;

const list = (values: readonly string[]) =>
  values.length
    ? sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql`(NULL)`;

/** One listed session of the month view: only what the page shows. */
export interface MonthSession {
  sessionId: string;
  eventId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Its start's calendar day in Vietnam ('YYYY-MM-DD'). */
  day: string;
  category: string;
  source: 'local' | 'external';
  url: string | null;
  sessionCancelled: boolean;
  unitName: string;
  placeName: string | null;
}

export interface MonthSessionsQuery {
  /** The month as an instant range [from, to). */
  from: Date;
  to: Date;
  category?: string | undefined;
  /** Sessions listed per start day, the first ones by time. */
  perDay: number;
  /** A day listed in full (up to `dayLimit`), or null. */
  day: string | null;
  dayLimit: number;
}

export function createEventFeedReadRepository() {
  return {
    async sessions(db: Db, f: FeedFilter): Promise<FeedSession[]> {
      const where: SQL[] = [
        f.includeCancelled ? sql`e.status IN ('published', 'cancelled')` : sql`e.status = 'published'`,
      ];
      // A window [from, to) is one range-overlap test the GiST index on the session's range answers (0100);
      // the two one-sided comparisons made the starts_at index walk every earlier session of the history.
      if (f.from && f.to && f.from >= f.to) where.push(sql`false`);
      else if (f.from && f.to)
        where.push(
          sql`tstzrange(s.starts_at, s.ends_at) && tstzrange(${f.from}::timestamptz, ${f.to}::timestamptz)`,
        );
      else if (f.from) where.push(sql`s.ends_at > ${f.from}`);
      else if (f.to) where.push(sql`s.starts_at < ${f.to}`);
      if (f.unitRootId) where.push(sql`e.unit_id IN ${unitSubtree(f.unitRootId)}`);
      if (f.category) where.push(sql`e.category = ${f.category}`);
      if (f.placeId) where.push(sql`e.place_id = ${f.placeId}`);
      if (f.eventId) where.push(sql`e.id = ${f.eventId}`);
      if (f.registeredUserId) {
        where.push(sql`EXISTS (SELECT 1 FROM event_registrations r WHERE r.event_id = e.id
          AND r.user_id = ${f.registeredUserId} AND r.status <> 'cancelled'
          AND (r.session_id IS NULL OR r.session_id = s.id))`);
      }
      if (f.anyOf) {
        where.push(sql`(e.unit_id IN ${list(f.anyOf.unitIds)} OR e.place_id IN ${list(f.anyOf.placeIds)}
          OR e.category IN ${list(f.anyOf.categories)})`);
      }
      const rows = await queryRows<SessionRow>(
        db,
        sql`SELECT ${COLUMNS}
            FROM event_sessions s JOIN events e ON e.id = s.event_id JOIN unit_directory u ON u.id = e.unit_id
            WHERE ${sql.join(where, sql` AND `)}
            ORDER BY s.starts_at, s.id LIMIT ${f.limit}`,
      );
      const places = await placeSummaries(
        db,
        rows.flatMap((r) => (r.eventPlaceId ? [r.eventPlaceId] : [])),
      );
      return rows.map(({ eventPlaceId, ...r }) => {
        const p = eventPlaceId ? places.get(eventPlaceId) : undefined;
        return {
          ...r,
          startsAt: new Date(r.startsAt),
          endsAt: new Date(r.endsAt),
          updatedAt: new Date(r.updatedAt),
          // As the LEFT JOIN on places answered: nothing of a place that is not there.
          placeId: p ? p.id : null,
          placeName: p ? p.name : null,
          placeAddress: p ? p.address : null,
          lat: p ? p.lat : null,
          lng: p ? p.lng : null,
        };
      });
    },

    /**
     * The month view in one statement: the published sessions overlapping the month, the first `perDay` of
     * each start day (and `day` up to `dayLimit`), and every start day's total in the month, so the page stays
     * the same size however busy the month is (issue 17). The window is read through the GiST index on the
     * session's range (a materialised step: ordered by start time, the planner walked the start-time index
     * from the first session ever), and each session's event by its key (the planner hashed every event).
     * The day is UTC+7's (Vietnam has kept it since 1975, as calendar.presenters.ts): a named zone through
     * to_char cost ~1.5 µs a row, ten times the whole rest of the window.
     */
    async monthSessions(
      db: Db,
      q: MonthSessionsQuery,
    ): Promise<{ sessions: MonthSession[]; counts: Array<{ day: string; n: number }> }> {
      type Row = Omit<MonthSession, 'placeName'> & {
        eventPlaceId: string | null;
        rank: number;
        dayCount: number;
        inMonth: boolean;
      };
      const rows = await queryRows<Row>(
        db,
        sql`WITH win AS MATERIALIZED (
              SELECT s.id, s.event_id, s.starts_at, s.ends_at, s.cancelled,
                     ((s.starts_at + interval '7 hours') AT TIME ZONE 'UTC')::date AS day,
                     s.starts_at >= ${q.from} AS in_month
              FROM event_sessions s
              WHERE tstzrange(s.starts_at, s.ends_at) && tstzrange(${q.from}::timestamptz, ${q.to}::timestamptz)
            ), ranked AS (
              SELECT w.*, e.title, e.category, e.source, e.url, e.unit_id, e.place_id,
                     row_number() OVER (PARTITION BY w.day ORDER BY w.starts_at, w.id) AS rank,
                     count(*) OVER (PARTITION BY w.day) AS day_count
              FROM win w CROSS JOIN LATERAL (
                SELECT e.title, e.category, e.source, e.url, e.unit_id, e.place_id FROM events e
                WHERE e.id = w.event_id AND e.status = 'published'
                  ${q.category ? sql`AND e.category = ${q.category}` : sql``}
                OFFSET 0) e
            )
            SELECT r.id AS "sessionId", r.event_id AS "eventId", r.title, r.starts_at AS "startsAt",
                   r.ends_at AS "endsAt", to_char(r.day, 'YYYY-MM-DD') AS day, r.category, r.source, r.url, r.cancelled AS "sessionCancelled",
                   u.name AS "unitName", r.place_id AS "eventPlaceId", r.rank::int AS rank,
                   r.day_count::int AS "dayCount", r.in_month AS "inMonth"
            FROM ranked r JOIN unit_directory u ON u.id = r.unit_id
            WHERE r.rank <= ${q.perDay} OR (r.day = ${q.day}::date AND r.rank <= ${q.dayLimit})
            ORDER BY r.starts_at, r.id`,
      );
      const places = await placeSummaries(
        db,
        rows.flatMap((r) => (r.eventPlaceId ? [r.eventPlaceId] : [])),
      );
      const counts: Array<{ day: string; n: number }> = [];
      const sessions: MonthSession[] = [];
      for (const { eventPlaceId, rank, dayCount, inMonth, ...r } of rows) {
        if (rank === 1 && inMonth) counts.push({ day: r.day, n: dayCount });
        sessions.push({
          ...r,
          startsAt: new Date(r.startsAt),
          endsAt: new Date(r.endsAt),
          placeName: (eventPlaceId && places.get(eventPlaceId)?.name) || null,
        });
      }
      return { sessions, counts };
    },

    async eventTitle(db: Db, eventId: string): Promise<{ id: string; title: string; status: string } | null> {
      const rows = await queryRows<{ id: string; title: string; status: string }>(
        db,
        sql`SELECT id, title, status FROM events WHERE id = ${eventId}`,
      );
      return rows[0] ?? null;
    },

    /** Units with at least one planned (draft or published) local event having a session in [from, to). */
    async unitsWithEventsBetween(
      db: Db,
      from: Date,
      to: Date,
    ): Promise<Array<{ unitId: string; events: number; published: number }>> {
      return queryRows(
        db,
        sql`SELECT e.unit_id AS "unitId", count(DISTINCT e.id)::int AS events,
                   count(DISTINCT e.id) FILTER (WHERE e.status = 'published')::int AS published
            FROM events e
            WHERE e.source = 'local' AND e.status IN ('draft', 'published')
              AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND NOT s.cancelled
                          AND s.starts_at < ${to} AND s.ends_at > ${from})
            GROUP BY e.unit_id`,
      );
    },

    /** What a follow of an event matches: its unit, place and category. */
    async followKeys(
      db: Db,
      eventId: string,
    ): Promise<{ unitId: string; placeId: string | null; category: string } | null> {
      const rows = await queryRows<{ unitId: string; placeId: string | null; category: string }>(
        db,
        sql`SELECT unit_id AS "unitId", place_id AS "placeId", category FROM events WHERE id = ${eventId}`,
      );
      return rows[0] ?? null;
    },

    /** Local events published lately with a session still ahead: candidates for a "new event" notice. */
    async recentlyPublished(db: Db, since: Date, now: Date, limit: number) {
      return queryRows<{ id: string; title: string; unitName: string }>(
        db,
        sql`SELECT e.id, e.title, u.name AS "unitName" FROM events e JOIN unit_directory u ON u.id = e.unit_id
            WHERE e.status = 'published' AND e.source = 'local' AND e.updated_at >= ${since}
              AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND s.starts_at > ${now})
            ORDER BY e.updated_at LIMIT ${limit}`,
      );
    },

    /** Title, status and unit name of one event (a follow notice). */
    async summary(db: Db, eventId: string) {
      const rows = await queryRows<{ id: string; title: string; status: string; unitName: string }>(
        db,
        sql`SELECT e.id, e.title, e.status, u.name AS "unitName" FROM events e JOIN unit_directory u ON u.id = e.unit_id
            WHERE e.id = ${eventId}`,
      );
      return rows[0] ?? null;
    },
  };
}
export type EventFeedReadRepository = ReturnType<typeof createEventFeedReadRepository>;
