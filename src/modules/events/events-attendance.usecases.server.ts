// Check-in at the door (ticket code typed or scanned), walk-ins, and feedback afterwards. Feedback invitations
// go out from a job (`events.feedback-invitations`, hourly): every checked-in registrant with an email whose
// event ended in the last 7 days gets one survey link, exactly once (claimed with a conditional UPDATE).

import { authorizeEdit } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { processingRestrictions } from '../privacy/index.server.ts';
import { sendFeedbackMail } from './events.mail.server.ts';
import { hashLinkSecret, newLinkSecret, normalizeTicketCode } from './events.model.server.ts';
import type { CheckInInput, FeedbackInput, WalkInInput } from './events.schemas.server.ts';
import { type EventsDeps, eventVisible } from './events.usecases.server.ts';
import { notifyAttendance } from './events-attendance-hooks.server.ts';

const fail = (code: string, key: MessageKey, status = 409, params?: Record<string, string | number>) =>
  new AppError(`events.${code}`, status, key, params ? { params } : {});

async function staffEvent(deps: EventsDeps, actor: Actor, eventId: string, sessionId: string) {
  const event = await deps.repos.events.byId(deps.db, eventId);
  if (!event) throw notFound('events.event');
  authorizeEdit(actor, 'events.checkin.create', event.unitId, eventVisible(actor, event), 'events.event');
  const session = (await deps.repos.events.sessions(deps.db, eventId)).find((s) => s.id === sessionId);
  if (!session) throw fail('session_not_found', 'events.error.sessionNotFound', 422);
  if (session.cancelled) throw fail('session_cancelled', 'events.error.sessionCancelled');
  return { event, session };
}

export interface CheckInResult {
  registrationId: string;
  name: string;
  partySize: number;
  checkedInAt: Date;
}

export async function checkIn(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  input: CheckInInput,
): Promise<CheckInResult> {
  const { event, session } = await staffEvent(deps, actor, eventId, input.sessionId);
  const code = normalizeTicketCode(input.code);
  if (!code) throw fail('checkin.bad_code', 'events.error.checkIn.badCode', 422);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const regs = deps.repos.eventRegistrations;
    const found = await regs.byTicketCode(tx, code);
    if (!found) throw fail('checkin.unknown', 'events.error.checkIn.unknown', 404);
    if (found.eventId !== event.id) throw fail('checkin.other_event', 'events.error.checkIn.otherEvent');
    const r = await regs.byId(tx, found.id, true);
    if (!r) throw fail('checkin.unknown', 'events.error.checkIn.unknown', 404);
    if (r.status === 'waitlisted') throw fail('checkin.waitlisted', 'events.error.checkIn.waitlisted');
    if (r.status === 'cancelled') throw fail('checkin.cancelled', 'events.error.checkIn.cancelled');
    if (r.sessionId && r.sessionId !== session.id)
      throw fail('checkin.other_session', 'events.error.checkIn.otherSession');
    const used = await deps.repos.eventAttendance.attendanceOf(tx, session.id, r.id);
    if (used)
      throw fail('checkin.already_used', 'events.error.checkIn.alreadyUsed', 409, {
        at: formatDateTime(used.checkedInAt),
      });
    await deps.repos.eventAttendance.insertAttendance(tx, {
      eventId: event.id,
      sessionId: session.id,
      registrationId: r.id,
      walkInName: null,
      partySize: r.partySize,
      at: now,
      by: actor.kind === 'user' ? actor.userId : null,
    });
    await deps.repos.eventAttendance.markCheckedIn(tx, r.id, now);
    // Only a registration made by a signed-in person names a learner (themselves or the family member they
    // registered); contact-only ones have no record.
    const learnerId = r.learnerId ?? r.userId;
    if (learnerId) {
      await notifyAttendance(deps, tx, {
        learnerId,
        registrationId: r.id,
        eventId: event.id,
        eventTitle: event.title,
        category: event.category,
        unitId: event.unitId,
        placeId: event.placeId,
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        checkedInAt: now,
      });
    }
    await deps.audit.record(tx, actor, {
      action: 'events.checkin.create',
      entityType: 'event_registration',
      entityId: r.id,
      unitId: event.unitId,
      before: null,
      after: { eventId: event.id, sessionId: session.id, partySize: r.partySize },
    });
    return { registrationId: r.id, name: r.name, partySize: r.partySize, checkedInAt: now };
  });
}

export async function addWalkIn(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  input: WalkInInput,
): Promise<string> {
  const { event, session } = await staffEvent(deps, actor, eventId, input.sessionId);
  return deps.db.transaction(async (tx) => {
    const id = await deps.repos.eventAttendance.insertAttendance(tx, {
      eventId: event.id,
      sessionId: session.id,
      registrationId: null,
      walkInName: input.name || null,
      partySize: input.partySize,
      at: deps.now(),
      by: actor.kind === 'user' ? actor.userId : null,
    });
    await deps.audit.record(tx, actor, {
      action: 'events.walkin.create',
      entityType: 'event_attendance',
      entityId: id,
      unitId: event.unitId,
      before: null,
      after: { eventId: event.id, sessionId: session.id, partySize: input.partySize },
    });
    return id;
  });
}

