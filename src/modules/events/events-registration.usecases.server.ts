// Registering for an event (signed-in citizen or guest), seeing a ticket, cancelling. Seats are decided while
// the event row is locked (SELECT … FOR UPDATE), so 1,000 simultaneous sign-ups for 100 seats end with exactly
// 100 confirmed and the rest on the waitlist; the idempotency key makes a double-submitted form one sign-up,
// and a signed-in person holds at most one live registration per event (or session) whatever the key.

import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Locale, MessageKey } from '../../lib/i18n.ts';
import { fold } from '../../lib/vn-text.ts';
import { sendTicketMail } from './events.mail.server.ts';
import {
  CONSENT_TEXT,
  hashLinkSecret,
  newLinkSecret,
  newTicketCode,
  normalizeTicketCode,
  normalizeVietnamesePhone,
} from './events.model.server.ts';
import type { EventRecord, SessionRecord } from './events.repository.server.ts';
import type { RegistrationInput } from './events.schemas.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';
import { checkRegistrationGuards } from './events-registration-guards.server.ts';
import type { Registration } from './events-registrations.repository.server.ts';
import { notifyPromotions, type Promotion, promoteWaitlist } from './events-waitlist.server.ts';

const fail = (code: string, key: MessageKey, status = 422, params?: Record<string, string | number>) =>
  new AppError(`events.${code}`, status, key, params ? { params } : {});

export interface RegistrationResult {
  registration: Registration;
  event: EventRecord;
  waitlistPosition: number | null;
  /** False when the idempotency key had already registered: the same registration is answered again. */
  created: boolean;
}

interface Registrant {
  userId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}

function registrantOf(actor: Actor, input: RegistrationInput): Registrant {
  const phone = input.phone ? normalizeVietnamesePhone(input.phone) : null;
  if (input.phone && !phone) throw fail('invalid_phone', 'events.error.invalidPhone');
  if (actor.kind === 'user') {
    return { userId: actor.userId, name: input.name ?? actor.name, phone, email: input.email ?? actor.email };
  }
  if (!input.name) throw fail('name_required', 'events.error.nameRequired');
  if (!phone && !input.email) throw fail('contact_required', 'events.error.contactRequired');
  if (!input.consent) throw fail('consent_required', 'events.error.consentRequired');
  return { userId: null, name: input.name, phone, email: input.email?.toLowerCase() ?? null };
}

/** Which sessions a registration covers, and the checks of time: past, window not open or closed. */
function checkTiming(
  event: EventRecord,
  sessions: SessionRecord[],
  sessionId: string | null,
  now: Date,
): SessionRecord[] {
  if (event.status === 'cancelled') throw fail('event_cancelled', 'events.error.eventCancelled', 409);
  const live = sessions.filter((s) => !s.cancelled);
  let covered: SessionRecord[];
  if (event.registrationMode === 'session') {
    if (!sessionId) throw fail('session_required', 'events.error.sessionRequired');
    const s = live.find((x) => x.id === sessionId);
    if (!s) throw fail('session_not_found', 'events.error.sessionNotFound');
    covered = [s];
  } else {
    if (sessionId) throw fail('series_only', 'events.error.seriesOnly');
    covered = live;
  }
  const first = covered[0];
  const last = covered.at(-1);
  if (!first || !last || last.endsAt <= now) throw fail('past', 'events.error.past', 409);
  if (event.registrationOpensAt && now < event.registrationOpensAt)
    throw fail('not_open', 'events.error.notOpen', 409);
  const closes = event.registrationClosesAt ?? first.startsAt;
  if (now >= closes) throw fail('closed', 'events.error.closed', 409);
  if (event.capacity === 0) throw fail('no_registration', 'events.error.noRegistration', 409);
  return covered;
}

