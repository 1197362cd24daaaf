// SQL for what the feeds read (published sessions with their event, unit and place), the private feed tokens and
// the commemorative-day coverage. Read-only over the events tables; community-calendar writes live in
// community.repository.ts.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

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

const COLUMNS = sql`s.id AS "sessionId", e.id AS "eventId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.cancelled AS "sessionCancelled", e.title, e.description, e.category, e.status, e.source, e.url,
  e.online_url AS "onlineUrl", e.updated_at AS "updatedAt", e.unit_id AS "unitId", u.name AS "unitName",
  p.id AS "placeId", p.name AS "placeName", p.address AS "placeAddress", p.lat, p.lng,
  (e.recurrence IS NOT NULL) AS recurring`;

function hydrate(r: FeedSession): FeedSession {
  return {
    ...r,
    startsAt: new Date(r.startsAt),
    endsAt: new Date(r.endsAt),
    updatedAt: new Date(r.updatedAt),
  };
}

/** Ids of a unit and its descendants. */
export const unitSubtree = (rootId: string): SQL => sql`(WITH RECURSIVE sub(id) AS (
    SELECT id FROM units WHERE id = ${rootId}
    UNION SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`;

export function createFeedsRepository() {
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
        const list = (values: readonly string[]) =>
          values.length
            ? sql`(${sql.join(
                values.map((v) => sql`${v}`),
                sql`, `,
              )})`
            : sql`(NULL)`;
        where.push(sql`(e.unit_id IN ${list(f.anyOf.unitIds)} OR e.place_id IN ${list(f.anyOf.placeIds)}
          OR e.category IN ${list(f.anyOf.categories)})`);
      }
      const rows = await queryRows<FeedSession>(
        db,
        sql`SELECT ${COLUMNS}
            FROM event_sessions s JOIN events e ON e.id = s.event_id JOIN units u ON u.id = e.unit_id
            LEFT JOIN places p ON p.id = e.place_id
            WHERE ${sql.join(where, sql` AND `)}
            ORDER BY s.starts_at, s.id LIMIT ${f.limit}`,
      );
      return rows.map(hydrate);
    },

    /** Published sessions per Vietnam calendar day in [from, to), for the month grid. */
    async countsByDay(
      db: Db,
      f: { from: Date; to: Date; category?: string | undefined },
    ): Promise<Array<{ day: string; n: number }>> {
      return queryRows(
        db,
        sql`SELECT to_char(s.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, count(*)::int AS n
            FROM event_sessions s JOIN events e ON e.id = s.event_id
            WHERE e.status = 'published' AND s.starts_at >= ${f.from} AND s.starts_at < ${f.to}
              ${f.category ? sql`AND e.category = ${f.category}` : sql``}
            GROUP BY 1 ORDER BY 1`,
      );
    },

    async unitByIdOrCode(db: Db, key: string): Promise<{ id: string; code: string; name: string } | null> {
      const rows = await queryRows<{ id: string; code: string; name: string }>(
        db,
        sql`SELECT id, code, name FROM units WHERE id = ${key} OR code = ${key} LIMIT 1`,
      );
      return rows[0] ?? null;
    },

    async eventTitle(db: Db, eventId: string): Promise<{ id: string; title: string; status: string } | null> {
      const rows = await queryRows<{ id: string; title: string; status: string }>(
        db,
        sql`SELECT id, title, status FROM events WHERE id = ${eventId}`,
      );
      return rows[0] ?? null;
    },

    // Private feed tokens ------------------------------------------------------------------------------

    async setFeedToken(db: Db, userId: string, tokenHash: string): Promise<void> {
      await db.execute(
        sql`INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES (${userId}, ${tokenHash})
            ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now(),
              last_used_at = NULL`,
      );
    },

    async revokeFeedToken(db: Db, userId: string): Promise<boolean> {
      const rows = await queryRows<{ user_id: string }>(
        db,
        sql`DELETE FROM calendar_feed_tokens WHERE user_id = ${userId} RETURNING user_id`,
      );
      return rows.length > 0;
    },

    async feedToken(db: Db, userId: string): Promise<{ createdAt: Date; lastUsedAt: Date | null } | null> {
      const rows = await queryRows<{ createdAt: string; lastUsedAt: string | null }>(
        db,
        sql`SELECT created_at AS "createdAt", last_used_at AS "lastUsedAt"
            FROM calendar_feed_tokens WHERE user_id = ${userId}`,
      );
      const r = rows[0];
      return r
        ? { createdAt: new Date(r.createdAt), lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt) : null }
        : null;
    },

    /** The user owning a token; also notes the use (at most once a minute, to keep reads cheap). */
    async userByFeedToken(db: Db, tokenHash: string): Promise<string | null> {
      const rows = await queryRows<{ userId: string }>(
        db,
        sql`UPDATE calendar_feed_tokens SET last_used_at = now()
            WHERE token_hash = ${tokenHash}
              AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            RETURNING user_id AS "userId"`,
      );
      if (rows[0]) return rows[0].userId;
      const found = await queryRows<{ userId: string }>(
        db,
        sql`SELECT user_id AS "userId" FROM calendar_feed_tokens WHERE token_hash = ${tokenHash}`,
      );
      return found[0]?.userId ?? null;
    },

    // Commemorative-day coverage ------------------------------------------------------------------------

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

    /** Units expected to hold events: open institutions and local service units (not Department offices). */
    async eventHoldingUnits(
      db: Db,
      today: string,
    ): Promise<Array<{ id: string; code: string; name: string }>> {
      return queryRows(
        db,
        sql`SELECT id, code, name FROM units
            WHERE kind NOT IN ('department', 'leadership', 'office', 'district_people_committee',
                               'commune_people_committee')
              AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to > ${today}::date)
            ORDER BY name`,
      );
    },
  };
}
export type FeedsRepository = ReturnType<typeof createFeedsRepository>;
