// Registering for an event (signed-in citizen, a family member they manage, or a guest), seeing a ticket,
// cancelling. Everything that can be checked without a lock is checked first (event, timing, party size,
// earlier registrations); then ONE statement takes a seat if one fits and writes the registration (confirmed
// or waitlisted), so 1,000 simultaneous sign-ups for 100 seats end with exactly 100 confirmed while the seat
// counter's row lock is held for a single statement. The idempotency key (unique per event) makes a
// double-submitted form one sign-up, and a unique index holds each learner to one live registration per event
// (or session). The ticket mail goes out after commit (events-ticket-mail.server.ts).

import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Locale, MessageKey } from '../../lib/i18n.ts';
import { fold } from '../../lib/vn-text.ts';
import { currentLearner, learnersPort } from '../learners/index.server.ts';
import {
  CONSENT_TEXT,
  hashLinkSecret,
  newTicketCode,
  normalizeTicketCode,
  normalizeVietnamesePhone,
  unmatchableHashes,
} from './events.model.server.ts';
import type { EventRecord, RegistrationEvent, SessionRecord } from './events.repository.server.ts';
import type { RegistrationInput } from './events.schemas.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';
import { kickGuestConsents } from './events-consent-ledger.server.ts';
import { registerGrouped } from './events-registration-batch.server.ts';
import { checkRegistrationGuards } from './events-registration-guards.server.ts';
import {
  type RegistrationFacts,
  registrationFacts,
  waitlistPlace,
} from './events-registration-reads.server.ts';
import type { Registration } from './events-registrations.repository.server.ts';
import { kickTicketMails } from './events-ticket-mail.server.ts';
import { notifyPromotions, type Promotion, promoteWaitlist } from './events-waitlist.server.ts';

const fail = (code: string, key: MessageKey, status = 422, params?: Record<string, string | number>) =>
  new AppError(`events.${code}`, status, key, params ? { params } : {});

export interface RegistrationResult {
  registration: Registration;
  event: RegistrationEvent;
  waitlistPosition: number | null;
  /** False when the idempotency key had already registered: the same registration is answered again. */
  created: boolean;
}

interface Registrant {
  userId: string | null;
  /** The learner registered: the account holder, a family member they manage, or null for a guest. */
  learnerId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}

async function registrantOf(deps: EventsDeps, actor: Actor, input: RegistrationInput): Promise<Registrant> {
  const phone = input.phone ? normalizeVietnamesePhone(input.phone) : null;
  if (input.phone && !phone) throw fail('invalid_phone', 'events.error.invalidPhone');
  if (actor.kind === 'user') {
    // For someone else in the family: only a learner this account manages (the learners module decides).
    const chosen = input.learnerId ?? (await currentLearner(actor))?.id ?? actor.userId;
    let name = input.name ?? actor.name;
    if (chosen !== actor.userId) {
      if (!(await learnersPort.manages(deps, actor.userId, chosen)))
        throw fail('not_family', 'events.error.notFamilyMember', 403);
      const [profile] = await learnersPort.profiles(deps, [chosen]);
      if (!profile) throw fail('not_family', 'events.error.notFamilyMember', 403);
      name = input.name ?? profile.displayName;
    }
    return { userId: actor.userId, learnerId: chosen, name, phone, email: input.email ?? actor.email };
  }
  if (input.learnerId) throw fail('not_family', 'events.error.notFamilyMember', 403);
  if (!input.name) throw fail('name_required', 'events.error.nameRequired');
  if (!phone && !input.email) throw fail('contact_required', 'events.error.contactRequired');
  if (!input.consent) throw fail('consent_required', 'events.error.consentRequired');
  return {
    userId: null,
    learnerId: null,
    name: input.name,
    phone,
    email: input.email?.toLowerCase() ?? null,
  };
}

