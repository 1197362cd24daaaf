// Ticket mails after commit, off the request path. A registration with an e-mail address is written with
// `ticket_mail_due`: the registration row is its own transactional outbox. After the response, the process
// delivers due mails shortly after a burst quiets (debounced, one mailer at a time, so rendering the QR codes
// of 1,000 sign-ups does not compete with the sign-ups themselves). A drain that started anyway (MAX_WAIT_MS
// into a long burst) slows to one mail per QUIET_MS while sign-ups keep arriving: profiled under the burst,
// the QR PNGs and the mail's statements took ~20 % of the busy CPU when they ran at full speed beside it. The
// event and its sessions are read once per drain, not once per mail. The `events.ticket-mails` schedule sweeps
// every minute for anything a stopped process left due. Each mail carries a fresh cancellation secret whose
// hash is stored as the mail is claimed, so no secret waits in a table.
//
// A claimed mail is kept (mail_outbox, or sent by SMTP and its copy kept) only in a transaction that first
// finds the registration still holding the address and name it was rendered for, and share-locks that row
// until the copy is written: an erasure that pseudonymised the registration after the claim (and deleted the
// person's mails) leaves nothing for the drain to write; one under way waits for the copy and then deletes it
// with the rest, or (if it rewrote the row first) makes the drain find the contact gone. A copy written after
// the mail handler's delete but before the events handler's rewrite is deleted by the events handler itself
// (events.personal-data.repository.server.ts), whatever the handlers' order.
import type { Locale } from '../../lib/i18n.ts';
import { sendEventMail, ticketMailMessage } from './events.mail.server.ts';
import { newLinkSecret } from './events.model.server.ts';
import type { EventRecord, SessionRecord } from './events.repository.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';

export const TICKET_MAILS_JOB = 'events.ticket-mails';

const QUIET_MS = 150;
const MAX_WAIT_MS = 5000;
/** When the last sign-up of this process asked for its mail (Date.now()), 0 before any. */
let lastKickAt = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * Sends due ticket mails (oldest first) until none is due or `limit` are sent; how many were taken. `yieldToSignUps`:
 * while sign-ups keep arriving in this process, one mail per QUIET_MS (the after-commit drain and the sweep).
 */
export async function deliverTicketMails(
  deps: EventsDeps,
  limit = 1000,
  yieldToSignUps = true,
): Promise<number> {
  let taken = 0;
  // A drain covers a burst for one or a few events: their rows and sessions are read once.
  const events = new Map<string, Promise<[EventRecord | null, SessionRecord[]]>>();
  const eventOf = (id: string) => {
    let found = events.get(id);
    if (!found) {
      found = Promise.all([deps.repos.events.byId(deps.db, id), deps.repos.events.sessions(deps.db, id)]);
      events.set(id, found);
    }
    return found;
  };
  while (taken < limit) {
    // Sign-ups still arriving: one mail per quiet interval, so the burst keeps the CPU.
    if (yieldToSignUps && Date.now() - lastKickAt < QUIET_MS) await sleep(QUIET_MS);
    const secret = newLinkSecret();
    const r = await deps.repos.eventRegistrations.claimTicketMail(deps.db, secret.hash);
    if (!r) break;
    taken++;
    // Cancelled before the mail went out: no ticket to send.
    if (!r.email || r.status === 'cancelled') continue;
    const [event, sessions] = await eventOf(r.eventId);
    if (!event) continue;
    const session = r.sessionId
      ? sessions.find((s) => s.id === r.sessionId)
      : sessions.find((s) => !s.cancelled);
    const waitlistPosition =
      r.status === 'waitlisted' ? await deps.repos.eventRegistrations.waitlistPosition(deps.db, r) : null;
    // Rendered (QR code) before the transaction, which then holds a connection only for its statements.
    const message = await ticketMailMessage(deps, {
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
      registrationId: r.id,
    });
    const { email, name } = r;
    await deps.db.transaction(async (tx) => {
      if (!(await deps.repos.eventRegistrations.holdTicketContact(tx, r.id, email, name))) return;
      await sendEventMail(deps, message, { db: tx });
    });
  }
  return taken;
}

/** Job handler: the sweep (every minute) for mails still due. */
export async function runTicketMailsJob(deps: EventsDeps): Promise<void> {
  await deliverTicketMails(deps);
}

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
  lastKickAt = now;
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
 * it, every ticket mail due before the call is in the outbox (unless rows stay locked for over ~5 s).
 */
export async function flushTicketMails(deps: EventsDeps): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  // A due row can be locked for a while by the consent-ledger writer (it claims the same registration rows,
  // events-consent-ledger.server.ts), and the claim skips locked rows: go round until none is due (bounded).
  for (let round = 0; ; round++) {
    await draining;
    await deliverTicketMails(deps, 1000, false);
    await draining;
    if (round >= 200 || !(await deps.repos.eventRegistrations.anyTicketMailDue(deps.db))) return;
    await sleep(25);
  }
}
