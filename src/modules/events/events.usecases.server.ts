// Staff create and edit their unit's events; everyone reads published ones. Sessions come from the schedule
// (events.schedule.ts). Edits that would break registrations are refused with a message: capacity below the
// seats already confirmed, another schedule or registration mode once people have registered.

import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam, TIME_ZONE } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { haversineKm } from '../../lib/geo.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { checkVersion, staleVersion } from '../../lib/versions.server.ts';
import { storeUploadedFile } from '../files/files.usecases.server.ts';
import { placesPort } from '../places/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import { sendCancellationMail } from './events.mail.server.ts';
import type { EventRecord, EventValues, ListedSession, SessionRecord } from './events.repository.server.ts';
import { generateSessions } from './events.schedule.ts';
import type { EventInput, EventUpdate, PublicListQuery } from './events.schemas.server.ts';
import { notifyPromotions, type Promotion, promoteWaitlist } from './events-waitlist.server.ts';

export type EventsDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'mailer' | 'logger' | 'config'>;

export interface EventWithSessions {
  event: EventRecord;
  sessions: Array<SessionRecord & { seatsLeft: number | null }>;
}

const DAY_MS = 86_400_000;

/** Published and cancelled events are public; a draft is seen only by those who read the unit's events. */
export const eventVisible = (actor: Actor, e: Pick<EventRecord, 'status' | 'unitId'>) =>
  e.status !== 'draft' || can(actor, 'events.event.read', { unitId: e.unitId });

function eventError(code: string, key: MessageKey, status = 422, params?: Record<string, string | number>) {
  return new AppError(`events.${code}`, status, key, params ? { params } : {});
}

function toValues(input: EventInput): EventValues {
  const rule = input.schedule.weekly;
  return {
    unitId: input.unitId,
    title: input.title,
    description: input.description,
    category: input.category,
    audience: [...new Set(input.audience)],
    placeId: input.placeId,
    onlineUrl: input.onlineUrl,
    timeZone: TIME_ZONE,
    capacity: input.capacity,
    registrationMode: input.registrationMode,
    registrationOpensAt: input.registrationOpensAt ? new Date(input.registrationOpensAt) : null,
    registrationClosesAt: input.registrationClosesAt ? new Date(input.registrationClosesAt) : null,
    priceVnd: input.priceVnd,
    organiserContact: input.organiserContact,
    planInstanceId: input.planInstanceId,
    recurrence: { ...input.schedule, weekly: rule },
    status: input.status,
  };
}

function auditView(v: EventValues, sessions: number) {
  return { ...v, sessions };
}

async function checkReferences(deps: EventsDeps, tx: Db, v: EventValues) {
  if (!v.placeId && !v.onlineUrl) throw eventError('place_required', 'events.error.placeRequired');
  if (v.registrationOpensAt && v.registrationClosesAt && v.registrationOpensAt >= v.registrationClosesAt)
    throw eventError('window_order', 'events.error.windowOrder');
  if (v.placeId) {
    const places = await placesPort.activeOptions(deps, tx, [v.placeId]);
    if (places.length === 0) throw eventError('place_not_found', 'events.error.placeNotFound');
  }
  if (v.planInstanceId && !(await planInstancesPort.exists(deps, tx, v.planInstanceId)))
    throw eventError('plan_instance_not_found', 'events.error.planInstanceNotFound');
}

function sessionsFor(input: EventInput) {
  return generateSessions({ ...input.schedule, timeZone: TIME_ZONE });
}

export async function createEvent(deps: EventsDeps, actor: Actor, input: EventInput): Promise<string> {
  authorize(actor, 'events.event.create', { unitId: input.unitId });
  const values = toValues(input);
  const sessions = sessionsFor(input);
  return deps.db.transaction(async (tx) => {
    await checkReferences(deps, tx, values);
    const id = await deps.repos.events.insert(tx, values);
    await deps.repos.events.replaceSessions(tx, id, sessions);
    await deps.audit.record(tx, actor, {
      action: 'events.event.create',
      entityType: 'event',
      entityId: id,
      unitId: values.unitId,
      before: null,
      after: auditView(values, sessions.length),
    });
    return id;
  });
}

