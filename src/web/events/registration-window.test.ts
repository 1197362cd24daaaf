import { describe, expect, it } from 'vitest';
import { registrationWindow } from './registration-window.ts';

const at = (s: string) => new Date(s);
const session = (id: string, start: string, end: string, cancelled = false) => ({
  id,
  cancelled,
  startsAt: at(start),
  endsAt: at(end),
});
const NOW = at('2027-04-21T12:00:00+07:00');
const event = (over: Partial<Parameters<typeof registrationWindow>[0]> = {}) => ({
  registrationMode: 'session',
  registrationOpensAt: null,
  registrationClosesAt: null,
  ...over,
});

describe('what a registration form may offer', () => {
  const sessions = [
    session('yesterday', '2027-04-20T08:00:00+07:00', '2027-04-20T10:00:00+07:00'),
    session('tomorrow', '2027-04-22T08:00:00+07:00', '2027-04-22T10:00:00+07:00'),
    session('cancelled', '2027-04-23T08:00:00+07:00', '2027-04-23T10:00:00+07:00', true),
    session('next-week', '2027-04-28T08:00:00+07:00', '2027-04-28T10:00:00+07:00'),
  ];

  it("never offers yesterday's session or a cancelled one", () => {
    expect(registrationWindow(event(), sessions, NOW)).toEqual({
      state: 'open',
      openSessionIds: ['tomorrow', 'next-week'],
    });
  });

  it('offers nothing before registration opens, and says so', () => {
    const w = registrationWindow(
      event({ registrationOpensAt: at('2027-04-21T18:00:00+07:00') }),
      sessions,
      NOW,
    );
    expect(w.state).toBe('notYet');
  });

  it('closes a course (series) once its first session has started', () => {
    expect(registrationWindow(event({ registrationMode: 'series' }), sessions, NOW).state).toBe('closed');
    expect(registrationWindow(event({ registrationMode: 'series' }), sessions.slice(1), NOW).state).toBe(
      'open',
    );
  });

  it('is over when every session has ended', () => {
    expect(registrationWindow(event(), sessions.slice(0, 1), NOW).state).toBe('over');
  });
});
