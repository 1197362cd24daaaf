// SQL for events and their sessions: writes, the row lock registrations take, public listings and the
// "same kind of event nearby" candidates. Registrations, attendance and feedback live in
// events-registrations.repository.ts.

import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray } from '../../db/sql.server.ts';
import { type PlaceSummary, placeSummaries } from '../places/index.server.ts';
import { newId } from './events.ids.server.ts';
import type { EventCategory, EventStatus, RegistrationMode } from './events.model.server.ts';
import { createEventPlaceQueries } from './events-places.repository.server.ts';

export interface EventValues {
  unitId: string;
  title: string;
  description: string;
  category: EventCategory;
  audience: string[];
  placeId: string | null;
  onlineUrl: string | null;
  timeZone: string;
  capacity: number | null;
  registrationMode: RegistrationMode;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  priceVnd: number;
  organiserContact: string;
  planInstanceId: string | null;
  recurrence: unknown;
  status: EventStatus;
}

export interface EventRecord extends EventValues {
  id: string;
  unitName: string;
  place: { id: string; name: string; address: string | null; lat: number | null; lng: number | null } | null;
  source: 'local' | 'external';
  url: string | null;
  imageFileId: string | null;
  confirmedSeats: number;
  /** Optimistic version of the event's editable fields; grows by one on every edit and status change. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SessionRecord {
  id: string;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  confirmedSeats: number;
}

/** What a registration checks before taking a seat: one query, no lock, no place lookup. */
export type RegistrationEvent = Pick<
  EventRecord,
  | 'id'
  | 'title'
  | 'status'
  | 'source'
  | 'capacity'
  | 'registrationMode'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'confirmedSeats'
>;

/** A published session with its event and place, for listings, calendars and feeds. */
export interface ListedSession {
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** Seats left for this session (series: the event's), null = unlimited. */
  seatsLeft: number | null;
  event: EventRecord;
}

export interface PublicListFilter {
  from: Date;
  to: Date;
  category?: EventCategory | undefined;
  audience?: string | undefined;
  placeId?: string | undefined;
  unitId?: string | undefined;
  freeOnly?: boolean | undefined;
  withSeats?: boolean | undefined;
  q?: string | undefined;
  limit: number;
}

const EVENT_COLUMNS = sql`e.id, e.unit_id AS "unitId", u.name AS "unitName", e.title, e.description, e.category,
  e.audience, e.place_id AS "placeId", e.online_url AS "onlineUrl", e.time_zone AS "timeZone", e.capacity,
  e.registration_mode AS "registrationMode", e.registration_opens_at AS "registrationOpensAt",
  e.registration_closes_at AS "registrationClosesAt", e.price_vnd AS "priceVnd",
  e.organiser_contact AS "organiserContact", e.plan_instance_id AS "planInstanceId", e.recurrence, e.status,
  e.source, e.url, e.image_file_id AS "imageFileId", e.confirmed_seats AS "confirmedSeats", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

const EVENT_FROM = sql`events e JOIN unit_directory u ON u.id = e.unit_id`;

type EventRow = Omit<EventRecord, 'place'>;

const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toEvent(r: EventRow, places: ReadonlyMap<string, PlaceSummary>): EventRecord {
  const place = r.placeId ? places.get(r.placeId) : undefined;
  return {
    ...r,
    audience: r.audience ?? [],
    registrationOpensAt: dateOrNull(r.registrationOpensAt),
    registrationClosesAt: dateOrNull(r.registrationClosesAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    place: place
      ? { id: place.id, name: place.name, address: place.address, lat: place.lat, lng: place.lng }
      : null,
  };
}

/** The events with their places, named by the places module (one query for all the rows). */
async function toEvents<R extends EventRow>(db: Db, rows: readonly R[]) {
  const places = await placeSummaries(
    db,
    rows.flatMap((r) => (r.placeId ? [r.placeId] : [])),
  );
  return rows.map((r) => ({ row: r, event: toEvent(r, places) }));
}

function toSession(r: SessionRecord): SessionRecord {
  return { ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) };
}

function eventAssignments(v: EventValues): SQL {
  return sql`unit_id = ${v.unitId}, title = ${v.title}, description = ${v.description}, category = ${v.category},
    audience = ${textArray(v.audience)}::text[], place_id = ${v.placeId}, online_url = ${v.onlineUrl},
    time_zone = ${v.timeZone}, capacity = ${v.capacity}, registration_mode = ${v.registrationMode},
    registration_opens_at = ${v.registrationOpensAt}, registration_closes_at = ${v.registrationClosesAt},
    price_vnd = ${v.priceVnd}, organiser_contact = ${v.organiserContact}, plan_instance_id = ${v.planInstanceId},
    recurrence = ${v.recurrence === null ? null : JSON.stringify(v.recurrence)}::jsonb, status = ${v.status}`;
}

/** Seats left given capacity and seats taken; null when unlimited. */
const SEATS_LEFT = sql`CASE WHEN e.capacity IS NULL THEN NULL
  WHEN e.registration_mode = 'series' THEN greatest(e.capacity - e.confirmed_seats, 0)
  ELSE greatest(e.capacity - s.confirmed_seats, 0) END`;

export function createEventsRepository() {
  const byId = async (db: Db, id: string): Promise<EventRecord | null> => {
    const rows = await queryRows<EventRow>(
      db,
      sql`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = ${id}`,
    );
    return (await toEvents(db, rows))[0]?.event ?? null;
  };

  return {
    ...createEventPlaceQueries(),
    byId,

    /** Title and status of these events, one query for the list (the events port). */
    async summaries(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return queryRows<{ id: string; title: string; status: EventStatus; unitId: string }>(
        db,
        sql`SELECT id, title, status, unit_id AS "unitId" FROM events WHERE id = ANY(${textArray(ids)}::text[])`,
      );
    },

    async insert(tx: Db, v: EventValues): Promise<string> {
      const id = newId('evt');
      await tx.execute(
        sql`INSERT INTO events (id, unit_id, title, description, category, audience, place_id, online_url, time_zone,
              capacity, registration_mode, registration_opens_at, registration_closes_at, price_vnd,
              organiser_contact, plan_instance_id, recurrence, status)
            VALUES (${id}, ${v.unitId}, ${v.title}, ${v.description}, ${v.category}, ${textArray(v.audience)}::text[],
              ${v.placeId}, ${v.onlineUrl}, ${v.timeZone}, ${v.capacity}, ${v.registrationMode},
              ${v.registrationOpensAt}, ${v.registrationClosesAt}, ${v.priceVnd}, ${v.organiserContact},
              ${v.planInstanceId}, ${v.recurrence === null ? null : JSON.stringify(v.recurrence)}::jsonb, ${v.status})`,
      );
      return id;
    },

    /** Writes the event only while it still has `expectedVersion`; false when someone else saved first. */
    async update(tx: Db, id: string, v: EventValues, expectedVersion: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`UPDATE events SET ${eventAssignments(v)}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${expectedVersion} RETURNING id`,
      );
      return rows.length === 1;
    },

    /**
     * Locks the event row for the rest of the transaction: every change to its seats (registration,
     * cancellation, capacity edit) goes through this lock, so counts cannot race.
     */
    async lock(tx: Db, id: string): Promise<EventRecord | null> {
      const rows = await queryRows<EventRow>(
        tx,
        sql`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = ${id} FOR UPDATE OF e`,
      );
      return (await toEvents(tx, rows))[0]?.event ?? null;
    },

    /** The event's registration facts and its sessions in one round trip (the registration hot path). */
    async registrationFacts(
      db: Db,
      id: string,
    ): Promise<{ event: RegistrationEvent; sessions: SessionRecord[] } | null> {
      type Row = Omit<RegistrationEvent, 'registrationOpensAt' | 'registrationClosesAt'> & {
        registrationOpensAt: string | Date | null;
        registrationClosesAt: string | Date | null;
        sessions: SessionRecord[] | string;
      };
      const rows = await queryRows<Row>(
        db,
        sql`SELECT e.id, e.title, e.status, e.source, e.capacity, e.registration_mode AS "registrationMode",
                   e.registration_opens_at AS "registrationOpensAt",
                   e.registration_closes_at AS "registrationClosesAt", e.confirmed_seats AS "confirmedSeats",
                   coalesce((SELECT json_agg(json_build_object('id', s.id, 'eventId', s.event_id,
                       'startsAt', s.starts_at, 'endsAt', s.ends_at, 'cancelled', s.cancelled,
                       'confirmedSeats', s.confirmed_seats) ORDER BY s.starts_at)
                     FROM event_sessions s WHERE s.event_id = e.id), '[]'::json) AS sessions
            FROM events e WHERE e.id = ${id}`,
      );
      const r = rows[0];
      if (!r) return null;
      const list = (typeof r.sessions === 'string' ? JSON.parse(r.sessions) : r.sessions) as SessionRecord[];
      const { sessions: _s, ...event } = r;
      return {
        event: {
          ...event,
          registrationOpensAt: dateOrNull(r.registrationOpensAt),
          registrationClosesAt: dateOrNull(r.registrationClosesAt),
        },
        sessions: list.map(toSession),
      };
    },

    async sessions(db: Db, eventId: string): Promise<SessionRecord[]> {
      const rows = await queryRows<SessionRecord>(
        db,
        sql`SELECT id, event_id AS "eventId", starts_at AS "startsAt", ends_at AS "endsAt", cancelled,
                   confirmed_seats AS "confirmedSeats"
            FROM event_sessions WHERE event_id = ${eventId} ORDER BY starts_at`,
      );
      return rows.map(toSession);
    },

    async replaceSessions(tx: Db, eventId: string, sessions: Array<{ startsAt: Date; endsAt: Date }>) {
      await tx.execute(sql`DELETE FROM event_sessions WHERE event_id = ${eventId}`);
      for (const s of sessions) {
        await tx.execute(
          sql`INSERT INTO event_sessions (id, event_id, starts_at, ends_at)
              VALUES (${newId('evs')}, ${eventId}, ${s.startsAt}, ${s.endsAt})`,
        );
      }
    },

    async setSessionCancelled(tx: Db, sessionId: string, cancelled: boolean): Promise<void> {
      await tx.execute(sql`UPDATE event_sessions SET cancelled = ${cancelled} WHERE id = ${sessionId}`);
    },

    /** Adds (or with a negative delta frees) confirmed seats on the event (series) or one session. */
    async addSeats(tx: Db, eventId: string, sessionId: string | null, delta: number): Promise<void> {
      if (sessionId) {
        await tx.execute(
          sql`UPDATE event_sessions SET confirmed_seats = confirmed_seats + ${delta} WHERE id = ${sessionId}`,
        );
      } else {
        await tx.execute(
          sql`UPDATE events SET confirmed_seats = confirmed_seats + ${delta} WHERE id = ${eventId}`,
        );
      }
    },

    async setImage(tx: Db, id: string, fileId: string | null): Promise<void> {
      await tx.execute(sql`UPDATE events SET image_file_id = ${fileId}, updated_at = now() WHERE id = ${id}`);
    },

    async setStatus(tx: Db, id: string, status: EventStatus): Promise<void> {
      await tx.execute(
        sql`UPDATE events SET status = ${status}, version = version + 1, updated_at = now() WHERE id = ${id}`,
      );
    },

    /** Events of the units under `unitRoots` (all units when undefined), latest first. */
    async listForStaff(db: Db, unitIds: readonly string[] | undefined, limit = 200) {
      const scope = unitIds
        ? sql`AND e.unit_id IN (${
            unitIds.length
              ? sql.join(
                  unitIds.map((u) => sql`${u}`),
                  sql`, `,
                )
              : sql`NULL`
          })`
        : sql``;
      const rows = await queryRows<EventRow & { firstStart: string | Date | null; sessionCount: number }>(
        db,
        sql`SELECT ${EVENT_COLUMNS},
                   (SELECT min(starts_at) FROM event_sessions s WHERE s.event_id = e.id) AS "firstStart",
                   (SELECT count(*)::int FROM event_sessions s WHERE s.event_id = e.id) AS "sessionCount"
            FROM ${EVENT_FROM} WHERE e.source = 'local' ${scope}
            ORDER BY "firstStart" DESC NULLS LAST, e.id LIMIT ${limit}`,
      );
      return (await toEvents(db, rows)).map(({ row: r, event }) => ({
        event,
        firstStart: r.firstStart ? new Date(r.firstStart) : null,
        sessionCount: r.sessionCount,
      }));
    },

    /** Published sessions starting in [from, to), with their event and place (listings, month view, feeds). */
    async publishedSessionsBetween(
      db: Db,
      f: Omit<PublicListFilter, 'limit'> & { limit: number },
    ): Promise<ListedSession[]> {
      const conditions: SQL[] = [
        sql`e.status = 'published'`,
        sql`s.starts_at >= ${f.from}`,
        sql`s.starts_at < ${f.to}`,
      ];
      if (f.category) conditions.push(sql`e.category = ${f.category}`);
      if (f.audience) conditions.push(sql`${f.audience} = ANY(e.audience)`);
      if (f.placeId) conditions.push(sql`e.place_id = ${f.placeId}`);
      if (f.unitId) conditions.push(sql`e.unit_id = ${f.unitId}`);
      if (f.freeOnly) conditions.push(sql`e.price_vnd = 0`);
      if (f.withSeats) conditions.push(sql`NOT s.cancelled AND (${SEATS_LEFT} IS NULL OR ${SEATS_LEFT} > 0)`);
      if (f.q) conditions.push(sql`e.search_folded LIKE '%' || vn_fold(${likeEscape(f.q)}) || '%'`);
      const rows = await queryRows<
        EventRow & {
          sessionId: string;
          startsAt: Date;
          endsAt: Date;
          cancelled: boolean;
          seatsLeft: number | null;
        }
      >(
        db,
        sql`SELECT ${EVENT_COLUMNS}, s.id AS "sessionId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
                   s.cancelled, ${SEATS_LEFT} AS "seatsLeft"
            FROM event_sessions s JOIN ${EVENT_FROM} ON e.id = s.event_id
            WHERE ${sql.join(conditions, sql` AND `)}
            ORDER BY s.starts_at, e.id LIMIT ${f.limit}`,
      );
      return (await toEvents(db, rows)).map(({ row: r, event }) => ({
        sessionId: r.sessionId,
        startsAt: new Date(r.startsAt),
        endsAt: new Date(r.endsAt),
        cancelled: r.cancelled,
        seatsLeft: r.seatsLeft === null ? null : Number(r.seatsLeft),
        event,
      }));
    },

    /** Events counted as evidence of a plan task instance. */
    async forPlanInstance(db: Db, planInstanceId: string) {
      const rows = await queryRows<EventRow>(
        db,
        sql`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.plan_instance_id = ${planInstanceId} ORDER BY e.created_at`,
      );
      return (await toEvents(db, rows)).map((r) => r.event);
    },

    /** Title, unit and status of these events (other modules' links); a missing id is absent. */
    /** Largest number of seats confirmed on one session (per-session registration). */
    async maxSessionSeats(tx: Db, eventId: string): Promise<number> {
      const rows = await queryRows<{ n: number }>(
        tx,
        sql`SELECT coalesce(max(confirmed_seats), 0)::int AS n FROM event_sessions WHERE event_id = ${eventId}`,
      );
      return rows[0]?.n ?? 0;
    },
  };
}
export type EventsRepository = ReturnType<typeof createEventsRepository>;