const sameSchedule = (a: SessionRecord[], b: Array<{ startsAt: Date; endsAt: Date }>) =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.startsAt.getTime() === b[i]?.startsAt.getTime() && s.endsAt.getTime() === b[i]?.endsAt.getTime(),
  );

export async function updateEvent(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  input: EventUpdate,
): Promise<void> {
  const { version, ...fields } = input;
  const values = toValues(fields);
  const generated = sessionsFor(fields);
  const promoted = await deps.db.transaction(async (tx) => {
    const before = await deps.repos.events.lock(tx, eventId);
    if (before?.source !== 'local') throw notFound('events.event');
    authorizeEdit(actor, 'events.event.update', before.unitId, eventVisible(actor, before), 'events.event');
    authorize(actor, 'events.event.update', { unitId: values.unitId });
    checkVersion('events.event', before.version, version);
    await checkReferences(deps, tx, values);
    const counts = await deps.repos.eventRegistrations.counts(tx, eventId);
    const active = counts.confirmed + counts.waitlisted;
    if (active > 0 && values.registrationMode !== before.registrationMode)
      throw eventError('mode_locked', 'events.error.modeLocked', 409);
    const existing = await deps.repos.events.sessions(tx, eventId);
    if (!sameSchedule(existing, generated)) {
      if (active > 0) throw eventError('schedule_locked', 'events.error.scheduleLocked', 409);
      await deps.repos.events.replaceSessions(tx, eventId, generated);
    }
    if (values.capacity !== null) {
      const taken =
        values.registrationMode === 'series'
          ? before.confirmedSeats
          : await deps.repos.events.maxSessionSeats(tx, eventId);
      if (values.capacity < taken)
        throw eventError('capacity_below_confirmed', 'events.error.capacityBelowConfirmed', 409, {
          confirmed: taken,
        });
    }
    if (!(await deps.repos.events.update(tx, eventId, values, version))) throw staleVersion('events.event');
    await deps.audit.record(tx, actor, {
      action: 'events.event.update',
      entityType: 'event',
      entityId: eventId,
      unitId: values.unitId,
      before: auditView(before, existing.length),
      after: auditView(values, generated.length),
    });
    // More seats (or no limit any more): people waiting move up, in order.
    const after = (await deps.repos.events.byId(tx, eventId)) as EventRecord;
    const targets = values.registrationMode === 'series' ? [null] : existing.map((s) => s.id);
    const moved: Promotion[] = [];
    for (const sessionId of targets) moved.push(...(await promoteWaitlist(deps, tx, after, sessionId)));
    return moved;
  });
  await notifyPromotions(deps, promoted);
}

export async function setSessionCancelled(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  sessionId: string,
  cancelled: boolean,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const event = await deps.repos.events.lock(tx, eventId);
    if (!event) throw notFound('events.event');
    authorizeEdit(actor, 'events.event.update', event.unitId, eventVisible(actor, event), 'events.event');
    const sessions = await deps.repos.events.sessions(tx, eventId);
    const session = sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('events.session');
    await deps.repos.events.setSessionCancelled(tx, sessionId, cancelled);
    await deps.audit.record(tx, actor, {
      action: cancelled ? 'events.session.cancel' : 'events.session.restore',
      entityType: 'event_session',
      entityId: sessionId,
      unitId: event.unitId,
      before: { cancelled: session.cancelled, startsAt: session.startsAt.toISOString() },
      after: { cancelled },
    });
  });
}