/** Which sessions a registration covers, and the checks of time: past, window not open or closed. */
function checkTiming(
  event: RegistrationEvent,
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

const isUniqueViolation = (e: unknown) =>
  ((e as { code?: unknown })?.code ?? (e as { cause?: { code?: unknown } })?.cause?.code) === '23505';

/** The live registration that answers a repeated sign-up (same key, same learner, same guest), if any. */
async function earlier(
  deps: EventsDeps,
  db: Db,
  event: RegistrationEvent,
  input: RegistrationInput,
  who: Registrant,
): Promise<Registration | null> {
  const regs = deps.repos.eventRegistrations;
  const sessionId = event.registrationMode === 'session' ? input.sessionId : null;
  // A guest registering again with the same phone and the same name (accents and case aside) gets the ticket
  // they already hold, not a second one. Another name on a shared family phone is another person. The same key
  // first; both looked up in one statement.
  if (who.phone && !who.learnerId) {
    const found = await deps.repos.eventRegistrationReads.sameKeyOrGuestPhone(db, {
      eventId: event.id,
      key: input.idempotencyKey,
      sessionId,
      phone: who.phone,
    });
    if (!found) return null;
    return found.sameKey || fold(found.registration.name) === fold(who.name) ? found.registration : null;
  }
  const previous = await regs.byIdempotencyKey(db, event.id, input.idempotencyKey);
  if (previous) return previous;
  // One live registration per learner (per session when seats are per session): a second form with a new key
  // answers with the first registration.
  if (who.learnerId) return regs.liveOfLearner(db, event.id, sessionId, who.learnerId);
  return null;
}

export async function registerForEvent(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  input: RegistrationInput,
  locale: Locale = 'vi',
  /** The event's registration facts when the caller has just read them (the page's action), else read here. */
  known?: RegistrationFacts,
): Promise<RegistrationResult> {
  authorize(actor, 'events.registration.create');
  const who = await registrantOf(deps, actor, input);
  // Other modules' checks on the learner (the learners module refuses a minor without the consents).
  if (who.learnerId) await checkRegistrationGuards(deps, who.learnerId);
  const facts = known?.event.id === eventId ? known : await registrationFacts(deps, eventId);
  if (!facts || facts.event.status === 'draft' || facts.event.source !== 'local')
    throw notFound('events.event');
  const { event, sessions } = facts;
  const answer = (registration: Registration, created: boolean) => ({ registration, event, created });
  // The hot path asks nothing more before the seat statement: a repeated key or learner is caught by the unique
  // indexes (below). Only a guest's phone and name, which no index can compare, is looked up first.
  const again = who.phone && !who.learnerId ? await earlier(deps, deps.db, event, input, who) : null;
  let result: { registration: Registration; event: RegistrationEvent; created: boolean };
  if (again) result = answer(again, false);
  else {
    try {
      checkTiming(event, sessions, input.sessionId, deps.now());
      if (event.capacity !== null && input.partySize > event.capacity)
        throw fail('party_too_large', 'events.error.partyTooLarge', 422, { capacity: event.capacity });
    } catch (e) {
      // A form sent again after registration closed still shows the ticket it got the first time.
      const previous = await earlier(deps, deps.db, event, input, who);
      if (!previous) throw e;
      return {
        registration: previous,
        event,
        waitlistPosition: await position(deps, previous),
        created: false,
      };
    }
    try {
      // Replaced by the hashes of the mails' own secrets when they are sent.
      const [cancelTokenHash, feedbackTokenHash] = unmatchableHashes();
      const registration = await registerGrouped(deps, {
        eventId,
        sessionId: event.registrationMode === 'session' ? input.sessionId : null,
        userId: who.userId,
        learnerId: who.learnerId,
        name: who.name,
        phone: who.phone,
        email: who.email,
        partySize: input.partySize,
        status: 'waitlisted',
        ticketCode: newTicketCode(),
        cancelTokenHash,
        feedbackTokenHash,
        idempotencyKey: input.idempotencyKey,
        consentText: who.userId ? null : CONSENT_TEXT,
        consentAt: who.userId ? null : deps.now(),
        mailLocale: locale,
        at: deps.now(),
      });
      // The event stopped taking sign-ups after its facts were read (cancelled, closed): say why, as read now.
      if (!registration) throw await noLongerOpen(deps, eventId, input.sessionId);
      result = answer(registration, true);
    } catch (e) {
      // A concurrent double submit (or a second tab of the same learner) won the unique index.
      const winner = isUniqueViolation(e) ? await earlier(deps, deps.db, event, input, who) : null;
      if (!winner) throw e;
      result = answer(winner, false);
    }
  }
  const { registration, created } = result;
  if (created && registration.email) kickTicketMails(deps);
  if (created && !registration.userId) kickGuestConsents(deps);
  return { registration, event, waitlistPosition: await position(deps, registration), created };
}

/** Why an event whose facts allowed a sign-up refused it in the seat statement: its facts read again. */
async function noLongerOpen(deps: EventsDeps, eventId: string, sessionId: string | null): Promise<unknown> {
  const fresh = await deps.repos.events.registrationFacts(deps.db, eventId);
  if (!fresh || fresh.event.status === 'draft') return notFound('events.event');
  try {
    checkTiming(fresh.event, fresh.sessions, sessionId, deps.now());
  } catch (e) {
    return e;
  }
  return fail('closed', 'events.error.closed', 409);
}

const position = (deps: EventsDeps, r: Registration) =>
  r.status === 'waitlisted' ? waitlistPlace(deps, r) : null;

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