export async function registerForEvent(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  input: RegistrationInput,
  locale: Locale = 'vi',
): Promise<RegistrationResult> {
  authorize(actor, 'events.registration.create');
  const who = registrantOf(actor, input);
  // Other modules' checks on the person (the learners module refuses a minor without the consents).
  if (who.userId) await checkRegistrationGuards(deps, who.userId);
  const cancel = newLinkSecret();
  const result = await deps.db.transaction(async (tx) => {
    const event = await deps.repos.events.lock(tx, eventId);
    if (!event || event.status === 'draft' || event.source !== 'local') throw notFound('events.event');
    const regs = deps.repos.eventRegistrations;
    const previous = await regs.byIdempotencyKey(tx, eventId, input.idempotencyKey);
    if (previous) return { registration: previous, event, created: false, startsAt: null };
    // One live registration per signed-in person (per session when seats are per session): a second form
    // with a new key answers with the first registration. The event row lock orders concurrent attempts.
    const mine = who.userId
      ? await regs.liveOfUser(
          tx,
          eventId,
          event.registrationMode === 'session' ? input.sessionId : null,
          who.userId,
        )
      : null;
    if (mine) return { registration: mine, event, created: false, startsAt: null };
    // A guest registering again with the same phone and the same name (accents and case aside) gets the
    // ticket they already hold, not a second one. Another name on a shared family phone is another person.
    const again =
      !who.userId && who.phone
        ? await regs.liveOfGuestPhone(
            tx,
            eventId,
            event.registrationMode === 'session' ? input.sessionId : null,
            who.phone,
          )
        : null;
    if (again && fold(again.name) === fold(who.name))
      return { registration: again, event, created: false, startsAt: null };
    const sessions = await deps.repos.events.sessions(tx, eventId);
    const covered = checkTiming(event, sessions, input.sessionId, deps.now());
    if (event.capacity !== null && input.partySize > event.capacity)
      throw fail('party_too_large', 'events.error.partyTooLarge', 422, { capacity: event.capacity });
    const sessionId = event.registrationMode === 'session' ? input.sessionId : null;
    const taken = sessionId ? (covered[0]?.confirmedSeats ?? 0) : event.confirmedSeats;
    const fits =
      event.capacity === null ||
      (taken + input.partySize <= event.capacity && !(await regs.hasWaitlist(tx, eventId, sessionId)));
    const registration = await regs.insert(tx, {
      eventId,
      sessionId,
      userId: who.userId,
      name: who.name,
      phone: who.phone,
      email: who.email,
      partySize: input.partySize,
      status: fits ? 'confirmed' : 'waitlisted',
      ticketCode: newTicketCode(),
      cancelTokenHash: cancel.hash,
      feedbackTokenHash: newLinkSecret().hash,
      idempotencyKey: input.idempotencyKey,
      consentText: who.userId ? null : CONSENT_TEXT,
      consentAt: who.userId ? null : deps.now(),
    });
    if (fits) await deps.repos.events.addSeats(tx, eventId, sessionId, input.partySize);
    return { registration, event, created: true, startsAt: covered[0]?.startsAt ?? null };
  });
  const { registration, event, created } = result;
  const waitlistPosition =
    registration.status === 'waitlisted'
      ? await deps.repos.eventRegistrations.waitlistPosition(deps.db, registration)
      : null;
  if (created && registration.email) {
    await sendTicketMail(deps, {
      to: registration.email,
      name: registration.name,
      eventTitle: event.title,
      startsAt: result.startsAt,
      ticketCode: registration.ticketCode,
      status: registration.status === 'confirmed' ? 'confirmed' : 'waitlisted',
      waitlistPosition,
      cancelToken: cancel.token,
      locale,
      reason: 'registration',
      eventId: event.id,
      place: event.place,
    });
  }
  return { registration, event, waitlistPosition, created };
}

export interface TicketView {
  registration: Registration;
  event: EventRecord;
  sessions: SessionRecord[];
  waitlistPosition: number | null;
}