function withSeats(event: EventRecord, sessions: SessionRecord[]): EventWithSessions['sessions'] {
  return sessions.map((s) => ({
    ...s,
    seatsLeft:
      event.capacity === null
        ? null
        : Math.max(
            0,
            event.capacity - (event.registrationMode === 'series' ? event.confirmedSeats : s.confirmedSeats),
          ),
  }));
}

/** A published event for everyone; drafts only for staff who may read the unit's events. */
export async function getEvent(deps: EventsDeps, actor: Actor, eventId: string): Promise<EventWithSessions> {
  const event = await deps.repos.events.byId(deps.db, eventId);
  if (!event) throw notFound('events.event');
  if (event.status === 'draft' && !can(actor, 'events.event.read', { unitId: event.unitId }))
    throw notFound('events.event');
  return { event, sessions: withSeats(event, await deps.repos.events.sessions(deps.db, eventId)) };
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export function listRange(deps: Pick<AppDeps, 'now'>, q: PublicListQuery): { from: Date; to: Date } {
  if (q.day) return { from: dayStart(q.day), to: new Date(dayStart(q.day).getTime() + DAY_MS) };
  const now = deps.now();
  const from = q.from ? dayStart(q.from) : now;
  const to = q.to ? new Date(dayStart(q.to).getTime() + DAY_MS) : new Date(from.getTime() + 366 * DAY_MS);
  return { from, to };
}

/** Places used by upcoming published events (the public list's place filter), by name. */
export async function placesWithUpcomingEvents(deps: Pick<AppDeps, 'db' | 'repos' | 'now'>) {
  return placesPort.names(deps, deps.db, await deps.repos.events.placeIdsWithEvents(deps.db, deps.now()));
}

export async function listPublicSessions(
  deps: EventsDeps,
  q: PublicListQuery,
  limit = 100,
): Promise<ListedSession[]> {
  const { from, to } = listRange(deps, q);
  if (to <= from) return [];
  return deps.repos.events.publishedSessionsBetween(deps.db, {
    from,
    to,
    category: q.category,
    audience: q.audience,
    placeId: q.place,
    unitId: q.unit,
    freeOnly: q.free === 'true',
    withSeats: q.seats === 'true',
    q: q.q,
    limit,
  });
}

export interface Alternative {
  session: ListedSession;
  distanceKm: number | null;
}

/** When an event is full: the same kind of event, upcoming, with seats, at other venues, nearest first. */
export async function nearbyAlternatives(
  deps: EventsDeps,
  event: EventRecord,
  limit = 5,
): Promise<Alternative[]> {
  const now = deps.now();
  const candidates = await deps.repos.events.publishedSessionsBetween(deps.db, {
    from: now,
    to: new Date(now.getTime() + 400 * DAY_MS),
    category: event.category,
    withSeats: true,
    limit: 300,
  });
  const origin =
    event.place?.lat != null && event.place.lng != null
      ? { lat: event.place.lat, lng: event.place.lng }
      : null;
  const seen = new Set<string>([event.id]);
  const out: Alternative[] = [];
  for (const s of candidates) {
    if (seen.has(s.event.id) || s.cancelled) continue;
    if (event.place && s.event.place?.id === event.place.id) continue;
    seen.add(s.event.id);
    const p = s.event.place;
    const distanceKm =
      origin && p?.lat != null && p.lng != null ? haversineKm(origin, { lat: p.lat, lng: p.lng }) : null;
    out.push({ session: s, distanceKm });
  }
  out.sort((a, b) => (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY));
  return out.slice(0, limit);
}

export async function listStaffEvents(deps: EventsDeps, actor: Actor) {
  const all = await deps.repos.events.listForStaff(deps.db, undefined);
  return all.filter((e) => can(actor, 'events.event.read', { unitId: e.event.unitId }));
}

/** The staff view of one event: sessions, registrations, attendance, feedback. */
export async function getStaffEvent(deps: EventsDeps, actor: Actor, eventId: string) {
  const found = await deps.repos.events.byId(deps.db, eventId);
  if (!found || !can(actor, 'events.event.read', { unitId: found.unitId })) throw notFound('events.event');
  const canSeePeople = can(actor, 'events.registration.read', { unitId: found.unitId });
  const regs = deps.repos.eventRegistrations;
  return {
    event: found,
    sessions: withSeats(found, await deps.repos.events.sessions(deps.db, eventId)),
    counts: await regs.counts(deps.db, eventId),
    registrations: canSeePeople ? await regs.listForEvent(deps.db, eventId) : [],
    attendance: await deps.repos.eventAttendance.attendance(deps.db, eventId),
    feedback: canSeePeople ? await deps.repos.eventAttendance.feedback(deps.db, eventId) : null,
    canEdit: can(actor, 'events.event.update', { unitId: found.unitId }),
    canCheckIn: can(actor, 'events.checkin.create', { unitId: found.unitId }),
  };
}

/** Units, places and plan task instances offered by the event form. */
export async function eventFormOptions(
  deps: EventsDeps,
  actor: Actor,
  action: 'events.event.create' | 'events.event.update',
) {
  const units = (await deps.repos.units.all(deps.db)).filter((u) => can(actor, action, { unitId: u.id }));
  const year = Number(isoDateInVietnam(deps.now()).slice(0, 4));
  return {
    units: units.map((u) => ({ id: u.id, name: u.name })),
    places: await placesPort.activeOptions(deps, deps.db),
    planInstances: await planInstancesPort.options(
      deps,
      deps.db,
      year,
      units.map((u) => u.id),
    ),
  };
}

/** Replaces the event's picture (public image: re-encoded, metadata stripped, derivatives by the files module). */
export async function setEventImage(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  upload: { tempPath: string; fileName: string },
): Promise<void> {
  const event = await deps.repos.events.byId(deps.db, eventId);
  if (!event || !can(actor, 'events.event.update', { unitId: event.unitId })) {
    await rm(upload.tempPath, { force: true });
    if (!event) throw notFound('events.event');
    authorizeEdit(actor, 'events.event.update', event.unitId, eventVisible(actor, event), 'events.event');
    return;
  }
  const stored = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'image',
    visibility: 'public',
    unitId: event.unitId,
  });
  await deps.db.transaction(async (tx) => {
    await deps.repos.events.setImage(tx, eventId, stored.id);
    await deps.audit.record(tx, actor, {
      action: 'events.event.image',
      entityType: 'event',
      entityId: eventId,
      unitId: event.unitId,
      before: { imageFileId: event.imageFileId },
      after: { imageFileId: stored.id },
    });
  });
}

/** Cancels the whole event: registration stops, the page says so, and everyone registered or waiting is told. */
export async function cancelEvent(deps: EventsDeps, actor: Actor, eventId: string): Promise<void> {
  const told = await deps.db.transaction(async (tx) => {
    const event = await deps.repos.events.lock(tx, eventId);
    if (event?.source !== 'local') throw notFound('events.event');
    authorizeEdit(actor, 'events.event.update', event.unitId, eventVisible(actor, event), 'events.event');
    if (event.status === 'cancelled') return { event, people: [] };
    await deps.repos.events.setStatus(tx, eventId, 'cancelled');
    await deps.audit.record(tx, actor, {
      action: 'events.event.cancel',
      entityType: 'event',
      entityId: eventId,
      unitId: event.unitId,
      before: { status: event.status },
      after: { status: 'cancelled' },
    });
    const people = (await deps.repos.eventRegistrations.listForEvent(tx, eventId)).filter(
      (r) => r.status !== 'cancelled' && r.email,
    );
    return { event, people };
  });
  for (const r of told.people) {
    await sendCancellationMail(deps, {
      to: r.email as string,
      name: r.name,
      eventTitle: told.event.title,
      locale: 'vi',
      registrationId: r.id,
    });
  }
}
