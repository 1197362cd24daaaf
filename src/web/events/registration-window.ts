// Whether registration is open now and which sessions can be chosen, by the same rules the registration use
// case applies (events-registration.usecases.server.ts, checkTiming): a page offers only what it will accept.

interface WindowEvent {
  registrationMode: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}
interface WindowSession {
  id: string;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
}

export interface RegistrationWindow {
  state: 'open' | 'notYet' | 'closed' | 'over';
  /** Per-session events: the sessions a registration may name now (others are not offered). */
  openSessionIds: string[];
}

export function registrationWindow(
  event: WindowEvent,
  sessions: readonly WindowSession[],
  now: Date,
): RegistrationWindow {
  const live = sessions.filter((s) => !s.cancelled);
  if (!live.some((s) => s.endsAt > now)) return { state: 'over', openSessionIds: [] };
  if (event.registrationOpensAt && now < event.registrationOpensAt)
    return { state: 'notYet', openSessionIds: [] };
  if (event.registrationMode === 'session') {
    // Each session closes at the event's closing time, or at its own start when none is set.
    const open = live.filter((s) => s.endsAt > now && now < (event.registrationClosesAt ?? s.startsAt));
    return open.length
      ? { state: 'open', openSessionIds: open.map((s) => s.id) }
      : { state: 'closed', openSessionIds: [] };
  }
  const first = live[0];
  const closes = event.registrationClosesAt ?? first?.startsAt;
  return closes && now < closes
    ? { state: 'open', openSessionIds: [] }
    : { state: 'closed', openSessionIds: [] };
}