/** The registration a feedback link belongs to, with its event (the survey page). */
export async function feedbackContext(deps: EventsDeps, token: string) {
  const registration = await deps.repos.eventRegistrations.byFeedbackHash(deps.db, hashLinkSecret(token));
  if (!registration) throw fail('feedback.invalid_link', 'events.error.feedback.invalidLink', 404);
  const event = await deps.repos.events.byId(deps.db, registration.eventId);
  if (!event) throw fail('feedback.invalid_link', 'events.error.feedback.invalidLink', 404);
  const answered = await deps.repos.eventAttendance.hasFeedback(deps.db, registration.id);
  return { registration, event, answered };
}

export async function submitFeedback(deps: EventsDeps, input: FeedbackInput): Promise<void> {
  const { registration, answered } = await feedbackContext(deps, input.token);
  if (!registration.checkedInAt) throw fail('feedback.not_attended', 'events.error.feedback.notAttended');
  if (answered) throw fail('feedback.already', 'events.error.feedback.already');
  await deps.db.transaction(async (tx) => {
    try {
      await deps.repos.eventAttendance.insertFeedback(tx, {
        eventId: registration.eventId,
        registrationId: registration.id,
        rating: input.rating,
        comment: input.comment,
      });
    } catch {
      // Two submissions at once: the unique registration id lets one through.
      throw fail('feedback.already', 'events.error.feedback.already');
    }
  });
}

/** The job: survey links for attendees of events that ended in the last 7 days. Returns mails sent. */
export async function sendFeedbackInvitations(deps: EventsDeps): Promise<number> {
  const now = deps.now();
  const due = await deps.repos.eventAttendance.dueFeedbackInvitations(
    deps.db,
    new Date(now.getTime() - 7 * 86_400_000),
    now,
  );
  let sent = 0;
  // An invitation is non-essential: none for a person whose restriction or objection is in force.
  const restricted = await processingRestrictions.check(deps, due);
  for (const r of due) {
    if (restricted(r)) continue;
    const secret = newLinkSecret();
    const claimed = await deps.db.transaction(async (tx) => {
      if (!(await deps.repos.eventAttendance.claimFeedbackInvitation(tx, r.id, now))) return false;
      await deps.repos.eventAttendance.setFeedbackTokenHash(tx, r.id, secret.hash);
      return true;
    });
    if (!claimed || !r.email) continue;
    await sendFeedbackMail(deps, {
      to: r.email,
      name: r.name,
      eventTitle: r.eventTitle,
      token: secret.token,
      locale: 'vi',
      registrationId: r.id,
    });
    sent++;
  }
  return sent;
}

export const FEEDBACK_INVITATIONS_JOB = 'events.feedback-invitations';

/** Job handler (hourly schedule in src/jobs.ts). */
export async function runFeedbackInvitationsJob(deps: EventsDeps): Promise<void> {
  await sendFeedbackInvitations(deps);
}

/** A ticket the check-in page keeps on the device, to check people in when the network is gone. */
export interface OfflineTicket {
  code: string;
  name: string;
  partySize: number;
}

/**
 * The session's confirmed tickets (and the event-wide ones), for the check-in page to keep on the staff
 * member's device: at a door with no network it checks codes against this list and queues them; the server
 * decides at sync (POST …/check-ins), duplicates and invalid tickets reported then.
 */
export async function offlineTicketList(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  sessionId: string,
): Promise<OfflineTicket[]> {
  await staffEvent(deps, actor, eventId, sessionId);
  const regs = await deps.repos.eventRegistrations.listForEvent(deps.db, eventId);
  return regs
    .filter((r) => r.status === 'confirmed' && (r.sessionId === null || r.sessionId === sessionId))
    .map((r) => ({ code: r.ticketCode, name: r.name, partySize: r.partySize }));
}

/** A session whose tickets a staff member keeps on the device (the mobile-library van's pack). */
export interface OfflineCheckInSession {
  eventId: string;
  sessionId: string;
  title: string;
  placeId: string;
  startsAt: Date;
  endsAt: Date;
  tickets: OfflineTicket[];
}

/**
 * The day's sessions at these places (a mobile-library route's stops) that this staff member may check people
 * in at, each with its ticket list for the offline check-in (the same list the check-in page keeps).
 */
export async function offlineCheckInSessions(
  deps: EventsDeps,
  actor: Actor,
  placeIds: readonly string[],
  from: Date,
  to: Date,
): Promise<OfflineCheckInSession[]> {
  const sessions = await deps.repos.events.sessionsAtPlaces(deps.db, placeIds, from, to);
  const out: OfflineCheckInSession[] = [];
  for (const s of sessions) {
    try {
      out.push({ ...s, tickets: await offlineTicketList(deps, actor, s.eventId, s.sessionId) });
    } catch (e) {
      // Another unit's event at the same stop: not this staff member's to check in.
      if (!(e instanceof AppError) || (e.status !== 403 && e.status !== 404)) throw e;
    }
  }
  return out;
}
