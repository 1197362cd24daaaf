// Moving people from the waitlist to seats. Runs inside the transaction that holds the event's row lock
// (a cancellation, a capacity increase). Strictly in arrival order: when the first person waiting does not
// fit (a party larger than the seats freed), nobody behind them jumps the queue.

import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { sendTicketMail } from './events.mail.server.ts';
import type { EventRecord } from './events.repository.server.ts';
import type { Registration } from './events-registrations.repository.server.ts';

type WaitlistDeps = Pick<AppDeps, 'repos' | 'now' | 'mailer' | 'logger' | 'config'>;

export interface Promotion {
  registration: Registration;
  eventTitle: string;
  startsAt: Date | null;
}

async function seatsTaken(deps: WaitlistDeps, tx: Db, event: EventRecord, sessionId: string | null) {
  if (!sessionId) return event.confirmedSeats;
  const sessions = await deps.repos.events.sessions(tx, event.id);
  return sessions.find((s) => s.id === sessionId)?.confirmedSeats ?? 0;
}

export async function promoteWaitlist(
  deps: WaitlistDeps,
  tx: Db,
  event: EventRecord,
  sessionId: string | null,
): Promise<Promotion[]> {
  if (event.capacity === 0) return [];
  const waiting = await deps.repos.eventRegistrations.waitlist(tx, event.id, sessionId);
  if (waiting.length === 0) return [];
  let free =
    event.capacity === null
      ? Number.POSITIVE_INFINITY
      : event.capacity - (await seatsTaken(deps, tx, event, sessionId));
  const now = deps.now();
  const sessions = await deps.repos.events.sessions(tx, event.id);
  const startsAt =
    (sessionId ? sessions.find((s) => s.id === sessionId) : sessions.find((s) => !s.cancelled))?.startsAt ??
    null;
  const out: Promotion[] = [];
  for (const r of waiting) {
    if (r.partySize > free) break;
    free -= r.partySize;
    await deps.repos.eventRegistrations.setStatus(tx, r.id, 'confirmed', now);
    await deps.repos.events.addSeats(tx, event.id, sessionId, r.partySize);
    if (r.userId) {
      await deps.repos.notifications.create(tx, {
        userId: r.userId,
        kind: 'events.waitlist.promoted',
        messageKey: 'events.notification.promoted',
        params: { title: event.title },
        link: `/events/tickets/${r.ticketCode}`,
        dedupeKey: `events.promoted:${r.id}`,
      });
    }
    out.push({
      registration: { ...r, status: 'confirmed', promotedAt: now },
      eventTitle: event.title,
      startsAt,
    });
  }
  return out;
}

/** After the transaction commits: tells each promoted person by mail (when they gave an address). */
export async function notifyPromotions(deps: WaitlistDeps, promotions: readonly Promotion[]): Promise<void> {
  for (const p of promotions) {
    if (!p.registration.email) continue;
    await sendTicketMail(deps, {
      to: p.registration.email,
      name: p.registration.name,
      eventTitle: p.eventTitle,
      startsAt: p.startsAt,
      ticketCode: p.registration.ticketCode,
      status: 'confirmed',
      waitlistPosition: null,
      cancelToken: null,
      locale: 'vi',
      reason: 'promotion',
      registrationId: p.registration.id,
    });
  }
}