/** Whoever holds the ticket code (the QR, the mail) may see the ticket. */
export async function getTicket(deps: EventsDeps, rawCode: string): Promise<TicketView> {
  const code = normalizeTicketCode(rawCode);
  const registration = code ? await deps.repos.eventRegistrations.byTicketCode(deps.db, code) : null;
  if (!registration) throw notFound('events.ticket');
  const event = await deps.repos.events.byId(deps.db, registration.eventId);
  if (!event) throw notFound('events.ticket');
  const all = await deps.repos.events.sessions(deps.db, event.id);
  return {
    registration,
    event,
    sessions: registration.sessionId ? all.filter((s) => s.id === registration.sessionId) : all,
    waitlistPosition:
      registration.status === 'waitlisted'
        ? await deps.repos.eventRegistrations.waitlistPosition(deps.db, registration)
        : null,
  };
}

async function cancelIn(
  deps: EventsDeps,
  tx: Db,
  find: (tx: Db) => Promise<Registration | null>,
): Promise<{ registration: Registration; event: EventRecord; promotions: Promotion[] }> {
  const found = await find(tx);
  if (!found) throw fail('cancel_link_invalid', 'events.error.cancelLinkInvalid', 404);
  // Lock order everywhere: the event row first, then the registration.
  const event = await deps.repos.events.lock(tx, found.eventId);
  const registration = await deps.repos.eventRegistrations.byId(tx, found.id, true);
  if (!event || !registration) throw fail('cancel_link_invalid', 'events.error.cancelLinkInvalid', 404);
  if (registration.status === 'cancelled') return { registration, event, promotions: [] };
  if (registration.checkedInAt) throw fail('cancel_after_checkin', 'events.error.cancelAfterCheckIn', 409);
  await deps.repos.eventRegistrations.setStatus(tx, registration.id, 'cancelled', deps.now());
  let promotions: Promotion[] = [];
  if (registration.status === 'confirmed') {
    await deps.repos.events.addSeats(tx, event.id, registration.sessionId, -registration.partySize);
    const fresh = (await deps.repos.events.byId(tx, event.id)) as EventRecord;
    promotions = await promoteWaitlist(deps, tx, fresh, registration.sessionId);
  }
  return { registration: { ...registration, status: 'cancelled' }, event, promotions };
}

/** Cancels through the secret link sent by mail; people on the waitlist move up in order and are told. */
export async function cancelRegistrationByToken(deps: EventsDeps, token: string) {
  const hash = hashLinkSecret(token);
  const out = await deps.db.transaction((tx) =>
    cancelIn(deps, tx, (t) => deps.repos.eventRegistrations.byCancelHash(t, hash)),
  );
  await notifyPromotions(deps, out.promotions);
  return out;
}

/** Cancels by the ticket code (the ticket page), for guests who gave only a phone number. */
export async function cancelRegistrationByTicket(deps: EventsDeps, rawCode: string) {
  const code = normalizeTicketCode(rawCode);
  if (!code) throw fail('cancel_link_invalid', 'events.error.cancelLinkInvalid', 404);
  const out = await deps.db.transaction((tx) =>
    cancelIn(deps, tx, (t) => deps.repos.eventRegistrations.byTicketCode(t, code)),
  );
  await notifyPromotions(deps, out.promotions);
  return out;
}

/** The registration a cancellation link points at (the confirmation page before the POST). */
export async function registrationForCancelToken(deps: EventsDeps, token: string) {
  const registration = await deps.repos.eventRegistrations.byCancelHash(deps.db, hashLinkSecret(token));
  if (!registration) throw fail('cancel_link_invalid', 'events.error.cancelLinkInvalid', 404);
  const event = await deps.repos.events.byId(deps.db, registration.eventId);
  if (!event) throw fail('cancel_link_invalid', 'events.error.cancelLinkInvalid', 404);
  return { registration, event };
}
