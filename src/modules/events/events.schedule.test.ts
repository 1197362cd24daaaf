import { afterEach, describe, expect, it } from 'vitest';
import { generateSessions, utcToZoned, zonedToUtc } from './events.schedule.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('event schedule', () => {
  it('reads a time of day in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(zonedToUtc('2026-04-21', '08:00', HCM).toISOString()).toBe('2026-04-21T01:00:00.000Z');
    expect(utcToZoned(new Date('2026-04-20T17:30:00Z'), HCM)).toEqual(['2026-04-21', '00:30']);
  });

  it('ends a session that crosses midnight on the next day', () => {
    const [s] = generateSessions({
      firstDate: '2026-12-31',
      startTime: '20:00',
      endTime: '01:30',
      timeZone: HCM,
    });
    expect(s?.startsAt.toISOString()).toBe('2026-12-31T13:00:00.000Z');
    expect(s?.endsAt.toISOString()).toBe('2026-12-31T18:30:00.000Z');
    expect(utcToZoned(s?.endsAt as Date, HCM)).toEqual(['2027-01-01', '01:30']);
  });

  it('puts an early-morning Vietnamese session on the previous UTC day', () => {
    const [s] = generateSessions({
      firstDate: '2026-10-01',
      startTime: '05:00',
      endTime: '06:00',
      timeZone: HCM,
    });
    expect(s?.startsAt.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(s?.localDate).toBe('2026-10-01');
  });

  it('gives the same instants whatever zone the server or the client runs in', () => {
    const input = {
      firstDate: '2026-03-08',
      startTime: '23:00',
      endTime: '00:30',
      timeZone: HCM,
      weekly: { weekdays: [7], until: '2026-04-05', exceptions: [] },
    };
    process.env.TZ = 'UTC';
    const utc = generateSessions(input).map((s) => s.startsAt.toISOString());
    // Los Angeles switches to daylight saving time on 8 March 2026; Vietnam has none.
    process.env.TZ = 'America/Los_Angeles';
    const la = generateSessions(input).map((s) => s.startsAt.toISOString());
    process.env.TZ = 'Pacific/Kiritimati';
    const kiritimati = generateSessions(input).map((s) => s.startsAt.toISOString());
    expect(la).toEqual(utc);
    expect(kiritimati).toEqual(utc);
    expect(utc[0]).toBe('2026-03-08T16:00:00.000Z');
    expect(utc).toHaveLength(5);
  });

  it('generates a weekly series on the chosen weekdays and skips the exceptions', () => {
    const sessions = generateSessions({
      firstDate: '2026-09-01', // a Tuesday
      startTime: '18:00',
      endTime: '20:00',
      timeZone: HCM,
      weekly: { weekdays: [2, 4], until: '2026-09-30', exceptions: ['2026-09-03', '2026-09-22'] },
    });
    expect(sessions.map((s) => s.localDate)).toEqual([
      '2026-09-01',
      '2026-09-08',
      '2026-09-10',
      '2026-09-15',
      '2026-09-17',
      '2026-09-24',
      '2026-09-29',
    ]);
  });

  it('repeats on the first day’s weekday when no weekday is chosen', () => {
    const sessions = generateSessions({
      firstDate: '2026-10-01',
      startTime: '08:00',
      endTime: '10:00',
      timeZone: HCM,
      weekly: { weekdays: [], until: '2026-10-29', exceptions: [] },
    });
    expect(sessions.map((s) => s.localDate)).toEqual([
      '2026-10-01',
      '2026-10-08',
      '2026-10-15',
      '2026-10-22',
      '2026-10-29',
    ]);
  });

  it('converts a zone with daylight saving time on both sides of the change', () => {
    const sessions = generateSessions({
      firstDate: '2026-03-01',
      startTime: '10:00',
      endTime: '11:00',
      timeZone: 'Europe/Paris',
      weekly: { weekdays: [7], until: '2026-04-05', exceptions: [] },
    });
    expect(sessions[0]?.startsAt.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(sessions.at(-1)?.startsAt.toISOString()).toBe('2026-04-05T08:00:00.000Z');
  });

  it('refuses a series whose every day is skipped, an end before the start, bad days and times', () => {
    const base = { firstDate: '2026-09-01', startTime: '18:00', endTime: '20:00', timeZone: HCM };
    expect(() =>
      generateSessions({
        ...base,
        weekly: { weekdays: [2], until: '2026-09-01', exceptions: ['2026-09-01'] },
      }),
    ).toThrow('events.schedule.empty');
    expect(() =>
      generateSessions({ ...base, weekly: { weekdays: [2], until: '2026-08-01', exceptions: [] } }),
    ).toThrow('events.schedule.until_before_start');
    expect(() => generateSessions({ ...base, firstDate: '2026-02-30' })).toThrow('events.schedule.bad_date');
    expect(() => generateSessions({ ...base, startTime: '24:00' })).toThrow('events.schedule.bad_time');
    expect(() => generateSessions({ ...base, timeZone: 'Mars/Olympus' })).toThrow('events.schedule.bad_zone');
    expect(() =>
      generateSessions({
        ...base,
        weekly: { weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2027-12-31', exceptions: [] },
      }),
    ).toThrow('events.schedule.too_many');
  });
});
