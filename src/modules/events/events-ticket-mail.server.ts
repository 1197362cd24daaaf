// Ticket mails after commit, off the request path. A registration with an e-mail address is written with
// `ticket_mail_due`: the registration row is its own transactional outbox. After the response, the process
// delivers due mails shortly after a burst quiets (debounced, one mailer at a time, so rendering the QR codes
// of 1,000 sign-ups does not compete with the sign-ups themselves); the `events.ticket-mails` schedule sweeps
// every minute for anything a stopped process left due. Each mail carries a fresh cancellation secret whose
// hash is stored as the mail is claimed, so no secret waits in a table.
import type { Locale } from '../../lib/i18n.ts';
import { sendTicketMail } from './events.mail.server.ts';
import { newLinkSecret } from './events.model.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';

export const TICKET_MAILS_JOB = 'events.ticket-mails';

/** Sends due ticket mails (oldest first) until none is due or `limit` are sent; how many were taken. */
export async function deliverTicketMails(deps: EventsDeps, limit = 1000): Promise<number> {
  let taken = 0;
  while (taken < limit) {
    const secret = newLinkSecret();
    const r = await deps.repos.eventRegistrations.claimTicketMail(deps.db, secret.hash);
    if (!r) break;
    taken++;
    // Cancelled before the mail went out: no ticket to send.
    if (!r.email || r.status === 'cancelled') continue;
    const event = await deps.repos.events.byId(deps.db, r.eventId);
    if (!event) continue;
    const sessions = await deps.repos.events.sessions(deps.db, r.eventId);
    const session = r.sessionId
      ? sessions.find((s) => s.id === r.sessionId)
      : sessions.find((s) => !s.cancelled);
    const waitlistPosition =
      r.status === 'waitlisted' ? await deps.repos.eventRegistrations.waitlistPosition(deps.db, r) : null;
    await sendTicketMail(deps, {
      to: r.email,
      name: r.name,
      eventTitle: event.title,
      startsAt: session?.startsAt ?? null,
      ticketCode: r.ticketCode,
      status: r.status === 'confirmed' ? 'confirmed' : 'waitlisted',
      waitlistPosition,
      cancelToken: secret.token,
      locale: r.mailLocale as Locale,
      reason: 'registration',
      eventId: event.id,
      place: event.place,
    });
  }
  return taken;
}

/** Job handler: the sweep (every minute) for mails still due. */
export async function runTicketMailsJob(deps: EventsDeps): Promise<void> {
  await deliverTicketMails(deps);
}

const QUIET_MS = 150;
const MAX_WAIT_MS = 5000;
let timer: ReturnType<typeof setTimeout> | null = null;
let firstKickAt = 0;
let draining: Promise<void> | null = null;

/**
 * After a registration commits: deliver due mails once sign-ups have been quiet for QUIET_MS (at most
 * MAX_WAIT_MS after the first). Only in processes that run jobs (JOB_RUNNER); elsewhere the sweep does it.
 */
export function kickTicketMails(deps: EventsDeps): void {
  if (!deps.config.jobRunner) return;
  const now = Date.now();
  if (!timer) firstKickAt = now;
  else clearTimeout(timer);
  const wait = Math.max(0, Math.min(QUIET_MS, firstKickAt + MAX_WAIT_MS - now));
  timer = setTimeout(() => {
    timer = null;
    if (draining) {
      // A drain is running: it picks up what is due; look again when it ends.
      void draining.then(() => kickTicketMails(deps));
      return;
    }
    draining = deliverTicketMails(deps)
      .then(() => undefined)
      .catch((e: unknown) =>
        deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'ticket mails not delivered'),
      )
      .finally(() => {
        draining = null;
      });
  }, wait);
  timer.unref();
}

/**
 * Delivers what is due now and waits for a mailer already running (tests, and a process about to stop): after
 * it, every ticket mail due before the call is in the outbox.
 */
export async function flushTicketMails(deps: EventsDeps): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  await draining;
  await deliverTicketMails(deps);
  await draining;
}
